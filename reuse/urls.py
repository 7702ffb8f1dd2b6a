"""Addresses of the feeds and «Hva er nytt» (inside i18n_patterns) and of the read API."""

from django.urls import path

from . import feeds, views
from .api import api_router

urlpatterns = [
    path("nytt/", views.whats_new, name="whats_new"),
    path("feed/", feeds.SiteFeed(), name="feed_site"),
    path("feed/faktor/<str:slug>/", feeds.FactorFeed(), name="feed_factor"),
    path("feed/tema/<str:slug>/", feeds.ThemeFeed(), name="feed_theme"),
]

api_urlpatterns = [path("api/v2/", api_router.urls)]
