from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchQueryReportView, ZeroHitQueryReportView

# Every editor with access to the admin may read the reports (Wagtail's own «Search terms»
# report is for superusers only).
report_urls = (
    [
        path("", SearchQueryReportView.as_view(), name="queries"),
        path("results/", SearchQueryReportView.as_view(results_only=True), name="queries_results"),
        path("uten-treff/", ZeroHitQueryReportView.as_view(), name="zero_hits"),
        path(
            "uten-treff/results/",
            ZeroHitQueryReportView.as_view(results_only=True),
            name="zero_hits_results",
        ),
    ],
    "veiviser_search_report",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/searches/", include(report_urls))]


@hooks.register("register_reports_menu_item")
def register_search_queries_report():
    return MenuItem(
        _("Searches"), reverse("veiviser_search_report:queries"), icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def register_zero_hit_queries_report():
    return MenuItem(
        _("Searches without hits"),
        reverse("veiviser_search_report:zero_hits"),
        icon_name="search",
        order=1320,
    )
