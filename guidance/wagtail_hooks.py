"""Guidance in the admin: how well each success factor is covered, on the dashboard."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from editorial.permissions import can_edit_pages

from .coverage import factor_coverage, kinds


class CoveragePanel(Component):
    name = "editorial_coverage"
    template_name = "guidance/admin/coverage_panel.html"
    order = 150
    bar_width = 100

    def get_context_data(self, parent_context):
        factors = factor_coverage()
        largest = max((count.total for f in factors for count in f.counts.values()), default=0) or 1
        for factor in factors:
            factor.cells = []
            for kind, _label in kinds():
                count = factor.counts[kind]
                count.translated_width = round(self.bar_width * count.translated / largest)
                count.alias_width = round(self.bar_width * count.alias_only / largest)
                factor.cells.append(count)
        return {"factors": factors, "kinds": kinds()}


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if can_edit_pages(request.user):
        panels.append(CoveragePanel())
