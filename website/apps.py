from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from core import publication

        from .models import Notice, SiteSettings

        publication.connect([Notice, SiteSettings])
