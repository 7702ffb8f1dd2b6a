"""Editors' admin views: the review report, «mark as reviewed», link and feedback reports."""

import datetime

import django_filters

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import review
from .models import CheckedLink, Directorate, Feedback, OwnedPage

ANY_PAGE_PERMISSION = ["add", "change", "publish"]


def editable_pages(user):
    """The pages of the sections ``user`` may edit: what their feedback reports may show."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])


def _page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class DateValueColumn(Column):
    """A plain date, as «23.11.2026», with a text for an empty value."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.strftime("%d.%m.%Y") if value else ""


class LinkPagesColumn(Column):
    cell_template_name = "editorial/admin/link_pages_cell.html"


class MarkReviewedColumn(Column):
    cell_template_name = "editorial/admin/mark_reviewed_cell.html"


# Review ---------------------------------------------------------------------------------


class ReviewFilterSet(WagtailFilterSet):
    STATUS_CHOICES = [("overdue", _("Past the review date")), ("soon", _("Due within 30 days"))]

    directorate = django_filters.ModelChoiceFilter(
        label=_("Owning directorate"),
        queryset=Directorate.objects.all(),
        method="filter_directorate",
    )
    status = django_filters.ChoiceFilter(
        label=_("Review status"), choices=STATUS_CHOICES, method="filter_status"
    )
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), field_name="locale"
    )

    class Meta:
        model = Page
        fields = []

    def filter_directorate(self, queryset, name, value):
        return queryset.filter(owner_directorate_id=value.pk) if value else queryset

    def filter_status(self, queryset, name, value):
        day = review.today()
        if value == "overdue":
            return queryset.filter(owner_review_by__lt=day)
        if value == "soon":
            return queryset.filter(owner_review_by__gte=day)
        return queryset


class ReviewReportView(ReportView):
    """Pages past or near (30 days) their «review by» date, for the pages the user may edit."""

    page_title = _("Pages due for review")
    header_icon = "time"
    model = Page
    index_url_name = "editorial_admin:review_report"
    index_results_url_name = "editorial_admin:review_report_results"
    filterset_class = ReviewFilterSet
    any_permission_required = ANY_PAGE_PERMISSION
    paginate_by = 50
    list_export = [
        "title",
        "locale.language_code",
        "owner_directorate_name",
        "owner_contact_name",
        "owner_review_by",
        "owner_last_reviewed",
        "full_url",
    ]
    export_headings = {
        "title": _("Title"),
        "locale.language_code": _("Language"),
        "owner_directorate_name": _("Owning directorate"),
        "owner_contact_name": _("Contact person"),
        "owner_review_by": _("Review by"),
        "owner_last_reviewed": _("Last reviewed"),
        "full_url": _("Address"),
    }
    export_filename = "sider-til-gjennomgang"

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Title"), get_url=_page_edit_url),
            Column("locale", label=_("Language"), accessor="locale.get_display_name"),
            Column("owner_directorate_name", label=_("Owning directorate")),
            Column("owner_contact_name", label=_("Contact person")),
            DateValueColumn("owner_review_by", label=_("Review by")),
            DateValueColumn("owner_last_reviewed", label=_("Last reviewed")),
            MarkReviewedColumn("mark_reviewed", label=_("Action")),
        ]

    def get_queryset(self):
        editable = editable_pages(self.request.user)
        return review.due_for_review().filter(pk__in=editable.values("pk"))


