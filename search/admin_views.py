"""Reports for editors: what people search for, and what finds nothing."""

import datetime

from django_filters import ChoiceFilter, DateFromToRangeFilter

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .models import SearchQueryDay

DEFAULT_DAYS = 30


def locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in Locale.objects.all()]


class SearchQueryFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    locale = ChoiceFilter(
        label=_("Language"), field_name="locale__language_code", choices=locale_choices
    )

    class Meta:
        model = SearchQueryDay
        fields = []


class SearchQueryReportView(ReportView):
    """Queries summed over the chosen days (the last 30 unless filtered), most frequent first."""

    page_title = _("Searches")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    search_backend_name = None  # a plain «contains» over the logged queries
    filterset_class = SearchQueryFilterSet
    default_ordering = "-total_searches"
    index_url_name = "veiviser_search_report:queries"
    index_results_url_name = "veiviser_search_report:queries_results"
    columns = [
        Column("query_string", label=_("Query"), sort_key="query_string"),
        Column("locale__language_code", label=_("Language"), sort_key="locale__language_code"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        NumberColumn("total_without_hits", label=_("Without hits"), sort_key="total_without_hits"),
    ]
    list_export = ["query_string", "locale__language_code", "total_searches", "total_without_hits"]
    export_headings = {
        "query_string": _("Query"),
        "locale__language_code": _("Language"),
        "total_searches": _("Searches"),
        "total_without_hits": _("Without hits"),
    }
    only_without_hits = False

    def get_base_queryset(self):
        queryset = SearchQueryDay.objects.all()
        if not self.request.GET.get("date_after") and not self.request.GET.get("date_before"):
            since = timezone.localdate() - datetime.timedelta(days=DEFAULT_DAYS)
            queryset = queryset.filter(date__gte=since)
        return queryset

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_filtered_queryset(self):
        queryset = self.filter_queryset(self.get_base_queryset())
        queryset = self.search_queryset(queryset)
        queryset = queryset.values("query_string", "locale__language_code").annotate(
            total_searches=Sum("searches"), total_without_hits=Sum("searches_without_hits")
        )
        if self.only_without_hits:
            queryset = queryset.filter(total_without_hits__gt=0)
        return self.order_queryset(queryset).order_by(
            *self.order_queryset(queryset).query.order_by, "query_string"
        )


class ZeroHitQueryReportView(SearchQueryReportView):
    page_title = _("Searches without hits")
    default_ordering = "-total_without_hits"
    index_url_name = "veiviser_search_report:zero_hits"
    index_results_url_name = "veiviser_search_report:zero_hits_results"
    only_without_hits = True
