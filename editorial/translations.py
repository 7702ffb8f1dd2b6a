"""Translations are approved like every other change.

wagtail-localize publishes by itself in three places. Its translation editor's «Publish» asks
``can_publish()`` (false for anyone who must be approved, see ``permissions``), and so is
hidden, but a refused publish would be a bare 403; «Publish immediately» when syncing translated
pages asks only for ``submit_translation``; «Convert to alias page» puts the source's text live
in place of the translation. Here:

- the translation editor gets «Save draft» and «Submit for approval» (the template
  ``wagtail_localize/admin/edit_translation.html``), and a refused «Publish» saves a draft;
- «Sync translated pages» offers «Publish immediately» only to users who may publish every
  translation; to the others a forged one is refused, and the synced translations are saved as
  drafts;
- «Convert to alias page» needs the same right to publish.

Translated themes and notices (snippets under the workflow) get the same «Save draft» and
«Submit for approval»; wagtail-localize's «Publish» there needs ``publish_<model>``
(Administrators), and a refused one saves a draft (``before_edit_snippet_translation``).

A draft is a new revision of the translated page (or snippet). wagtail-localize's own draft
(``Translation.save_target(publish=False)``) writes the text into the page itself, which for a
live page is the text the public sees, so it is not used.
"""

import contextlib

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowMixin, WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, update_translations

from core.text import norwegian_slug

SAVE_DRAFT, SUBMIT, PUBLISH = "editorial-save-draft", "editorial-submit", "publish"


def translation_for(page):
    """The synced translation that ``page`` is the target of, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_draft(translation, user):
    """Save the translation as a new revision of its page; the live page stays as it is."""
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    page.slug = find_available_slug(
        page.get_parent(), norwegian_slug(page.slug), ignore_page_id=page.pk
    )
    return page.save_revision(user=user, log_action=True)


def submit_for_approval(page, user):
    """Start the page's workflow on its latest revision, or resume it after «needs changes»."""
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)


def save_and_report(request, action, title, save, submit=None):
    """Save the translation as a draft, submit it when asked, and tell the translator so."""
    try:
        with transaction.atomic():
            save()
            if submit is not None:
                submit()
    except ValidationError as error:
        messages.error(
            request,
            _("The translation of «%(title)s» could not be saved: %(errors)s")
            % {"title": title, "errors": " ".join(error.messages)},
        )
    else:
        if action == PUBLISH:
            messages.error(
                request,
                _(
                    "The translation of «%(title)s» was not published: an approver publishes "
                    "it. It is saved as a draft; submit it for approval."
                )
                % {"title": title},
            )
        elif submit is not None:
            message = _("The translation of «%(title)s» is submitted for approval.")
            messages.success(request, message % {"title": title})
        else:
            message = _("The translation of «%(title)s» is saved as a draft.")
            messages.success(request, message % {"title": title})
    return redirect(request.path)


def before_edit_translation(request, page):
    """The translation editor's actions for users who may not publish (a before_edit_page hook)."""
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in (SAVE_DRAFT, SUBMIT, PUBLISH):
        return None
    if action == PUBLISH and page.permissions_for_user(request.user).can_publish():
        return None  # wagtail-localize publishes
    translation = translation_for(page)
    if translation is None:
        return None
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(request, lock.get_message(request.user))
        return redirect(request.path)
    submit = action == SUBMIT and page.has_workflow
    return save_and_report(
        request,
        action,
        page.get_admin_display_title(),
        save=lambda: save_draft(translation, request.user),
        submit=(
            (lambda: submit_for_approval(Page.objects.get(pk=page.pk).specific, request.user))
            if submit
            else None
        ),
    )


def save_snippet_draft(translation, user):
    """A new revision of the translated snippet; the row, which readers see when it is live,
    stays as it is."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    return draft.save_revision(user=user, log_action=True)


def may_publish_snippet(user, instance):
    """Whether ``user`` publishes ``instance`` (a theme or notice) directly, without approval."""
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish")


def before_edit_snippet_translation(request, instance):
    """The translation editor's actions for a snippet under a workflow (before_edit_snippet)."""
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in (SAVE_DRAFT, SUBMIT, PUBLISH):
        return None
    if not isinstance(instance, WorkflowMixin) or instance.get_workflow() is None:
        return None
    if action == PUBLISH and may_publish_snippet(request.user, instance):
        return None  # wagtail-localize publishes
    translation = translation_for(instance)
    if translation is None:
        return None
    lock = instance.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(request, lock.get_message(request.user))
        return redirect(request.path)
    return save_and_report(
        request,
        action,
        str(instance),
        save=lambda: save_snippet_draft(translation, request.user),
        submit=(
            (lambda: submit_for_approval(type(instance).objects.get(pk=instance.pk), request.user))
            if action == SUBMIT
            else None
        ),
    )


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """«Sync translated pages», with «Publish immediately» only for those who may publish.

    Translated themes and notices count too: only Administrators publish them directly."""

    def targets(self):
        """The translated pages and snippets under a workflow (themes, notices)."""
        translations = self.object.translations.filter(enabled=True)
        for translation in translations.select_related("source", "target_locale"):
            with contextlib.suppress(ObjectDoesNotExist):
                target = translation.get_target_instance()
                if isinstance(target, Page) or (
                    isinstance(target, WorkflowMixin) and target.get_workflow() is not None
                ):
                    yield translation, target

    def may_publish(self):
        user = self.request.user
        return all(
            target.permissions_for_user(user).can_publish()
            if isinstance(target, Page)
            else may_publish_snippet(user, target)
            for _t, target in self.targets()
        )

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        if "publish_translations" in form.fields:
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        with transaction.atomic():
            response = super().form_valid(form)
            if self.request.POST.get("publish_translations"):
                for translation, target in self.targets():
                    if not isinstance(target, Page):
                        lock = target.get_lock()
                        if not (lock and lock.for_user(self.request.user)):
                            with contextlib.suppress(ValidationError):
                                save_snippet_draft(translation, self.request.user)
                        continue
                    perms = target.permissions_for_user(self.request.user)
                    if perms.can_edit() and not perms.page_locked():
                        with contextlib.suppress(ValidationError):
                            save_draft(translation, self.request.user)
                messages.error(
                    self.request,
                    _(
                        "The translations of «%(title)s» were not published: an approver "
                        "publishes them. They are synced and saved as drafts; submit them for "
                        "approval in the translation editor."
                    )
                    % {"title": self.object.object_repr},
                )
        return response


def convert_to_alias(request, page_id):
    """wagtail-localize's «Convert to alias page», for those who may publish the page."""
    page = get_object_or_404(Page, pk=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        messages.error(
            request,
            _(
                "«%(title)s» was not converted to an alias page: that replaces the published "
                "translation, which only an administrator may do."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert.convert_to_alias(request, page_id)
