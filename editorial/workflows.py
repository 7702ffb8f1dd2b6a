"""The end of an approval, as ``WAGTAIL_FINISH_WORKFLOW_ACTION`` (imported with Wagtail's models,
so this module imports nothing)."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    Approvers may not publish directly (``editorial.permissions``), so the approval is the
    permission: the check is skipped only when ``user`` approved a task of this workflow.
    """
    approved = workflow_state.task_states.filter(status="approved", finished_by=user).exists()
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=bool(user and approved)
    )
