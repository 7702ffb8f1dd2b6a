from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = _("Bokmål and nynorsk")

    def ready(self):
        from . import slugs

        slugs.connect()
