from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        from core import publication

        from .models import GlossaryExclusion, Term

        # The terms marked up in every page's text are kept per process under the stamp.
        publication.connect([Term, GlossaryExclusion])
