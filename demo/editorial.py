"""Demo set-up of the editorial roles, called by ``load_initial_data``. Idempotent.

Which directorate edits which section is data: ``demo/content/editorial.yaml``.
"""

from django.apps import apps

from wagtail.models import Locale

from demo import content
from editorial import roles
from editorial.models import Directorate


def demo_sections():
    """(directorate abbreviation or name, section page model) for each section of the demo."""
    return [
        (section["directorate"], apps.get_model(section["section"]))
        for section in content.read("editorial")["sections"]
    ]


def load_editorial_demo(stdout=None):
    """Site-wide groups (now that the nynorsk tree exists) and four directorates' sections."""
    roles.ensure_roles(apps)
    default = Locale.get_default()
    for name, model in demo_sections():
        directorate = (
            Directorate.objects.filter(abbreviation=name).first()
            or Directorate.objects.filter(name=name).first()
        )
        section = model.objects.filter(locale=default).first()
        if directorate is None or section is None:
            continue
        groups = roles.grant_section(apps, directorate, section)
        if stdout is not None:
            names = ", ".join(group.name for group in groups.values())
            stdout.write(f"  {section.title}: {names}")
