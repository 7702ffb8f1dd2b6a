"""The open read API: Wagtail's API v2 at /api/v2/ (pages, images, documents).

Read-only by construction (Wagtail's v2 viewsets answer GET only), live and public pages only
(``get_public_pages_queryset``), throttled per client. On top of Wagtail's own filters
(``?type=``, ``?locale=``, ``?search=``, fields) it filters guidance by ``?factor=<number>`` and
``?theme=<slug>``; a malformed value gets a 400 with a message.
"""

import re

from rest_framework.filters import BaseFilterBackend
from rest_framework.throttling import AnonRateThrottle

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from guidance.content_types import linked_to_factors, linked_to_themes
from guidance.models import FactorPage, Theme


class ReaderThrottle(AnonRateThrottle):
    """Requests per anonymous client, counted in the shared cache across workers."""

    scope = "api"
    rate = getattr(settings, "VEIVISER_API_RATE", "600/minute")


def factor_condition(value):
    if not re.fullmatch(r"[0-9]{1,2}", value):
        raise BadRequestError(_("factor must be the number of a success factor, 1 to 6."))
    factors = list(FactorPage.objects.filter(number=int(value)).values("pk", "path", "depth"))
    if not factors:
        raise BadRequestError(_("There is no success factor number %(n)s.") % {"n": value})
    keys = FactorPage.objects.filter(number=int(value)).values("translation_key")
    condition = Q(pk__in=[factor["pk"] for factor in factors])
    for factor in factors:  # its activities
        condition |= Q(path__startswith=factor["path"], depth=factor["depth"] + 1)
    return condition | linked_to_factors(keys)


def theme_condition(value):
    if len(value) > 100 or not re.fullmatch(r"[-\w]+", value):
        raise BadRequestError(_("theme must be the slug of a theme, such as «boligkontor»."))
    keys = Theme.objects.filter(slug=value, live=True).values("translation_key")
    if not keys.exists():
        raise BadRequestError(_("There is no theme with the slug «%(slug)s».") % {"slug": value})
    return linked_to_themes(keys)


class GuidanceFilter(BaseFilterBackend):
    """``?factor=3`` and ``?theme=boligkontor``: pages linked to a factor or a theme."""

    conditions = {"factor": factor_condition, "theme": theme_condition}

    def filter_queryset(self, request, queryset, view):
        for parameter, condition in self.conditions.items():
            values = request.GET.getlist(parameter)
            if len(values) > 1:
                raise BadRequestError(_("Give %(name)s only once.") % {"name": parameter})
            if values:
                queryset = queryset.filter(condition(values[0]))
        return queryset


class CheckedParameters:
    """Values the database cannot take get a 400 before any query: a NUL byte (PostgreSQL's
    text refuses it in ``?search=`` or ``?locale=``) or an offset past its integers."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(_("%(name)s contains a NUL character.") % {"name": name})
        for name in ("offset", "limit"):
            if len(request.GET.get(name, "")) > 9:
                raise BadRequestError(_("%(name)s is too large.") % {"name": name})


class GuidancePagesAPIViewSet(CheckedParameters, PagesAPIViewSet):
    throttle_classes = [ReaderThrottle]
    filter_backends = [GuidanceFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["factor", "theme"])

    def get_queryset(self):
        # Every item shows its locale, and a listed type its declared relations (a quote's
        # municipality): one join instead of a query per item.
        queryset = super().get_queryset().select_related("locale")
        model = queryset.model
        related = getattr(model, "listing_related", ())
        if related:
            queryset = queryset.select_related(*related)
        links = [name for name in ("factors", "themes") if hasattr(model, name)]
        return queryset.prefetch_related(*links) if links else queryset


class ThrottledImagesAPIViewSet(CheckedParameters, ImagesAPIViewSet):
    throttle_classes = [ReaderThrottle]


class ThrottledDocumentsAPIViewSet(CheckedParameters, DocumentsAPIViewSet):
    throttle_classes = [ReaderThrottle]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GuidancePagesAPIViewSet)
api_router.register_endpoint("images", ThrottledImagesAPIViewSet)
api_router.register_endpoint("documents", ThrottledDocumentsAPIViewSet)
