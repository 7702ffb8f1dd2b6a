"""Admin hooks: keep both language trees in step, and show the language law on the dashboard."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .language_law import LanguageLawPanel
from .models import ProtectedTerm
from .slugs import translate_alias_slugs
from .sync import ensure_counterparts, ensure_subtree_counterparts, follow_move


# order=1: after wagtail-localize's own after_create_page hook, in case someone configures a
# LocaleSynchronization in the admin; ensure_counterparts skips languages that already have one.
@hooks.register("after_create_page", order=1)
def create_counterparts_of_new_page(request, page):
    translate_alias_slugs(ensure_counterparts(page))


@hooks.register("after_copy_page", order=1)
def create_counterparts_of_copied_page(request, page, new_page):
    translate_alias_slugs(ensure_subtree_counterparts(new_page))


@hooks.register("after_move_page", order=1)
def move_counterparts_with_page(request, page):
    follow_move(page)


@hooks.register("construct_homepage_panels")
def add_language_law_panel(request, panels):
    panels.append(LanguageLawPanel())


class ProtectedTermViewSet(SnippetViewSet):
    """Snippets → «Protected words»: what Apertium must leave as written."""

    model = ProtectedTerm
    icon = "lock"
    menu_label = _("Protected words")
    list_display = ["term"]
    search_fields = ["term"]


register_snippet(ProtectedTermViewSet)
