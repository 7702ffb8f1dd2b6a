from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Case studies and reports")

    def ready(self):
        from languages import protected

        protected.register(protected_names)


def protected_names():
    """Authors, publishers and commissioners of case studies: never machine-translated."""
    from languages.protected import people

    from .models import CaseStudyPage

    names = []
    rows = CaseStudyPage.objects.values_list(
        "authors", "publisher", "commissioned_by", "performed_by"
    )
    for authors, *organisations in rows.distinct():
        names += people(authors)
        names += [name for name in organisations if name]
    return names
