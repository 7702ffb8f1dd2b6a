import factory
import wagtail_factories

from wagtail.models import Locale

from guidance import models


class MunicipalityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kommune {n}")
    number = factory.Sequence(lambda n: f"{1000 + n:04d}")
    county = "Innlandet"

    class Meta:
        model = models.Municipality
        django_get_or_create = ("number",)


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nb"))

    class Meta:
        model = models.Theme


class FactorIndexPageFactory(wagtail_factories.PageFactory):
    title = "Suksessfaktorer"
    slug = "suksessfaktorer"

    class Meta:
        model = models.FactorIndexPage


class FactorPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Suksessfaktor {n}")
    number = factory.Sequence(lambda n: n % 6 + 1)
    desired_state = "Ha et forpliktende og formalisert samarbeid på tvers av sektorer."

    class Meta:
        model = models.FactorPage


class ActivityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    summary = "Etablere en tydelig og avklart rolle- og ansvarsfordeling."

    class Meta:
        model = models.ActivityPage


class QuoteIndexPageFactory(wagtail_factories.PageFactory):
    title = "Sitater"
    slug = "sitater"

    class Meta:
        model = models.QuoteIndexPage


class QuotePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sitat {n}")
    quote = "Boligsosialt arbeid er summen av ulike aktørers bidrag."
    municipality = factory.SubFactory(MunicipalityFactory)
    source = "Erfaringer fra kommuneprogrammet"

    class Meta:
        model = models.QuotePage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Erfaringer"
    slug = "erfaringer"

    class Meta:
        model = models.ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artikkel {n}")
    lead = "Kommunene har lært mye om tverrfaglig samarbeid."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.ArticlePage


class ProcessIndexPageFactory(wagtail_factories.PageFactory):
    title = "Arbeidsprosesser"
    slug = "arbeidsprosesser"

    class Meta:
        model = models.ProcessIndexPage


class ProcessPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Arbeidsprosess {n}")
    lead = "Slik går kommunen fram, steg for steg."

    class Meta:
        model = models.ProcessPage
