from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from core import publication
        from languages import protected

        from . import signal_handlers
        from .models import Municipality, Theme

        signal_handlers.connect()
        protected.register(protected_municipalities)
        publication.connect([Theme, Municipality])


def protected_municipalities():
    """Names of municipalities, which machine translation leaves as they are: «Hamar kommune»,
    and «Hamar» alone too (Apertium makes the nynorsk word «hamar» a bokmål «hammer»)."""
    from .models import Municipality

    names = list(Municipality.objects.values_list("name", flat=True))
    return names + [name.removesuffix(" kommune") for name in names]
