"""Atom feeds of new and changed guidance: the whole site, each factor and each theme.

Django's syndication framework writes them; they hold only live, public pages, in the
language of the address (/feed/… in bokmål, /nn/feed/… in nynorsk).
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.text import page_description

from .recent import (
    FEED_LENGTH,
    changed_at,
    factor_pages,
    live_factor,
    live_theme,
    recent_pages,
    theme_pages,
)


def valid_slug(slug):
    """A slug the database can be asked about (PostgreSQL refuses NUL bytes)."""
    return len(slug) <= 255 and "\x00" not in slug


class LanguageTaggedAtomFeed(Atom1Feed):
    """Atom whose entries say their own language where it differs from the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class GuidanceFeed(Feed):
    feed_type = LanguageTaggedAtomFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def pages(self, obj):
        raise NotImplementedError

    def items(self, obj):
        # Each page's locale comes from the per-process memo (core/pages.py), not a query.
        return list(self.pages(obj).specific()[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return page_description(item)

    def item_pubdate(self, item):
        return item.first_published_at or changed_at(item)

    def item_updateddate(self, item):
        return changed_at(item)

    def item_categories(self, item):
        return [str(item.get_verbose_name())]

    def item_extra_kwargs(self, item):
        return {"language": getattr(item, "content_language", None)}

    def author_name(self, obj):
        return "Veiviser"


class SiteFeed(GuidanceFeed):
    def get_object(self, request):
        return Locale.get_active()

    def title(self, obj):
        return _("Veiviser: what's new")

    def subtitle(self, obj):
        return _("New and updated guidance on social housing work.")

    def link(self, obj):
        return reverse("whats_new")

    def pages(self, obj):
        return recent_pages(obj)


class FactorFeed(GuidanceFeed):
    def get_object(self, request, slug):
        factor = valid_slug(slug) and live_factor(Locale.get_active(), slug)
        if not factor:
            raise Http404(_("No success factor has this address."))
        return factor

    def title(self, obj):
        return _("Veiviser: %(factor)s") % {"factor": obj.title}

    def subtitle(self, obj):
        return obj.desired_state

    def link(self, obj):
        return obj.url

    def pages(self, obj):
        return factor_pages(obj)


class ThemeFeed(GuidanceFeed):
    def get_object(self, request, slug):
        theme = valid_slug(slug) and live_theme(Locale.get_active(), slug)
        if not theme:
            raise Http404(_("No theme has this address."))
        return theme

    def title(self, obj):
        return _("Veiviser: the theme %(theme)s") % {"theme": obj.name}

    def subtitle(self, obj):
        return obj.description or self.title(obj)

    def link(self, obj):
        return reverse("theme", kwargs={"slug": obj.slug})

    def pages(self, obj):
        return theme_pages(obj)
