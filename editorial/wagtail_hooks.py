"""Editorial admin: reports, dashboard panels, «mark as reviewed», translations via approval."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import admin_urls, review, translations
from .models import OwnedPage
from .permissions import can_edit_pages


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("redaksjon/", include(admin_urls, namespace="editorial_admin"))]


class EditorialMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return EditorialMenuItem(
        _("Pages due for review"),
        reverse("editorial_admin:review_report"),
        icon_name="time",
        order=50,
    )


@hooks.register("register_reports_menu_item")
def broken_links_menu_item():
    return EditorialMenuItem(
        _("Broken links"), reverse("editorial_admin:broken_links"), icon_name="link", order=51
    )


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return EditorialMenuItem(
        _("Reader feedback"),
        reverse("editorial_admin:feedback_report"),
        icon_name="comment",
        order=52,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        review.MARK_REVIEWED_ACTION, _("Mark as reviewed"), _("Marked as reviewed")
    )


@hooks.register("register_page_header_buttons")
def mark_reviewed_button(page, user, view_name, next_url=None):
    if (
        page.live
        and issubclass(page.specific_class or object, OwnedPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Mark as reviewed"),
            reverse("editorial_admin:mark_reviewed", args=[page.pk]),
            icon_name="check",
            priority=66,
        )


# Dashboard ------------------------------------------------------------------------------


class ReviewPanel(Component):
    name = "editorial_review"
    template_name = "editorial/admin/review_panel.html"
    order = 140

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            self.user, ["change", "publish"]
        )
        due = review.due_for_review().filter(pk__in=editable.values("pk"))
        today = review.today()
        overdue_count = due.filter(owner_review_by__lt=today).count()
        return {
            "overdue_count": overdue_count,
            "soon_count": due.count() - overdue_count,
            "pages": list(due[:10]),
            "today": today,
        }


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    if can_edit_pages(request.user):
        panels.append(ReviewPanel(request.user))


# Translations go through approval -------------------------------------------------------
# (Everything else does through the page permissions: editorial/permissions.py.)


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize's translation editor
def approve_translations(request, page):
    return translations.before_edit_translation(request, page)


@hooks.register("before_edit_snippet", order=-1)  # before wagtail-localize's translation editor
def approve_snippet_translations(request, instance):
    return translations.before_edit_snippet_translation(request, instance)


@hooks.register("register_admin_urls", order=-1)
def replace_localize_views():
    # The same addresses as wagtail-localize's views, which come later and are never reached.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translations.UpdateTranslationsView.as_view(),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", translations.convert_to_alias),
    ]


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    from . import lockouts

    return lockouts.register()


@hooks.register("construct_page_action_menu")
def approval_first(menu_items, request, context):
    """For those who must be approved: no «Convert to alias page» (refused to them, see
    ``translations.convert_to_alias``), and «Submit for approval» is the main action."""
    page = context.get("page")
    if page is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
    submit = [item for item in menu_items if item.name == "action-submit"]
    if submit:
        menu_items.remove(submit[0])
        menu_items.insert(0, submit[0])


class ApprovalQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's «Awaiting your review», first on the dashboard and with its count."""

    template_name = "editorial/admin/approval_queue.html"
    order = 1


@hooks.register("construct_homepage_panels")
def approval_queue_first(request, panels):
    panels[:] = [
        ApprovalQueuePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
