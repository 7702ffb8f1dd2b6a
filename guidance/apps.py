from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from core import publication

        from . import signal_handlers
        from .models import Municipality, Theme

        signal_handlers.connect()
        publication.connect([Theme, Municipality])
