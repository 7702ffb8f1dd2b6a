from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "veiviser_search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import refresh
        from .sqlite import register_functions

        connection_created.connect(register_functions, dispatch_uid="veiviser-search-stems")
        refresh.connect()
