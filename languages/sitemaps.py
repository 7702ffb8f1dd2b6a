"""sitemap.xml: both languages, each page with its real translations as hreflang alternates.

Views that are not pages but exist in each language (the theme index, /tema/ and /nn/tema/)
are listed by ``LanguageViewsSitemap``, each naming the others as alternates in the same way.

Aliases (a page shown untranslated in the other language) are left out and are no alternates:
their text is their source's, in the source's written form, so for a search engine they are
duplicates of the source (each alias names its source as canonical), not a nynorsk or bokmål
version of it.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.pages import locales


class BilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        if not in_a_tree:
            return Page.objects.none()
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        keys = {p.translation_key for p in pages}
        translations = {}
        siblings = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys, alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for sibling in siblings:
            translations.setdefault(sibling.translation_key, []).append(sibling)
        urls = []
        last_mods = set()
        for item in pages:
            alternates = []
            versions = translations.get(item.translation_key, [])
            if len(versions) > 1:
                for version in versions:
                    location = version.get_full_url(self.request)
                    if location:
                        alternates.append(
                            {"lang_code": version.locale.language_code, "location": location}
                        )
                default = next((a for a in alternates if a["lang_code"] == "nb"), None)
                if default:
                    alternates.append({"lang_code": "x-default", "location": default["location"]})
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _alternates(locations):
    """hreflang alternates of ``{language_code: url}``: every version, bokmål the default."""
    alternates = [{"lang_code": code, "location": url} for code, url in sorted(locations.items())]
    if len(alternates) < 2:
        return []
    default = locations.get(settings.LANGUAGE_CODE)
    if default:
        alternates.append({"lang_code": "x-default", "location": default})
    return alternates


class LanguageViewsSitemap(Sitemap):
    """The views named in ``url_names``, at their address in each language of the site.

    A subclass names the views (website/urls.py); the languages are the site's locales.
    """

    url_names = ()

    def items(self):
        return list(self.url_names)

    def _urls(self, page, protocol, domain):
        root_url = self.get_wagtail_site().root_url
        codes = [code for code, _name in settings.LANGUAGES if code in locales()[1]]
        urls = []
        for name in self.paginator.page(page).object_list:
            locations = {}
            for code in codes:
                with translation.override(code):
                    locations[code] = root_url + reverse(name)
            alternates = _alternates(locations)
            urls += [{"location": url, "alternates": alternates} for url in locations.values()]
        return urls
