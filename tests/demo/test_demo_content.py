"""The demo loader: the seed content, idempotent, and it never overwrites an editor's work."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, Page, Site

from cases.models import CaseStudyPage
from guidance.models import ActivityPage, ArticlePage, FactorPage, Municipality, QuotePage, Theme
from website.models import SiteSettings


def load():
    call_command("load_initial_data", stdout=io.StringIO())


def snapshot():
    return {
        "pages": Page.objects.count(),
        "themes": Theme.objects.count(),
        "municipalities": Municipality.objects.count(),
        "revisions": sum(p.revisions.count() for p in Page.objects.all()),
    }


class DemoContentTests(TestCase):
    """Loaded once for the class; each test runs in its own transaction."""

    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            load()
        cls.nb = Locale.objects.get(language_code="nb")
        cls.nn = Locale.objects.get(language_code="nn")

    def test_themes_and_notice_are_published(self):
        """Themes and the notice have drafts now (issue 6): the demo creates them published."""
        from website.models import Notice

        for model in (Theme, Notice):
            objects = model.objects.all()
            assert objects.exists(), model
            for obj in objects:
                assert obj.live and obj.live_revision_id and not obj.has_unpublished_changes, obj
        theme = Theme.objects.filter(locale=self.nb).first()
        assert self.client.get(f"/tema/{theme.slug}/").status_code == 200
        # The 2023 shutdown notice is kept as an example, but its display period is over.
        notice = SiteSettings.for_site(Site.objects.get(is_default_site=True)).notice
        assert notice.shown_until.year == 2023 and not notice.is_current()
        assert "avviklet" not in self.client.get("/").content.decode()
        notice.shown_until = None
        notice.save_revision().publish()
        assert "avviklet" in self.client.get("/").content.decode()

    def test_six_factors_with_two_activities_each(self):
        factors = FactorPage.objects.filter(locale=self.nb, alias_of__isnull=True).order_by(
            "number"
        )
        assert [f.number for f in factors] == [1, 2, 3, 4, 5, 6]
        assert factors[0].title == "Forankring og eierskap"
        assert factors[5].title == "Brukermedvirkning"
        assert factors[2].desired_state == (
            "Ha et forpliktende og formalisert samarbeid på tvers av sektorer og "
            "forvaltningsnivåer."
        )
        for factor in factors:
            assert ActivityPage.objects.child_of(factor).count() == 2

    def test_quotes_are_verbatim_attributed_and_linked(self):
        hamar = QuotePage.objects.get(locale=self.nb, slug="hamar-tverrfaglig")
        assert hamar.quote.startswith("Hamar kommune opplever at vi har lykkes")
        assert hamar.municipality.name == "Hamar kommune"
        assert hamar.municipality.number == "3403"
        assert [f.number for f in hamar.localized_factors()] == [3]
        halden = QuotePage.objects.get(locale=self.nb, slug="halden-forankring")
        assert [f.number for f in halden.localized_factors()] == [1]
        assert QuotePage.objects.filter(locale=self.nb).count() == 4

    def test_articles_embed_the_quote_pages_themselves(self):
        article = ArticlePage.objects.get(
            locale=self.nb, slug="organisering-og-samordning-erfaringer"
        )
        embedded = [b.value["quote_page"].pk for b in article.body if b.block_type == "quote"]
        hamar = QuotePage.objects.get(locale=self.nb, slug="hamar-tverrfaglig")
        assert hamar.pk in embedded
        assert ArticlePage.objects.filter(locale=self.nb).count() == 2

    def test_case_study_is_in_nynorsk_with_all_its_fields(self):
        case = CaseStudyPage.objects.get(locale=self.nn, alias_of__isnull=True)
        assert case.original_language == "nn"
        assert case.publisher == "NOVA" and case.year == 2011
        assert case.commissioned_by == "Husbanken" and case.performed_by == "NOVA"
        assert case.authors.startswith("H. C. Sandlie")
        assert len(case.main_findings) == 4
        assert "korleis kommunane" in case.summary
        # The seed gives no address for the report: its record, no link to a home page.
        assert not case.report_url and not case.report_link_text

    def test_every_page_exists_in_both_languages(self):
        home = Site.objects.get(is_default_site=True).root_page
        keys_nb = set(
            home.get_descendants(inclusive=True).values_list("translation_key", flat=True)
        )
        nn_home = home.get_translation(self.nn)
        keys_nn = set(
            nn_home.get_descendants(inclusive=True).values_list("translation_key", flat=True)
        )
        assert keys_nb == keys_nn

    def test_site_settings(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        assert settings.contact_email == "redaktor@husbanken.no"
        assert settings.notice.title == "Viktig informasjon"

    def test_loading_twice_duplicates_nothing_and_keeps_edits(self):
        factor = FactorPage.objects.get(locale=self.nb, number=2)
        factor.title = "Overordnet strategi (redigert)"
        factor.save_revision().publish()
        before = snapshot()
        with self.captureOnCommitCallbacks(execute=True):
            load()
        assert snapshot() == before
        factor.refresh_from_db()
        assert factor.title == "Overordnet strategi (redigert)"

    def test_demo_pages_render(self):
        for page in Page.objects.filter(depth__gt=1, live=True).specific():
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url

    def test_every_demo_page_opens_in_the_admin_editor(self):
        user = get_user_model().objects.create_superuser("redaktor", "r@example.no", "pw")
        self.client.force_login(user)
        for page in Page.objects.filter(depth__gt=1):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, page.url_path

    def test_seed_003s_section_on_state_policy_in_practice_is_imported(self):
        from guidance.models import FactorIndexPage

        index = FactorIndexPage.objects.get(locale=self.nb)
        headings = [b.value["text"] for b in index.body if b.block_type == "heading"]
        assert "Den statlige boligsosiale politikken i praksis" in headings
        html = self.client.get(index.url).content.decode()
        assert "Kommunene har hovedansvaret for gjennomføringen av den statlige politikken" in html
        assert "Kommunene bør ha stor variasjon og et bredt utvalg av leieboliger" in html

    def test_each_activity_carries_the_seed_text_that_belongs_to_it(self):
        activities = ActivityPage.objects.filter(locale=self.nb, alias_of__isnull=True)
        assert activities.count() == 12
        for activity in activities:
            paragraphs = [b for b in activity.body if b.block_type == "paragraph"]
            assert len(paragraphs) >= 2, activity.title
        fresh = activities.get(title="Holde den tverrfaglige aksepten levende")
        html = self.client.get(fresh.url).content.decode()
        assert "ferskvare med kort holdbarhet" in html and "Molden og Røe, 2019" in html

    def test_links_only_to_real_addresses(self):
        """No «Les rapporten» to a home page, no placeholder link: the reference, unlinked."""
        placeholders = ('href="https://www.helsebiblioteket.no/"', "Les rapporten")
        for page in Page.objects.filter(depth__gt=1, live=True).specific():
            html = self.client.get(page.url).content.decode()
            body = html.split('id="main"', 1)[1].split("site-footer", 1)[0]
            for placeholder in placeholders:
                assert placeholder not in body, (page.url, placeholder)
            assert 'href="https://www.husbanken.no/"' not in body, page.url
        article = ArticlePage.objects.get(locale=self.nb, slug="forankring-og-eierskap-erfaringer")
        assert (
            "Helsebiblioteket: «Forankring i ledelsen»"
            in self.client.get(article.url).content.decode()
        )

    def test_the_year_facet_uses_the_contents_own_years(self):
        response = self.client.get("/sok/", {"year": "2015"})
        found = {hit.page.specific_class for hit in response.context["hits"]}
        assert {FactorPage, ActivityPage, QuotePage, ArticlePage} <= found
        years = {o.value for f in response.context["facets"] if f.name == "year" for o in f.options}
        assert years >= {str(y) for y in range(2011, 2021)}
        response = self.client.get("/sok/", {"year": "2011", "type": "case"})
        (hit,) = response.context["hits"]
        assert hit.page.title.startswith("Organisering og planlegging av boligsosialt arbeid")
