"""Editorial records: who owns a page, the approval task, link-check results and reader feedback."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, Subquery
from django.db.models.functions import Cast
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from .permissions import EditorialPagePermissionTester


@register_snippet
class Directorate(models.Model):
    """A directorate that owns and maintains guidance content."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("website")]

    class Meta:
        db_table = "guidance_directorate"  # made by guidance 0001, moved here unchanged
        verbose_name = _("directorate")
        verbose_name_plural = _("directorates")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReadOnlyDatePanel(FieldPanel):
    """A read-only date that says «Not yet» rather than «None» when empty."""

    def format_value_for_display(self, value):
        if value is None:
            return _("Not yet")
        return date_format(value, "j. F Y")


class OwnedPage(models.Model):
    """A page under editorial control: an owning directorate, a contact and a review date.

    The review state belongs to the page in all its languages: it is synchronised to
    translations, and «mark as reviewed» updates every language at once. Publishing follows
    Veiviser's permission rule (``EditorialPagePermissionTester``).
    """

    directorate = models.ForeignKey(
        Directorate,
        verbose_name=_("owning directorate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=100,
        blank=True,
        help_text=_("The named person at the directorate who answers for this page."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When the content must be checked again. Default: one year after publishing."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    # Readers may say whether the page helped (editorial/feedback.py); False for pages that only
    # lead on to others, such as the home page and overviews.
    accepts_feedback = True

    owner_panels = [
        FieldPanel("directorate"),
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("review_by"),
        ReadOnlyDatePanel("last_reviewed", read_only=True),
    ]
    ownership_translatable_fields = [
        SynchronizedField("directorate"),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("review_by", overridable=False),
        SynchronizedField("last_reviewed", overridable=False),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return EditorialPagePermissionTester(user, self)


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves their own change, nor pages outside their section.

    Being in one of the task's groups is not enough: the approver also needs a page permission
    on the page (their directorate's section), and must not be the one who submitted the change
    or wrote its latest revision. Snippets under the workflow (themes, notices) belong to no
    section: any member of the task's groups approves them, never their own change.
    """

    def _has_section(self, obj, user):
        if not isinstance(obj, Page):
            return True
        return bool(obj.permissions_for_user(user).permissions & {"change", "publish"})

    def _is_own_change(self, obj, user):
        state = obj.current_workflow_state
        if state is None:
            return False
        if state.requested_by_id == user.pk:
            return True
        task_state = state.current_task_state
        if task_state and task_state.revision.user_id == user.pk:
            return True
        latest = obj.latest_revision
        return bool(latest and latest.user_id == user.pk)

    def user_can_approve(self, obj, user):
        if not user.is_active:
            return False
        if not (user.is_superuser or self._user_in_groups(user)):
            return False
        return self._has_section(obj, user) and not self._is_own_change(obj, user)

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or (self._user_in_groups(user) and self._has_section(obj, user))

    def locked_for_user(self, obj, user):
        return not self.user_can_access_editor(obj, user)

    def user_can_lock(self, obj, user):
        return self._user_in_groups(user) and self._has_section(obj, user)

    def get_actions(self, obj, user):
        if self.user_can_approve(obj, user):
            return super().get_actions(obj, user)
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        # Only other people's changes, to pages in the user's own sections.
        sections = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        section_ids = sections.annotate(id_text=Cast("pk", models.CharField())).values("id_text")
        # Sections are pages; snippets (themes, notices) belong to no section.
        page_type = ContentType.objects.get_for_model(Page)
        return (
            states.exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
            .filter(
                ~Q(workflow_state__base_content_type=page_type)
                | Q(workflow_state__object_id__in=Subquery(section_ids))
            )
        )

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve changes in their own section; "
            "nobody approves their own change."
        )

    class Meta:
        verbose_name = _("approval by another person")
        verbose_name_plural = _("approvals by another person")


class EditorialPermissions(models.Model):
    """Holds permissions that belong to no single model."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("publish_without_approval", _("Can publish pages directly, without approval")),
            (
                "change_source_pages",
                _("Can change pages in their original written form, not only translations"),
            ),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class CheckedLink(models.Model):
    """The outcome of the last check of one external address."""

    url = models.URLField(_("address"), max_length=2000, unique=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    is_broken = models.BooleanField(_("broken"), default=False)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        ordering = ["url"]

    def __str__(self):
        return self.url

    @property
    def outcome(self):
        if self.checked_at is None:
            return _("Not checked yet")
        if self.status_code:
            return f"HTTP {self.status_code}"
        return self.error


class LinkOccurrence(models.Model):
    """Where a checked address appears: a published page and the field it is in."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(_("field"), max_length=100)

    class Meta:
        verbose_name = _("link occurrence")
        verbose_name_plural = _("link occurrences")
        constraints = [
            models.UniqueConstraint(fields=["link", "page", "field"], name="unique_link_occurrence")
        ]

    def __str__(self):
        return f"{self.link_id} @ {self.page_id} ({self.field})"


COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """A reader's answer to «Var denne siden nyttig?». Nothing about the reader is kept."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "helpful"])]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.helpful else '-'}"
