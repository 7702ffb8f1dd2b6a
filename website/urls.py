from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from guidance import views as guidance_views
from languages.sitemaps import BilingualSitemap, LanguageViewsSitemap
from reuse import urls as reuse_urls
from search import views as search_views
from website import views as website_views

# Error pages that need neither the database nor the request body (website/outage.py).
handler400 = "website.outage.bad_request"
handler500 = "website.outage.server_error"


class ViewsSitemap(LanguageViewsSitemap):
    """Views listed in sitemap.xml in each language besides the pages: the theme index."""

    url_names = ("theme_index",)


SITEMAPS = {"pages": BilingualSitemap, "views": ViewsSitemap}

# Django's own admin (/django-admin/) is gone: everything is in Wagtail's admin, behind the
# login throttling (django-axes).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", website_views.robots_txt, name="robots_txt"),
    path("favicon.ico", website_views.favicon, name="favicon"),
    *reuse_urls.api_urlpatterns,
]

# Bokmål at /…, nynorsk at /nn/…
urlpatterns += i18n_patterns(
    path("manifest.webmanifest", website_views.web_manifest, name="web_manifest"),
    path("sok/", search_views.search, name="search"),
    path("sok/forslag/", search_views.suggestions, name="search_suggestions"),
    path("tema/", guidance_views.theme_index, name="theme_index"),
    path("tema/<str:slug>/", guidance_views.theme_page, name="theme"),
    path("", include(reuse_urls)),
    path("", include("editorial.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )

if getattr(settings, "VEIVISER_SERVE_MEDIA", False):
    # The demo runs with DEBUG off (website/settings/demo.py) and no web server in front:
    # Django serves the images and documents editors upload. Production leaves this to nginx.
    from django.urls import re_path
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns = [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
        *urlpatterns,
    ]
