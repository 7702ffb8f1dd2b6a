from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from guidance.models import Directorate, Municipality, Theme

        from . import publication
        from .models import Notice, SiteSettings

        publication.connect([Theme, Notice, Municipality, Directorate, SiteSettings])
