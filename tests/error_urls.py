"""URLs for the error page tests: the site's own, plus one view that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from website.urls import handler400, handler500  # noqa: F401 (the site's error views)
from website.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = i18n_patterns(
    path("feil-med-vilje/", failing_view), prefix_default_language=False
) + list(site_urlpatterns)
