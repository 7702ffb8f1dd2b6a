"""Load Veiviser's demo content. Idempotent: existing content is reused, never overwritten."""

import json

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Locale, Page, Site

from cases.models import CaseStudyIndexPage, CaseStudyPage
from core.text import norwegian_slug
from demo import content as demo
from demo.accessibility import load_accessibility_statement
from demo.editorial import load_editorial_demo
from demo.synonyms import load_demo_synonyms
from demo.translation import translate_demo
from editorial.models import Directorate
from guidance.models import (
    ActivityPage,
    ArticleIndexPage,
    ArticlePage,
    FactorIndexPage,
    FactorPage,
    Municipality,
    QuoteIndexPage,
    QuotePage,
    Theme,
)
from website.models import HomePage, Notice, SiteSettings


class Command(BaseCommand):
    help = "Load the demo content (the six factors, quotes, articles and a case study)."

    def handle(self, *args, **options):
        self.created = 0
        with transaction.atomic():
            self.nb = Locale.objects.get(language_code="nb")
            self.nn = Locale.objects.get(language_code="nn")
            self.step("Directorates, municipalities and themes")
            self.husbanken = self.load_snippets()
            self.step("Home page and site settings")
            home = self.load_home()
            self.step("Success factors and activities")
            self.factors = self.load_factors(home)
            self.step("Quotes")
            self.quotes = self.load_quotes(home)
            self.step("Articles")
            self.load_articles(home)
            self.step("Case study (nynorsk)")
            self.load_case_study(home)
            load_accessibility_statement(self, home)
            self.step("Nynorsk and bokmål page trees")
            self.sync_trees()
            self.step("Editorial roles and directorates' sections")
            load_editorial_demo(self.stdout)
            self.step("Search synonyms")
            self.created += load_demo_synonyms()
        self.step("Machine translation with Apertium")
        translated = translate_demo(self.stdout.write)
        self.created += translated or 0
        self.stdout.write(self.style.SUCCESS(f"Done: {self.created} new objects."))

    def step(self, message):
        self.stdout.write(f"• {message}…")

    # Snippets ------------------------------------------------------------------------------

    def load_snippets(self):
        for name, abbreviation, website in demo.DIRECTORATES:
            _, created = Directorate.objects.get_or_create(
                name=name, defaults={"abbreviation": abbreviation, "website": website}
            )
            self.created += created
        for name, number, county in demo.MUNICIPALITIES:
            _, created = Municipality.objects.get_or_create(
                number=number, defaults={"name": name, "county": county}
            )
            self.created += created
        self.themes = {}
        for slug, (nb_name, nn_name, description) in demo.THEMES.items():
            theme = Theme.objects.filter(locale=self.nb, slug=slug).first()
            if theme is None:
                theme = Theme.objects.create(
                    locale=self.nb, slug=slug, name=nb_name, description=description
                )
                theme.save_revision().publish()  # live, with a live revision, like a page
                self.created += 1
            if not theme.has_translation(self.nn):
                translation = theme.copy_for_translation(self.nn)
                translation.name = nn_name
                translation.slug = norwegian_slug(nn_name)
                translation.live = True
                translation.save()
                translation.save_revision().publish()
                self.created += 1
            self.themes[slug] = theme
        return Directorate.objects.get(name="Husbanken")

    # Pages ---------------------------------------------------------------------------------

    def child(self, parent, model, slug, **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        fields.setdefault("directorate", self.husbanken)
        relations = {
            k: fields.pop(k) for k in ("factors", "themes", "municipalities") if k in fields
        }
        page = model(slug=slug, locale=parent.locale, **fields)
        for name, values in relations.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def load_home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.nb).first()
        if home is None:
            home = self.child(
                root, HomePage, "veiviser", title=demo.HOME["title"], intro=demo.HOME["intro"]
            )
            site = Site.objects.filter(is_default_site=True).first()
            old_root = site.root_page if site else None
            if site is None:
                site = Site(hostname="localhost", port=80, is_default_site=True)
            site.root_page = home
            site.site_name = "Veiviser"
            site.save()
            # Wagtail's placeholder «Welcome» page is of no use once the home page exists.
            if old_root and old_root.specific_class is Page and old_root.pk != home.pk:
                old_root.delete()
        settings = SiteSettings.for_site(Site.objects.get(root_page=home))
        if not settings.contact_email:
            settings.contact_email = demo.CONTACT_EMAIL
        if settings.notice is None:
            notice = Notice.objects.filter(locale=self.nb).first()
            if notice is None:
                notice = Notice.objects.create(locale=self.nb, **demo.NOTICE)
                notice.save_revision().publish()
            settings.notice = notice
        settings.save()
        return home

    def load_factors(self, home):
        index = self.child(
            home,
            FactorIndexPage,
            demo.FACTOR_INDEX["slug"],
            title=demo.FACTOR_INDEX["title"],
            intro=demo.FACTOR_INDEX["intro"],
            body=self.stream(demo.FACTOR_INDEX["body"]),
        )
        factors = {}
        for number, name, slug, desired_state, activities in demo.FACTORS:
            factor = self.child(
                index, FactorPage, slug, title=name, number=number, desired_state=desired_state
            )
            factors[number] = factor
            for title, summary, themes in activities:
                self.child(
                    factor,
                    ActivityPage,
                    norwegian_slug(title),
                    title=title,
                    summary=summary,
                    themes=[self.themes[t] for t in themes],
                )
        return factors

    def load_quotes(self, home):
        slug, title, intro = demo.INDEX_PAGES["quotes"]
        index = self.child(home, QuoteIndexPage, slug, title=title, intro=intro)
        quotes = {}
        for slug, title, text, municipality, factor, themes in demo.QUOTES:
            quotes[slug] = self.child(
                index,
                QuotePage,
                slug,
                title=title,
                quote=text,
                municipality=Municipality.objects.get(number=municipality),
                source=demo.QUOTE_SOURCE,
                factors=[self.factors[factor]],
                themes=[self.themes[t] for t in themes],
            )
        return quotes

    def load_articles(self, home):
        slug, title, intro = demo.INDEX_PAGES["articles"]
        index = self.child(home, ArticleIndexPage, slug, title=title, intro=intro)
        for article in demo.ARTICLES:
            self.child(
                index,
                ArticlePage,
                article["slug"],
                title=article["title"],
                lead=article["lead"],
                body=self.stream(article["body"]),
                factors=[self.factors[n] for n in article["factors"]],
                themes=[self.themes[t] for t in article["themes"]],
            )

    def load_case_study(self, home):
        slug, title, intro = demo.INDEX_PAGES["cases"]
        index = self.child(home, CaseStudyIndexPage, slug, title=title, intro=intro)
        nn_index = self.in_locale(index, self.nn)
        case = dict(demo.CASE_STUDY_NN)
        self.child(
            nn_index,
            CaseStudyPage,
            case.pop("slug"),
            main_findings=json.dumps(
                [{"type": "finding", "value": text} for text in case.pop("main_findings")]
            ),
            factors=[self.factors[n] for n in case.pop("factors")],
            themes=[self.themes[t] for t in case.pop("themes")],
            **case,
        )

    def in_locale(self, page, locale):
        """``page`` in ``locale``: its translation, or else a new alias that mirrors it."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        self.created += 1
        return page.copy_for_translation(locale, copy_parents=True, alias=True).specific

    def sync_trees(self):
        """Every page exists in both languages: untranslated ones as aliases of the original."""
        home = Site.objects.get(is_default_site=True).root_page
        originals = Page.objects.none()
        for root in home.get_translations(inclusive=True):
            originals |= root.get_descendants(inclusive=True).filter(alias_of__isnull=True)
        for page in originals.order_by("depth", "path"):
            for locale in (self.nb, self.nn):
                if page.locale_id != locale.pk:
                    self.in_locale(page, locale)

    # StreamField data ----------------------------------------------------------------------

    def stream(self, blocks):
        data = []
        for kind, *args in blocks:
            if kind == "heading":
                value = {"text": args[0], "level": "h2"}
            elif kind == "paragraph":
                value = args[0]
            elif kind == "quote":
                value = {"quote_page": self.quotes[args[0]].pk, "text": "", "attribution": ""}
            elif kind == "question":
                value = {"question": args[0], "reflection": ""}
            elif kind == "related_links":
                value = {
                    "heading": args[0],
                    "links": [{"label": label, "page": None, "url": url} for label, url in args[1]],
                }
            else:
                raise ValueError(f"Unknown demo block {kind!r}")
            data.append({"type": kind, "value": value})
        return json.dumps(data)
