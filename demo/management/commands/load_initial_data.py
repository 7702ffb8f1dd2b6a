"""Load Veiviser's demo content. Idempotent: existing content is reused, never overwritten.

The content is data (``demo/content/*.yaml``); this command turns it into pages and snippets.
"""

import json

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Locale, Page, Site

from cases.models import CaseStudyIndexPage, CaseStudyPage
from core.text import norwegian_slug
from demo import content
from demo.accessibility import load_accessibility_statement
from demo.editorial import load_editorial_demo
from demo.processes import load_processes
from demo.protected import load_demo_protected_words
from demo.synonyms import load_demo_synonyms
from demo.toolkit import load_toolkit
from demo.translation import renew_superseded, translate_demo
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
from languages.slugs import translate_alias_slugs
from languages.sync import ensure_counterparts, synchronise_trees
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
            self.step("Work process")
            load_processes(self, home)
            self.step("Glossary and self-assessment")
            load_toolkit(self, home)
            self.step("Nynorsk and bokmål page trees")
            self.created += synchronise_trees()
            self.step("Editorial roles and directorates' sections")
            load_editorial_demo(self.stdout)
            self.step("Search synonyms")
            self.created += load_demo_synonyms()
            self.step("Protected words")
            self.created += load_demo_protected_words()
        self.step("Machine translation with Apertium")
        translated = translate_demo(self.stdout.write)
        self.created += translated or 0
        renew_superseded(self.stdout.write)
        # After the translations: a translated page's slug follows its translated title.
        self.step("Addresses in their own language for the pages not yet translated")
        with transaction.atomic():
            aliases = Page.objects.filter(alias_of__isnull=False, depth__gt=2).order_by("path")
            for alias in translate_alias_slugs(aliases):
                self.stdout.write(f"  {alias.locale.language_code}: {alias.url_path}")
        self.stdout.write(self.style.SUCCESS(f"Done: {self.created} new objects."))

    def step(self, message):
        self.stdout.write(f"• {message}…")

    # Snippets ------------------------------------------------------------------------------

    def load_snippets(self):
        organisations = content.read("organisations")
        for directorate in organisations["directorates"]:
            name = directorate.pop("name")
            _, created = Directorate.objects.get_or_create(name=name, defaults=directorate)
            self.created += created
        for municipality in organisations["municipalities"]:
            number = municipality.pop("number")
            _, created = Municipality.objects.get_or_create(number=number, defaults=municipality)
            self.created += created
        self.themes = {}
        for slug, names in content.themes().items():
            theme = Theme.objects.filter(locale=self.nb, slug=slug).first()
            if theme is None:
                theme = Theme.objects.create(
                    locale=self.nb, slug=slug, name=names.nb, description=names.description
                )
                theme.save_revision().publish()  # live, with a live revision, like a page
                self.created += 1
            if not theme.has_translation(self.nn):
                translation = theme.copy_for_translation(self.nn)
                translation.name = names.nn
                translation.slug = norwegian_slug(names.nn)
                translation.description = names.description_nn or names.description
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
        site_content = content.read("site")
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=self.nb).first()
        if home is None:
            home = self.child(root, HomePage, "veiviser", **site_content["home"])
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
            settings.contact_email = site_content["contact_email"]
        if settings.notice is None:
            notice = Notice.objects.filter(locale=self.nb).first()
            if notice is None:
                notice = Notice.objects.create(locale=self.nb, **site_content["notice"])
                notice.save_revision().publish()
            settings.notice = notice
        settings.save()
        return home

    def index(self, home, model, index):
        """The index page of a section, from the section's ``index`` data."""
        index = dict(index)
        if "body" in index:
            index["body"] = self.stream(index["body"])
        return self.child(home, model, index.pop("slug"), **index)

    @staticmethod
    def period(data):
        """The period fields of a section's ``period`` (the years its content belongs to)."""
        period = data.get("period") or {}
        return {"period_start": period.get("start"), "period_end": period.get("end")}

    def load_factors(self, home):
        data = content.read("factors")
        period = self.period(data)
        index = self.index(home, FactorIndexPage, {**data["index"], **period})
        factors = {}
        for factor_data in data["factors"]:
            number = factor_data["number"]
            factor = self.child(
                index,
                FactorPage,
                factor_data["slug"],
                title=factor_data["name"],
                number=number,
                desired_state=factor_data["desired_state"],
                **period,
            )
            factors[number] = factor
            for activity in factor_data["activities"]:
                self.child(
                    factor,
                    ActivityPage,
                    norwegian_slug(activity["title"]),
                    title=activity["title"],
                    summary=activity["summary"],
                    body=self.stream(activity.get("body", [])),
                    themes=[self.themes[t] for t in activity["themes"]],
                    **period,
                )
        return factors

    def load_quotes(self, home):
        data = content.read("quotes")
        index = self.index(home, QuoteIndexPage, data["index"])
        quotes = {}
        for quote in data["quotes"]:
            quotes[quote["slug"]] = self.child(
                index,
                QuotePage,
                quote["slug"],
                title=quote["title"],
                quote=quote["quote"],
                municipality=Municipality.objects.get(number=quote["municipality"]),
                source=data["source"],
                factors=[self.factors[quote["factor"]]],
                themes=[self.themes[t] for t in quote["themes"]],
                **self.period(data),
            )
        return quotes

    def load_articles(self, home):
        data = content.read("articles")
        index = self.index(home, ArticleIndexPage, data["index"])
        for article in data["articles"]:
            self.child(
                index,
                ArticlePage,
                article["slug"],
                title=article["title"],
                lead=article["lead"],
                body=self.stream(article["body"]),
                factors=[self.factors[n] for n in article["factors"]],
                themes=[self.themes[t] for t in article["themes"]],
                **self.period(data),
            )

    def load_case_study(self, home):
        data = content.read("case_studies")
        index = self.index(home, CaseStudyIndexPage, data["index"])
        # The case study is nynorsk: it goes under the nynorsk index, an alias until translated.
        self.created += len(ensure_counterparts(index))
        nn_index = index.get_translation(self.nn)
        case = data["case_study"]
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

    # StreamField data ----------------------------------------------------------------------

    def stream(self, blocks):
        """StreamField JSON of ``blocks``, each ``{block type: value}`` as in the data files."""
        data = []
        for block in blocks:
            ((kind, value),) = block.items()
            data.append({"type": kind, "value": self.block_value(kind, value)})
        return json.dumps(data)

    def block_value(self, kind, value):
        if kind == "paragraph":
            return value
        if kind == "heading":
            return {"text": value, "level": "h2"}
        if kind == "quote":  # the quote page itself, by its slug
            return {"quote_page": self.quotes[value].pk, "text": "", "attribution": ""}
        if kind == "question":
            return {"question": value, "reflection": ""}
        if kind == "related_links":
            links = [
                {"label": link["label"], "page": None, "url": link["url"]}
                for link in value["links"]
            ]
            return {"heading": value["heading"], "links": links}
        raise ValueError(f"Unknown demo block {kind!r}")
