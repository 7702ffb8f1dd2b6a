import wagtail_factories

from website import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Veiviser"
    slug = "veiviser"

    class Meta:
        model = models.HomePage
