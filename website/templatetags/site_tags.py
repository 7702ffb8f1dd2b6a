"""Template tags for the public site's furniture: menu, footer, meta description, JSON-LD."""

import json
import re
from collections import namedtuple

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Page, Site

from core import publication
from editorial.models import Directorate

register = template.Library()

DESCRIPTION_WORDS = 40
OG_LOCALES = {"nb": "nb_NO", "nn": "nn_NO"}
# The same characters Django's json_script escapes: nothing in the data can close the script.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


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
        ("main_menu", site.pk, language), lambda: _menu_items(site.root_page, request)
    )


def _menu_items(root, request):
    from website.models import InformationPage

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
    return [
        MenuItem(page.pk, page.path, page.title, page.get_url(request), page.content_language)
        for page in pages
    ]


@register.simple_tag
def directorates():
    """The directorates behind the guidance, for the footer."""
    return list(Directorate.objects.order_by("name"))


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The accessibility statement chosen in the site settings, in the reader's language."""
    settings = context.get("settings")
    try:
        chosen = settings["website"]["SiteSettings"].accessibility_statement
    except (KeyError, TypeError, AttributeError):
        return None
    if chosen is None or not chosen.live:
        return None
    return chosen.localized


@register.filter
def page_description(page):
    """The search description, else the first text the page has that describes it."""
    if not page:
        return ""
    if getattr(page, "search_description", ""):
        return page.search_description
    for field in ("lead", "summary", "desired_state", "intro", "quote"):
        value = getattr(page, field, "")
        if value:
            text = strip_tags(str(value)).replace("\xa0", " ").strip()
            return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)
    return ""


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def search_alternates(context, page):
    """The page's real translations (not aliases) with absolute URLs, for hreflang links.

    An alias repeats its source's text in the source's written form, so it is no alternate
    language version for search engines: it points to its source as canonical instead.
    """
    if page is None or not getattr(page, "pk", None) or page.alias_of_id:
        return []
    request = context.get("request")
    translations = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    alternates = []
    for version in translations:
        url = version.get_full_url(request)
        if url:
            alternates.append({"code": version.locale.language_code, "url": url})
    return alternates if len(alternates) > 1 else []


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """An alias's canonical address is its source's; every other page is its own."""
    request = context.get("request")
    if page.alias_of_id:
        source = Page.objects.filter(pk=page.alias_of_id).live().public().first()
        if source is not None:
            return source.get_full_url(request)
    return page.get_full_url(request)


def _json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


AUTHOR_SEPARATORS = re.compile(r",|;|\s+(?:og|and|&)\s+")


def _people(names):
    """«A. Aas, B. Berg og C. Crow» → three Person objects."""
    return [
        {"@type": "Person", "name": name.strip()}
        for name in AUTHOR_SEPARATORS.split(names)
        if name.strip()
    ]


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """schema.org data for articles (Article) and case studies (Report or ScholarlyArticle)."""
    from cases.models import CaseStudyPage
    from guidance.models import ArticlePage

    if page is None or not isinstance(page, ArticlePage | CaseStudyPage):
        return ""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "headline": page.title[:110],
        "name": page.title,
        "description": page_description(page),
        "inLanguage": page.content_language,
        "url": page.get_full_url(request),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at
    if isinstance(page, ArticlePage):
        data["@type"] = "Article"
        if page.first_published_at:
            data["datePublished"] = page.first_published_at
        if page.directorate_id:
            data["publisher"] = {"@type": "GovernmentOrganization", "name": page.directorate.name}
            data["author"] = {"@type": "GovernmentOrganization", "name": page.directorate.name}
    else:
        is_report = page.publication_type == CaseStudyPage.PublicationType.REPORT
        data["@type"] = "Report" if is_report else "ScholarlyArticle"
        if page.authors:
            data["author"] = _people(page.authors)
        if page.publisher:
            data["publisher"] = {"@type": "Organization", "name": page.publisher}
        if page.year:
            data["datePublished"] = str(page.year)
            data["copyrightYear"] = page.year
        if page.commissioned_by:
            data["funder"] = {"@type": "Organization", "name": page.commissioned_by}
        if page.report_url:
            data["sameAs"] = page.report_url
    return _json_ld_script(data)
