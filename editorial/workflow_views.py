"""Approve and «Request changes» confirm with a message (Wagtail's own views say nothing)."""

from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState


class ConfirmedWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        state = TaskState.objects.filter(pk=self.task_state.pk).first()
        title = self.object.get_admin_display_title()
        if state is not None and state.status == TaskState.STATUS_APPROVED:
            messages.success(request, _("«%(title)s» is approved.") % {"title": title})
        elif state is not None and state.status == TaskState.STATUS_REJECTED:
            messages.success(
                request,
                _("Changes to «%(title)s» are requested; the author is told.") % {"title": title},
            )
        return response
