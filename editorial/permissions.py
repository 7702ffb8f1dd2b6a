"""What a user may do to a guidance page: Wagtail's page permissions, with two editorial rules.

- **Publishing is approval.** On a page under a workflow, ``can_publish()`` is true only for
  users with ``editorial.publish_without_approval`` (Administrators). Every way to publish asks
  it: the page editor and its menu, creating, copying, bulk actions, and wagtail-localize's
  translation editor. The approval publishes on its own authority
  (``editorial.workflows.publish_approved``).
- **A translator's change permission covers translations only.** Without
  ``editorial.change_source_pages`` a user cannot change a *source page* (one written in the
  language of its tree, not a translation or an alias), in either language tree.
"""

from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

PUBLISH_WITHOUT_APPROVAL = "editorial.publish_without_approval"
CHANGE_SOURCE_PAGES = "editorial.change_source_pages"


def can_edit_pages(user):
    """Whether ``user`` may add, change or publish any page (sees the editorial reports)."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def must_be_approved(user, page):
    """Changes to ``page`` are published by approval, except by Administrators."""
    return not user.has_perm(PUBLISH_WITHOUT_APPROVAL) and page.get_workflow() is not None


class EditorialPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        # Only active non-superusers have a set of permissions; the others need no rule.
        if (
            "change" in getattr(self, "permissions", ())
            and not user.has_perm(CHANGE_SOURCE_PAGES)
            and page.is_source
        ):
            self.permissions = self.permissions - {"change"}

    def can_publish(self):
        return super().can_publish() and not must_be_approved(self.user, self.page)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and not must_be_approved(self.user, self.page)
