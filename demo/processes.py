"""The work process «Helhetlig boligpolitisk planlegging» in bokmål and nynorsk, for the demo.

Its text is in ``demo/content/processes.yaml``; the nynorsk page is a real translation.
"""

import json

from wagtail.models import Locale

from demo import content
from guidance.models import ActivityPage, ProcessIndexPage, ProcessPage
from languages.sync import ensure_counterparts


def steps_json(steps, language, factors):
    """The StreamField JSON of the steps in ``language``; links point at the bokmål pages."""
    data = []
    for step in steps:
        text = step[language]
        activities = [
            ActivityPage.objects.child_of(factors[number]).order_by("path")[position].pk
            for number, position in step.get("activities", [])
        ]
        resources = [
            {"label": link[language], "page": None, "url": link["url"]}
            for link in step.get("resources", [])
        ]
        value = {
            "title": text["title"],
            "what_to_do": text["what_to_do"],
            "participants": text.get("participants", ""),
            "outcome": text.get("outcome", ""),
            "activities": activities,
            "factors": [factors[number].pk for number in step.get("factors", [])],
            "resources": resources,
        }
        data.append({"type": "step", "value": value})
    return json.dumps(data)


def translate(command, page, **fields):
    """``page``'s nynorsk translation with ``fields``, published, unless it has one already."""
    nn = Locale.objects.get(language_code="nn")
    existing = page.get_translation_or_none(nn)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(nn)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    command.created += 1
    return translation


def load_processes(command, home):
    """The process overview and the process, in bokmål and nynorsk.

    ``command`` is the running ``load_initial_data`` (``child``, ``factors``, counts). Called
    before the trees are synchronised, so the nynorsk pages are translations, not aliases.
    """
    data = content.read("processes")
    index_text, process = data["index"], data["process"]
    index = command.child(home, ProcessIndexPage, **index_text["nb"])
    command.created += len(ensure_counterparts(home))
    translate(command, index, **index_text["nn"])
    page = command.child(
        index,
        ProcessPage,
        process["slug"]["nb"],
        title=process["title"]["nb"],
        lead=process["lead"]["nb"],
        steps=steps_json(process["steps"], "nb", command.factors),
    )
    translate(
        command,
        page,
        slug=process["slug"]["nn"],
        title=process["title"]["nn"],
        lead=process["lead"]["nn"],
        steps=steps_json(process["steps"], "nn", command.factors),
    )
    return page
