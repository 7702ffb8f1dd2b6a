"""Template helpers for the editorial rules."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder

from editorial.translations import may_publish_snippet

register = template.Library()


@register.filter
def approval_needed_for(user, instance):
    """``{% if request.user|approval_needed_for:instance %}``: a snippet under a workflow that
    ``user`` may not publish directly."""
    get_workflow = getattr(instance, "get_workflow", None)
    return bool(get_workflow and get_workflow()) and not may_publish_snippet(user, instance)


@register.filter
def under_workflow(instance):
    """A page or snippet whose changes go through the approval workflow."""
    get_workflow = getattr(instance, "get_workflow", None)
    return bool(get_workflow and get_workflow())


@register.filter
def without_refused_actions(props, page_perms):
    """wagtail-localize's translation-editor props without the actions the user would be refused:
    «Convert to alias page» replaces a published translation, which needs the right to publish
    (``editorial.translations.convert_to_alias``)."""
    if page_perms is None or page_perms.can_publish():
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data, cls=DjangoJSONEncoder)
