"""Template helpers for the editorial rules."""

from django import template

from editorial.translations import may_publish_snippet

register = template.Library()


@register.filter
def approval_needed_for(user, instance):
    """``{% if request.user|approval_needed_for:instance %}``: a snippet under a workflow that
    ``user`` may not publish directly."""
    get_workflow = getattr(instance, "get_workflow", None)
    return bool(get_workflow and get_workflow()) and not may_publish_snippet(user, instance)
