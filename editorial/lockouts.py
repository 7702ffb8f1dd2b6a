"""Login lockouts (django-axes) in Wagtail's admin: Settings → «Låste innlogginger».

Superusers and Administratorer members see who is locked out and lift a lockout by deleting it.
Nobody adds or changes one here.
"""

from axes.models import AccessAttempt

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .roles import ADMINISTRATOR, GROUP_NAMES


class AdministratorsMayLift(BasePermissionPolicy):
    ACTIONS = {"view", "delete"}

    def user_has_permission(self, user, action):
        if action not in self.ACTIONS or not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or user.groups.filter(name=GROUP_NAMES[ADMINISTRATOR]).exists()

    def users_with_any_permission(self, actions):
        if not self.ACTIONS & set(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__name=GROUP_NAMES[ADMINISTRATOR]), is_active=True
            )
            .distinct()
        )


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "lockouts"
    icon = "lock"
    menu_label = _("Locked logins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    form_fields = ["username"]
    inspect_view_enabled = False
    copy_view_enabled = False


def register():
    """The viewset, with the policy registered for the model (as Wagtail 8 wants it)."""
    register_permission_policy(AccessAttempt, AdministratorsMayLift(AccessAttempt))
    return LockoutViewSet()
