from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from core import publication

        from .models import Notice, SiteSettings

        publication.connect([Notice, SiteSettings])
        publication.timed(notice_boundaries)


def notice_boundaries():
    """When live notices start and stop being shown: the pages change then, with no save."""
    from .models import Notice

    return Notice.objects.filter(live=True), ("shown_from", "shown_until")
