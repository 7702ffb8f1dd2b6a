"""Wagtail's users app with Veiviser's role boundaries (editorial/users.py)."""

from wagtail.users.apps import WagtailUsersAppConfig


class VeiviserUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "editorial.users.UserViewSet"
