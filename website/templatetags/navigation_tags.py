"""Template tags for finding one's way: the main menu, breadcrumbs and the footer's links."""

from collections import namedtuple

from django import template
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from wagtail.models import Page, Site

from core import pages, publication
from editorial.models import Directorate
from guidance.models import FactorIndexPage
from website.models import InformationPage

register = template.Library()

MenuItem = namedtuple("MenuItem", "pk path title url content_language")


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children in the reader's language, for the header navigation.

    Built once per process, site and language until something is published (see publication).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return []
    language = translation.get_language()
    return publication.remembered(
        ("main_menu", site.pk, language),
        lambda: _menu_items(site.root_page, request),
        frame=True,  # the sections only: a guidance page published leaves it as it is
        shared=True,  # some ten queries: built once for every process
    )


def _menu_items(root, request):
    home = root.localized
    pages = list(
        home.get_children()
        .live()
        .public()
        .not_type(InformationPage)
        .select_related("locale")
        .specific(defer=True)
        .order_by("path")
    )
    # Both languages list the sections in the order of the default language's tree, not
    # in the order their pages happened to be created in this one.
    site_order = {
        key: i
        for i, key in enumerate(root.get_children().values_list("translation_key", flat=True))
    }
    pages.sort(key=lambda page: site_order.get(page.translation_key, len(site_order)))
    items = []
    for page in pages:
        items.append(
            MenuItem(page.pk, page.path, page.title, page.get_url(request), page.content_language)
        )
        if isinstance(page, FactorIndexPage):
            items.append(themes_item())
    if not any(item.path == THEMES_PATH for item in items):
        items.append(themes_item())
    return items


THEMES_PATH = "themes"  # no page's path: the themes (/tema/) are a view, not a page


def themes_item():
    """The menu's link to the themes, after the success factors."""
    language = translation.get_language()
    return MenuItem(
        None, THEMES_PATH, pgettext("section", "Themes"), reverse("theme_index"), language
    )


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current=None):
    """The path to ``page``; ``current`` (with ``title`` and ``url``) is a part of the page
    shown on its own, such as a process's step, which then ends the path."""
    ancestors = pages.ancestors(page)  # kept under the publication stamp (core/pages.py)
    back = page if current else (ancestors[-1] if ancestors else None)
    return {
        "ancestors": ancestors,
        "back": back,
        "page": page,
        "current": current,
        "request": context["request"],
    }


@register.simple_tag
def directorates():
    """The directorates behind the guidance, for the footer (kept under the stamp)."""
    return publication.remembered(
        "directorates",
        lambda: list(Directorate.objects.order_by("name")),
        frame=True,
        shared=True,
    )


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The accessibility statement chosen in the site settings, in the reader's language."""
    settings = context.get("settings")
    try:
        chosen_id = settings["website"]["SiteSettings"].accessibility_statement_id
    except (KeyError, TypeError, AttributeError):
        return None
    if chosen_id is None:
        return None
    language = translation.get_language()

    def build():
        chosen = Page.objects.filter(pk=chosen_id).first()
        return chosen.localized if chosen is not None and chosen.live else None

    # By id: the chosen page is fetched only when the stamp changes, not on every request.
    return publication.remembered(("accessibility-statement", chosen_id, language), build)


@register.simple_tag(takes_context=True)
def notice_banner(context):
    """The notice chosen in the site settings, in the reader's language if it is live there."""
    settings = context.get("settings")
    try:
        site_settings = settings["website"]["SiteSettings"]
    except (KeyError, TypeError, AttributeError):
        return None
    if not site_settings.notice_id:
        return None
    language = translation.get_language()

    def build():
        notice = site_settings.notice.localized
        return notice if notice.live else None

    return publication.remembered(("notice", site_settings.notice_id, language), build, frame=True)


@register.simple_tag(takes_context=True)
def may_have_session(context):
    """True when the request carries a session cookie: only then may the reader be an editor.

    Asking for ``request.user`` without one would mark the session as read and add
    ``Vary: Cookie``, which keeps every shared cache from storing the page (core/page_cache.py).
    """
    request = context.get("request")
    return bool(request and django_settings.SESSION_COOKIE_NAME in request.COOKIES)
