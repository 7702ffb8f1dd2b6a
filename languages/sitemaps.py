"""sitemap.xml: both languages, each page with its real translations as hreflang alternates.

Aliases (a page shown untranslated in the other language) are left out and are no alternates:
their text is their source's, in the source's written form, so for a search engine they are
duplicates of the source (each alias names its source as canonical), not a nynorsk or bokmål
version of it.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
