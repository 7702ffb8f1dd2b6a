"""Role boundaries in Wagtail's user admin (issue 14, item 11).

Only superusers can make someone a superuser or a member of «Administratorer», or change a
superuser at all (their password, e-mail, groups): an Administratorer member manages the other
users, and a forged form post (``is_superuser=on``, the Administratorer group's id) grants
nothing. The user views are Wagtail's own, with these forms, through
``editorial.user_admin.VeiviserUsersAppConfig`` (it replaces ``wagtail.users`` in
INSTALLED_APPS, as Wagtail's documentation on custom user forms describes).
"""

from django.core.exceptions import PermissionDenied

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from .roles import ADMINISTRATOR, GROUP_NAMES

ADMINISTRATORS = GROUP_NAMES[ADMINISTRATOR]


def may_grant_administration(user):
    return bool(user and user.is_superuser)


class RoleBoundaryMixin:
    """Without a superuser at the keyboard: no «superuser» field, and the Administratorer group
    is neither offered nor taken away (a member stays one, a non-member stays out)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bounded = not may_grant_administration(for_user)
        if not self.bounded:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            field = self.fields["groups"]
            field.queryset = field.queryset.exclude(name=ADMINISTRATORS)
        self.kept_groups = (
            list(self.instance.groups.filter(name=ADMINISTRATORS)) if self.instance.pk else []
        )

    def clean_groups(self):
        groups = list(self.cleaned_data.get("groups") or [])
        if self.bounded:
            groups = [g for g in groups if g.name != ADMINISTRATORS] + self.kept_groups
        return groups

    def save(self, commit=True):
        if self.bounded and not self.instance.pk:
            self.instance.is_superuser = False
        return super().save(commit=commit)


class BoundedUserCreationForm(RoleBoundaryMixin, UserCreationForm):
    pass


class BoundedUserEditForm(RoleBoundaryMixin, UserEditForm):
    pass


class BoundedFormKwargs:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CreateView(BoundedFormKwargs, users.CreateView):
    pass


class EditView(BoundedFormKwargs, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if self.object.is_superuser and not may_grant_administration(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if self.object.is_superuser and not may_grant_administration(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return BoundedUserEditForm if for_update else BoundedUserCreationForm
