import factory

from editorial.models import Directorate


class DirectorateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Direktorat {n}")

    class Meta:
        model = Directorate
        django_get_or_create = ("name",)
