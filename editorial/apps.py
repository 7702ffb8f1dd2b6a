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

        # Approve and «Request changes» confirm with a message (editorial/workflow_views.py).
        from wagtail.admin.viewsets.pages import PageViewSet

        from .workflow_views import ConfirmedWorkflowActionView

        PageViewSet.workflow_action_view_class = ConfirmedWorkflowActionView
