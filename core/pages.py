"""What every page view asks of Wagtail's tree, read once: locales, view restrictions, the site,
ancestors and translations.

Wagtail reads these afresh at every call: ``.public()`` reads the view-restriction table each
time, ``page.locale`` and ``Locale.get_active()`` read the locale table, the site is looked up
per request, and the routing reads one level of the tree at a time. A page view called them
some thirty times. Here each is read once and kept:

- per process under the publication stamp (core/publication.py), for what only a publish,
  a move, a restriction or a settings change can alter: a page's ancestors; the locales, the
  view restrictions and the sites under its frame, which publishing a guidance page leaves
  (the locales and restrictions shared with the other processes through Django's cache);
- per page under the stamp, a bounded number of them (``per_page``): its translations.

``install()`` (from ``CoreConfig.ready``) points Wagtail's own lookups at these memos, so that
Wagtail's code and ours share them: ``Locale.objects.get_for_language``, the ``locale``
foreign key of every translatable model, ``PageQuerySet.private_q`` (and so ``.public()``),
and ``Page.get_view_restrictions`` when no page has a restriction. Outside a request the
stamp is read on each call, so a memo is never older than the database.
"""

from django.apps import apps
from django.db.models import Q

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from . import publication

_SITE_KEYS_KEPT = 64  # at most this many Host headers remembered per stamp


def locales():
    """Every locale, as ``({pk: Locale}, {language_code: Locale})``, one query per stamp."""

    def build():
        found = list(Locale.all_objects.all())
        return {loc.pk: loc for loc in found}, {loc.language_code: loc for loc in found}

    return publication.remembered("locales", build, frame=True, shared=True)


def locale_by_id(pk):
    return locales()[0].get(pk)


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (one query per stamp)."""
    return publication.remembered(
        "restricted-paths",
        lambda: tuple(
            sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        ),
        frame=True,
        shared=True,
    )


def private_q():
    """Wagtail's ``private_q`` from the memo: the restricted pages and their descendants."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def is_restricted(page):
    """True when ``page`` or one of its ancestors carries a view restriction."""
    return any(page.path.startswith(path) for path in restricted_paths())


def _site_for_request(find):
    def site_for_request(request):
        """Wagtail's ``Site._find_for_request``, kept per Host header under the stamp."""
        try:
            key = (request._get_raw_host(), request.get_port())
        except Exception:  # noqa: BLE001 — a malformed Host is Wagtail's to answer
            return find(request)
        sites = publication.remembered("sites-by-host", dict, frame=True)
        if key not in sites:
            if len(sites) >= _SITE_KEYS_KEPT:
                return find(request)
            sites[key] = find(request)
        return sites[key]

    return site_for_request


def ancestors(page):
    """The page's ancestors below the tree's root, top down, as their specific (deferred) pages.

    Kept per process for each parent path under the stamp: pages that share a parent share
    the list, so the memo holds one entry per page that has children, not one per page.
    """
    parent_path = page.path[: -Page.steplen]
    if len(parent_path) <= Page.steplen:
        return []

    def build():
        found = list(
            Page.objects.filter(path__in=_prefixes(parent_path), depth__gt=1)
            .order_by("depth")
            .specific(defer=True)
        )
        for found_page in found:
            _attach_locale(found_page)
        return found

    return publication.remembered(("ancestors", parent_path), build)


def _prefixes(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def lineage_translations(page):
    """Every live, public page in any language that translates the page or an ancestor.

    One query per page until the next publish (kept per process, core/publication.py): the
    language switcher, hreflang and canonical links read it.
    """
    keys = [a.translation_key for a in ancestors(page)] + [page.translation_key]

    def build():
        found = list(
            Page.objects.live()
            .exclude(private_q())
            .filter(translation_key__in=keys)
            .only("pk", "url_path", "path", "translation_key", "locale_id", "depth", "alias_of_id")
        )
        for found_page in found:
            _attach_locale(found_page)
        return found

    return publication.remembered(("lineage-translations", page.pk), build, per_page=True)


def _attach_locale(page):
    locale = locale_by_id(page.locale_id)
    if locale is not None:
        Page._meta.get_field("locale").set_cached_value(page, locale)


def route_in_one_query(root, request, path_components):
    """The page at ``path_components`` below ``root``, found in one query for the whole path.

    The deepest existing page on the path routes the rest itself, so a routable page
    (``steg/<n>/``) and a missing child answer as with Wagtail's routing: a 404 for a slug
    that is not there.
    """
    if not path_components:
        return None
    url_paths = []
    url_path = root.url_path
    for component in path_components:
        url_path = f"{url_path}{component}/"
        url_paths.append(url_path)
    found = list(
        Page.objects.filter(url_path__in=url_paths, path__startswith=root.path)
        .order_by("-depth")
        .only("pk", "path", "depth", "url_path", "content_type_id")[:1]
    )
    if not found:
        return None
    deepest = found[0]
    consumed = deepest.depth - root.depth
    if consumed <= 0 or url_paths[consumed - 1] != deepest.url_path:
        return None  # a gap on the path: leave it to Wagtail's routing
    specific = deepest.specific
    _attach_locale(specific)
    return specific.route(request, path_components[consumed:])


# Wagtail, pointed at the memos ---------------------------------------------------------------


def _get_for_language(manager, language_code):
    code = get_supported_content_language_variant(language_code)
    locale = locales()[1].get(code)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {language_code!r}")
    return locale


def _view_restrictions(original):
    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return original(self)

    return get_view_restrictions


def _memoised_locale(descriptor):
    original = descriptor.get_object

    def get_object(instance):
        return locale_by_id(instance.locale_id) or original(instance)

    return get_object


def install():
    """Point Wagtail's lookups at the memos (called once, from ``CoreConfig.ready``)."""
    if getattr(install, "done", False):
        return
    install.done = True
    type(Locale.objects).get_for_language = _get_for_language
    PageQuerySet.private_q = lambda self: private_q()
    Page.get_view_restrictions = _view_restrictions(Page.get_view_restrictions)
    Site._find_for_request = staticmethod(_site_for_request(Site._find_for_request))
    patched = set()
    for model in apps.get_models():
        try:
            field = model._meta.get_field("locale")
        except Exception:  # noqa: BLE001 — FieldDoesNotExist: not translatable
            continue
        if getattr(field, "related_model", None) is not Locale:
            continue
        descriptor = getattr(field.model, "locale", None)
        if descriptor is None or id(descriptor) in patched:
            continue
        patched.add(id(descriptor))
        descriptor.get_object = _memoised_locale(descriptor)
