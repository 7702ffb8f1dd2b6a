"""Demo set-up of the editorial roles, called by ``load_initial_data``. Idempotent."""

from django.apps import apps

from wagtail.models import Locale

from cases.models import CaseStudyIndexPage
from editorial import roles
from editorial.models import Directorate
from guidance.models import ArticleIndexPage, FactorIndexPage, QuoteIndexPage

# Directorate (by abbreviation or name) -> the section of the demo tree it edits.
DEMO_SECTIONS = [
    ("Husbanken", FactorIndexPage),
    ("Hdir", ArticleIndexPage),
    ("NAV", QuoteIndexPage),
    ("Bufdir", CaseStudyIndexPage),
]


def load_editorial_demo(stdout=None):
    """Site-wide groups (now that the nynorsk tree exists) and four directorates' sections."""
    roles.ensure_roles(apps)
    default = Locale.get_default()
    for name, model in DEMO_SECTIONS:
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