def mark_reviewed(request, page_id):
    """Confirm (GET) and record (POST) that a page was reviewed, without a new revision."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, OwnedPage):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("editorial_admin:review_report")
    if request.method == "POST":
        values = review.mark_reviewed(page, request.user)
        messages.success(
            request,
            _("«%(title)s» is marked as reviewed. Next review: %(date)s.")
            % {"title": page.get_admin_display_title(), "date": values["review_by"]},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "editorial/admin/mark_reviewed.html",
        {"page": page, "next": next_url, "header_title": _("Mark as reviewed")},
    )


# Broken links ---------------------------------------------------------------------------


class BrokenLinkReportView(ReportView):
    page_title = _("Broken links")
    header_icon = "link"
    model = CheckedLink
    index_url_name = "editorial_admin:broken_links"
    index_results_url_name = "editorial_admin:broken_links_results"
    any_permission_required = ANY_PAGE_PERMISSION
    list_export = ["url", "outcome", "checked_at", "pages"]
    export_headings = {
        "url": _("Address"),
        "outcome": _("Result"),
        "checked_at": _("Checked at"),
        "pages": _("Pages"),
    }
    export_filename = "brutte-lenker"

    def user_has_any_permission(self, actions):
        return PagePermissionPolicy().user_has_any_permission(self.request.user, actions)

    @property
    def columns(self):
        return [
            Column("url", label=_("Address")),
            Column("outcome", label=_("Result")),
            DateColumn("checked_at", label=_("Checked at")),
            LinkPagesColumn("pages", label=_("Pages")),
        ]

    def get_queryset(self):
        return CheckedLink.objects.filter(is_broken=True).prefetch_related("occurrences__page")

    def decorate_paginated_queryset(self, object_list):
        for link in object_list:
            link.pages = "; ".join(f"{o.page.title} ({o.field})" for o in link.occurrences.all())
            link.page_list = list(link.occurrences.all())
        return object_list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["last_check"] = CheckedLink.objects.aggregate(last=Max("checked_at"))["last"]
        return context


# Reader feedback ------------------------------------------------------------------------


class FeedbackSummaryView(ReportView):
    """Per page: how many readers found it useful and not, and how many commented."""

    page_title = _("Reader feedback")
    header_icon = "comment"
    model = Page
    index_url_name = "editorial_admin:feedback_report"
    index_results_url_name = "editorial_admin:feedback_report_results"
    any_permission_required = ANY_PAGE_PERMISSION
    list_export = ["title", "locale.language_code", "yes", "no", "comments", "full_url"]
    export_headings = {
        "title": _("Title"),
        "locale.language_code": _("Language"),
        "yes": _("Useful"),
        "no": _("Not useful"),
        "comments": _("Comments"),
        "full_url": _("Address"),
    }
    export_filename = "tilbakemeldinger-per-side"

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Title"),
                get_url=lambda page: reverse("editorial_admin:feedback_comments", args=[page.pk]),
            ),
            Column("locale", label=_("Language"), accessor="locale.get_display_name"),
            Column("yes", label=_("Useful")),
            Column("no", label=_("Not useful")),
            Column("comments", label=_("Comments")),
        ]

    def get_queryset(self):
        with_feedback = Feedback.objects.values("page_id")
        return (
            editable_pages(self.request.user)
            .filter(pk__in=with_feedback)
            .select_related("locale")
            .annotate(
                yes=Count("feedback", filter=Q(feedback__helpful=True)),
                no=Count("feedback", filter=Q(feedback__helpful=False)),
                comments=Count("feedback", filter=~Q(feedback__comment="")),
            )
            .order_by("-no", "title")
        )


class FeedbackFilterSet(WagtailFilterSet):
    helpful = django_filters.BooleanFilter(label=_("Useful"))

    class Meta:
        model = Feedback
        fields = ["helpful"]


class FeedbackCommentsView(ReportView):
    """Every answer for one page (or all pages), with the comments; exportable as CSV."""

    header_icon = "comment"
    model = Feedback
    index_url_name = "editorial_admin:feedback_comments"
    index_results_url_name = "editorial_admin:feedback_comments_results"
    filterset_class = FeedbackFilterSet
    any_permission_required = ANY_PAGE_PERMISSION
    list_export = ["created_at", "page.title", "page_id", "helpful", "comment"]
    export_headings = {
        "created_at": _("Given at"),
        "page.title": _("Page"),
        "page_id": _("Page ID"),
        "helpful": _("Useful"),
        "comment": _("Comment"),
    }
    export_filename = "tilbakemeldinger"

    def user_has_any_permission(self, actions):
        return PagePermissionPolicy().user_has_any_permission(self.request.user, actions)

    @property
    def page_title(self):
        page = self.feedback_page
        if page is None:
            return _("Reader feedback: all answers")
        return _("Reader feedback: %(title)s") % {"title": page.title}

    @property
    def feedback_page(self):
        page_id = self.kwargs.get("page_id")
        if page_id is None:
            return None
        if not hasattr(self, "_feedback_page"):
            self._feedback_page = get_object_or_404(editable_pages(self.request.user), pk=page_id)
        return self._feedback_page

    def get_index_url(self):
        return reverse(self.index_url_name, kwargs=self.kwargs)

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, kwargs=self.kwargs)

    @property
    def columns(self):
        return [
            DateColumn("created_at", label=_("Given at")),
            Column("page", label=_("Page"), accessor="page.title"),
            BooleanColumn("helpful", label=_("Useful")),
            Column("comment", label=_("Comment")),
        ]

    def get_queryset(self):
        queryset = Feedback.objects.select_related("page").filter(
            page__in=editable_pages(self.request.user)
        )
        if self.feedback_page is not None:
            queryset = queryset.filter(page=self.feedback_page)
        return queryset
