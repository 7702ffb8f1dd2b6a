"""The glossary and the self-assessment, in bokmål and nynorsk, for the demo.

Terms, the glossary page and the self-assessment page are in ``demo/content/glossary.yaml``;
each nynorsk version is a real translation (the self-assessment's statements come from the
factors, so it needs no text of its own).
"""

from wagtail.models import Locale

from assessment.models import AssessmentPage
from demo import content
from demo.processes import translate
from glossary.models import GlossaryPage, Term


def load_terms(command):
    nb = Locale.objects.get(language_code="nb")
    nn = Locale.objects.get(language_code="nn")
    for item in content.read("glossary")["terms"]:
        fields = {key: item["nb"][key] for key in ("term", "definition")}
        term = Term.objects.filter(locale=nb, term=fields["term"]).first()
        if term is None:
            term = Term.objects.create(
                locale=nb, variants="\n".join(item["nb"]["variants"]), **fields
            )
            command.created += 1
        if not term.has_translation(nn):
            translation = term.copy_for_translation(nn)
            translation.term = item["nn"]["term"]
            translation.definition = item["nn"]["definition"]
            translation.variants = "\n".join(item["nn"]["variants"])
            translation.save()
            command.created += 1


def load_toolkit(command, home):
    """Terms, the glossary page and the self-assessment page, each in both languages.

    Called before the trees are synchronised, so the nynorsk pages are translations.
    """
    load_terms(command)
    data = content.read("glossary")
    for model, key in ((GlossaryPage, "page"), (AssessmentPage, "assessment")):
        page = command.child(home, model, **data[key]["nb"])
        translate(command, page, **data[key]["nn"])
