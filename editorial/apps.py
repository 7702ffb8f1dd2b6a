from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial work")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import publication

        from . import signals  # noqa: F401
        from .models import Directorate

        publication.connect([Directorate])
