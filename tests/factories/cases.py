import factory
import wagtail_factories

from cases import models


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rapporter"
    slug = "rapporter"

    class Meta:
        model = models.CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Casestudie {n}")
    authors = "H. C. Sandlie og T. Hansen"
    publisher = "NOVA"
    year = 2011
    commissioned_by = "Husbanken"
    performed_by = "NOVA"
    summary = "<p>Korleis kan kommunane samordne den bustadsosiale innsatsen?</p>"
    report_url = "https://www.husbanken.no/"

    class Meta:
        model = models.CaseStudyPage
