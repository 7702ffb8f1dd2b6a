"""The search behind /sok/: stemmed full text, synonyms, typo tolerance, facets and excerpts.

Wagtail's search cannot filter on many-to-many relations, so the engine runs ONE full-text query
that returns the ids of every match (in relevance order), then filters, counts and paginates in
Python against the facet values of the whole locale, which are read once per content version and
kept as bitmaps (one integer per facet value, one bit per page). Counting a facet value is then
an AND and a popcount, and the number of queries stays the same however many pages match.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from cases.models import CaseStudyPage
from core import publication
from guidance.models import (
    ActivityPage,
    ArticlePage,
    FactorPage,
    Municipality,
    QuotePage,
    Theme,
)
from guidance.models.base import live_in_locale

from .models import FullTextEntry, Synonym

MAX_QUERY_LENGTH = 200
MAX_CORRECTED_WORDS = 20
# More matches than this are not read for facets: a query this broad says nothing anyway.
MAX_MATCHES = 10_000
EXCERPT_LENGTH = 240

# The content types a visitor can search, keyed by the value used in the URL (?type=…).
CONTENT_TYPES = {
    "factor": FactorPage,
    "activity": ActivityPage,
    "quote": QuotePage,
    "article": ArticlePage,
    "case": CaseStudyPage,
}
SEARCHABLE_TYPES = tuple(CONTENT_TYPES.values())
TAGGED_TYPES = (QuotePage, ArticlePage, CaseStudyPage)
THEMED_TYPES = (ActivityPage, QuotePage, ArticlePage, CaseStudyPage)
FACETS = ("factor", "theme", "type", "municipality", "year")
FACET_LABELS = {
    "factor": _("Success factor"),
    "theme": _("Theme"),
    "type": _("Type of content"),
    "municipality": _("Municipality"),
    "year": _("Year"),
}
EXCERPT_FIELDS = {
    FactorPage: "desired_state",
    ActivityPage: "summary",
    QuotePage: "quote",
    ArticlePage: "lead",
    CaseStudyPage: "summary",
}


def clean_query(raw):
    """The query as typed, without control characters (NUL included), cut to a sane length."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Co") else ch for ch in raw or ""
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def searchable_pages(locale):
    """Live, public guidance pages in the active locale, aliases (untranslated pages) included."""
    return Page.objects.live().public().type(*SEARCHABLE_TYPES).filter(locale=locale)


def synonym_query(query):
    """The query OR each of its synonym variants."""
    variants = Synonym.expand(query)
    search_query = PlainText(variants[0])
    for variant in variants[1:]:
        search_query |= PlainText(variant)
    return search_query, variants


def _matching_ids(locale, search_query, visible, title_pattern=None):
    """The ids in ``visible`` that match, best first, at most ``MAX_MATCHES``."""
    if connection.vendor == "sqlite":
        # SQLite's backend ranks with a correlated FTS subquery per row (a second per thousand
        # matches); fetch the matches unranked and put title matches first instead.
        results = searchable_pages(locale).search(search_query, order_by_relevance=False)
        rows = list(results.get_queryset().values_list("pk", "title")[:MAX_MATCHES])
        if title_pattern is not None:
            rows.sort(key=lambda row: (not title_pattern.search(row[1]), -row[0]))
        return [pk for pk, _title in rows if pk in visible]
    return _postgres_matching_ids(locale, search_query, visible)


def _postgres_matching_ids(locale, search_query, visible):
    """Wagtail's tsquery and rank expression, on the narrow copy of title || body.

    The backend's own compiler builds the tsquery and the rank (weights by field boost), so
    title still outranks summary and body; the rank reads the one combined vector, without
    the backend's title-length normalisation. The matches of the locale are read and the
    visible ones kept here: telling PostgreSQL which pages are visible (a join, or an array
    of ids) costs more than the match itself. Read in windows, so drafts and private pages
    never crowd out visible ones.
    """
    results = Page.objects.search(search_query)
    compiler, config = results.query_compiler, results.backend.config
    tsquery = compiler.build_tsquery(compiler.query, config=config)
    if tsquery is None:
        return []
    entries = (
        FullTextEntry.objects.filter(
            fulltext=tsquery, locale_id=locale.pk, content_type_id__in=_page_content_types()
        )
        .annotate(rank=compiler.build_tsrank(F("fulltext"), compiler.query, config=config))
        .order_by("-rank", "-object_id")
        .values_list("object_id", flat=True)
    )
    found, start, window = [], 0, 2 * MAX_MATCHES
    while len(found) < MAX_MATCHES:
        chunk = list(entries[start : start + window])
        found.extend(pk for pk in chunk if pk in visible)
        if len(chunk) < window:
            break
        start += window
    return found[:MAX_MATCHES]


def _page_content_types():
    return [ct.pk for ct in ContentType.objects.get_for_models(Page, *get_page_models()).values()]


VOCABULARY = "veiviser_search_word"  # the words of the published guidance (migration 0004)
_vocabulary_built_at = {}


def _refresh_vocabulary():
    """Rebuild the word list if anything was published, unpublished, restricted or deleted."""
    version = publication.current()
    if _vocabulary_built_at.get("version") != version:
        with connection.cursor() as cursor:
            cursor.execute(f"REFRESH MATERIALIZED VIEW {VOCABULARY}")
        # Remembered once the refresh is committed: a rolled-back one is redone next time.
        transaction.on_commit(lambda: _vocabulary_built_at.update(version=version))


def corrected_query(query):
    """``query`` with each word the guidance never uses replaced by the most similar one it does.

    Trigram similarity (pg_trgm, with the threshold of Wagtail's fuzzy search) against the
    word list, one query for all words. None when nothing could be corrected.
    """
    words = re.findall(r"\w+", query.lower())[:MAX_CORRECTED_WORDS]
    if not words:
        return None
    _refresh_vocabulary()
    threshold = get_search_backend().fuzzy_similarity_threshold
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(threshold)]
        )
        cursor.execute(
            f"""
            SELECT typed.word, (
                SELECT known.word FROM {VOCABULARY} known
                WHERE known.word %% typed.word
                ORDER BY known.word = typed.word DESC,
                         similarity(known.word, typed.word) DESC, known.documents DESC
                LIMIT 1)
            FROM unnest(%s::text[]) AS typed(word)
            """,
            [words],
        )
        best = dict(cursor.fetchall())
    corrected = [best.get(word) or word for word in words]
    return " ".join(corrected) if corrected != words else None


def find(locale, query, visible):
    """Matching page ids for ``query``: stemmed full text with synonyms, then typo-tolerant.

    ``visible`` holds the ids a visitor may find (``LocaleFacets.position``). Returns the
    visible ids, the query variants searched for (synonyms) and, when nothing matched as
    typed, the corrected query that found the ids (PostgreSQL only), else None.
    """

    def matches(search_query, title_pattern=None):
        with transaction.atomic():
            return _matching_ids(locale, search_query, visible, title_pattern)

    search_query, variants = synonym_query(query)
    corrected = None
    try:
        ids = matches(search_query, highlight_pattern(variants))
    except DatabaseError:
        # A query the full-text parser cannot digest finds nothing rather than failing.
        ids = []
    if not ids and connection.vendor == "postgresql":
        # Only PostgreSQL has trigram similarity.
        try:
            with transaction.atomic():
                corrected = corrected_query(query)
            if corrected:
                search_query, variants = synonym_query(corrected)
                ids = matches(search_query)
        except DatabaseError:
            ids = []
        if not ids:
            corrected = None
    return ids, variants, corrected


@dataclass
class FacetOption:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    url: str = ""  # set by the view: the search with this option chosen (or removed)
    count_text: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return next((o for o in self.options if o.selected), None)


def _union(querysets):
    querysets = [qs for qs in querysets if qs is not None]
    if not querysets:
        return []
    first, *rest = querysets
    return list(first.union(*rest, all=True)) if rest else list(first)


def _links(models, relation, target_value, ids_by_model):
    """(page id, value) pairs of a many-to-many relation over several page models, one query."""
    querysets = []
    for model in models:
        ids = ids_by_model.get(model)
        if not ids:
            continue
        through = getattr(model, relation).through
        source = model._meta.model_name
        querysets.append(
            through.objects.filter(**{f"{source}_id__in": ids})
            .values_list(f"{source}_id", target_value)
            .order_by()
        )
    return _union(querysets)


def _locale_links(models, relation, target_value, locale):
    """(page id, value) pairs of a many-to-many relation for every page of ``locale``."""
    querysets = []
    for model in models:
        through = getattr(model, relation).through
        source = model._meta.model_name
        querysets.append(
            through.objects.filter(**{f"{source}__locale": locale})
            .values_list(f"{source}_id", target_value)
            .order_by()
        )
    return _union(querysets)


def clear_facet_cache():
    publication.forget()


class LocaleFacets:
    """The searchable pages of a locale, and a bitmap per facet value.

    A bitmap is an int with bit ``position[pk]`` set for each page that has the value, so the
    pages of a search that have it are counted with one AND and ``int.bit_count``.
    """

    def __init__(self, published, case_years, positions):
        self.published = published  # {pk: first publishing as a timestamp}, for «newest first»
        self.case_years = case_years
        self.position = {pk: i for i, pk in enumerate(published)}
        # What filters without a query narrow: every searchable page, newest first.
        self.newest_first = sorted(published, key=lambda pk: (published[pk], pk), reverse=True)
        self.size = len(published) // 8 + 1  # bytes
        self.masks = {
            name: {value: self.mask(found) for value, found in by_value.items()}
            for name, by_value in positions.items()
        }

    def mask(self, positions):
        bits = bytearray(self.size)
        for i in positions:
            bits[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(bits, "little")

    def mask_of(self, ids):
        position = self.position
        return self.mask(position[pk] for pk in ids if pk in position)

    def select(self, ids, mask):
        """The ids (in their order) whose bit is set in ``mask``."""
        bits, position = mask.to_bytes(self.size, "little"), self.position
        return [
            pk for pk in ids if (i := position.get(pk)) is not None and bits[i >> 3] >> (i & 7) & 1
        ]

    def values_of(self, pk, facet):
        """The values of one facet that page ``pk`` has (a test per value: for a few hits)."""
        i = self.position.get(pk)
        if i is None:
            return []
        return [value for value, mask in self.masks[facet].items() if mask >> i & 1]


def locale_facets(locale, factors):
    """The ``LocaleFacets`` of ``locale``: the facet values of each of its searchable pages."""
    model_by_ct = {
        ct.pk: model for model, ct in ContentType.objects.get_for_models(*SEARCHABLE_TYPES).items()
    }
    key_by_model = {model: key for key, model in CONTENT_TYPES.items()}
    factor_by_key = {f.translation_key: str(f.number) for f in factors}
    factor_by_path = {f.path: str(f.number) for f in factors}
    # A case study is dated by its year of publication, everything else by first publishing.
    case_years = dict(
        CaseStudyPage.objects.filter(locale=locale, year__isnull=False)
        .values_list("pk", "year")
        .order_by()
    )
    positions = {name: defaultdict(list) for name in FACETS}
    published_at, position = {}, {}
    rows = searchable_pages(locale).values_list(
        "pk", "content_type_id", "path", "first_published_at"
    )
    for i, (pk, ct_id, path, published) in enumerate(rows):
        position[pk] = i
        model = model_by_ct.get(ct_id)
        positions["type"][key_by_model.get(model, "")].append(i)
        published_at[pk] = published.timestamp() if published else 0
        year = case_years.get(pk) or (published.year if published else None)
        if year:
            positions["year"][str(year)].append(i)
        if model is FactorPage and path in factor_by_path:
            positions["factor"][factor_by_path[path]].append(i)
        elif model is ActivityPage and path[: -Page.steplen] in factor_by_path:
            positions["factor"][factor_by_path[path[: -Page.steplen]]].append(i)

    def add(facet, pairs, value_of=str):
        found = positions[facet]
        for pk, value in pairs:
            i, value = position.get(pk), value_of(value)
            if i is not None and value is not None:
                found[value].append(i)

    add(
        "factor",
        _locale_links(TAGGED_TYPES, "factors", "factorpage__translation_key", locale),
        factor_by_key.get,
    )
    add("theme", _locale_links(THEMED_TYPES, "themes", "theme__translation_key", locale))
    municipality_links = _union(
        [
            QuotePage.objects.filter(locale=locale, municipality__isnull=False)
            .values_list("pk", "municipality_id")
            .order_by(),
            CaseStudyPage.municipalities.through.objects.filter(casestudypage__locale=locale)
            .values_list("casestudypage_id", "municipality_id")
            .order_by(),
        ]
    )
    add("municipality", municipality_links)
    return LocaleFacets(published_at, case_years, positions)


class FacetData:
    """The factor, theme, type, municipality and year of the pages of a locale.

    Internally themes are keyed by translation key and municipalities by id; in URLs they
    appear as slug and municipality number. Built once per process and locale under the
    publication stamp (``for_locale``). Its ``index.position`` is what search may show: the
    live, public pages of the locale, so every change to what is public must renew the stamp
    (website/publication.py); the hits shown are asked live and public once more.
    """

    @classmethod
    def for_locale(cls, locale):
        return publication.remembered(("facet_data", locale.pk), lambda: cls(locale))

    def __init__(self, locale):
        self.locale = locale
        self.factors = list(live_in_locale(FactorPage, locale).order_by("number"))
        self.factor_by_number = {str(f.number): f for f in self.factors}
        themes = list(Theme.objects.filter(locale=locale, live=True))
        self.theme_by_key = {str(t.translation_key): t for t in themes}
        self.theme_by_slug = {t.slug: t for t in themes}
        self.municipalities = {str(m.pk): m for m in Municipality.objects.all()}
        self.municipality_by_number = {m.number: m for m in self.municipalities.values()}
        self.index = locale_facets(locale, self.factors)
        self.case_years = self.index.case_years

    def to_internal(self, facet, value):
        """The URL value of a facet as stored in the bitmaps (None when it names nothing)."""
        if facet == "theme":
            theme = self.theme_by_slug.get(value)
            return str(theme.translation_key) if theme else None
        if facet == "municipality":
            municipality = self.municipality_by_number.get(value)
            return str(municipality.pk) if municipality else None
        return value

    def to_public(self, facet, value):
        """The stored value of a facet as it appears in URLs (None when it names nothing)."""
        if facet == "theme":
            theme = self.theme_by_key.get(value)
            return theme.slug if theme else None
        if facet == "municipality":
            municipality = self.municipalities.get(value)
            return municipality.number if municipality else None
        return value

    def label(self, facet, value):
        if facet == "factor":
            factor = self.factor_by_number.get(value)
            return f"{factor.number}. {factor.title}" if factor else value
        if facet == "theme":
            theme = self.theme_by_slug.get(value)
            return theme.name if theme else value
        if facet == "type":
            model = CONTENT_TYPES.get(value)
            return str(model._meta.verbose_name).capitalize() if model else value
        if facet == "municipality":
            municipality = self.municipality_by_number.get(value)
            return municipality.name if municipality else value
        return value


def validate_filters(params, locale):
    """The facet filters asked for in the URL, and the names of those that make no sense."""
    selected, invalid = {}, []
    for name in FACETS:
        value = clean_query(params.get(name, ""))[:100]
        if not value:
            continue
        valid = False
        if name == "factor":
            valid = value.isdigit() and 1 <= int(value) <= 6
        elif name == "theme":
            valid = Theme.objects.filter(locale=locale, slug=value, live=True).exists()
        elif name == "type":
            valid = value in CONTENT_TYPES
        elif name == "municipality" or name == "year":
            valid = bool(re.fullmatch(r"\d{4}", value))
        if valid:
            selected[name] = value
        else:
            invalid.append(name)
    return selected, invalid


def apply_facets(ids, data, selected):
    """The ids that pass every selected filter, and the facets with their counts.

    A facet's counts apply the other facets' filters but not its own, so each option says how
    many hits choosing it instead would give.
    """
    index = data.index
    match = index.mask_of(ids)
    wanted = {
        name: index.masks[name].get(data.to_internal(name, value), 0)
        for name, value in selected.items()
    }

    def narrowed(skip=None):
        mask = match
        for name, value_mask in wanted.items():
            if name != skip:
                mask &= value_mask
        return mask

    kept_mask = narrowed()
    kept = index.select(ids, kept_mask) if wanted else list(ids)
    facets = []
    for name in FACETS:
        base = narrowed(skip=name) if name in wanted else kept_mask
        counts = {value: (base & mask).bit_count() for value, mask in index.masks[name].items()}
        public_counts = {}
        for value, count in counts.items():
            public = data.to_public(name, value)
            if count and public is not None:
                public_counts[public] = count
        if name in selected:
            public_counts.setdefault(selected[name], 0)
        options = [
            FacetOption(value, data.label(name, value), count, selected.get(name) == value)
            for value, count in public_counts.items()
        ]
        if name == "factor":
            options.sort(key=lambda o: int(o.value))
        elif name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        else:
            options.sort(key=lambda o: (-o.count, o.label.lower()))
        facets.append(Facet(name, FACET_LABELS[name], options))
    return kept, facets


# Excerpts ------------------------------------------------------------------------------------


def highlight_pattern(terms):
    """A pattern for the query's words, loose at the end so inflected forms match too."""
    parts = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        words = re.findall(r"\w+", term)
        for word in words:
            if len(word) < 2:
                continue
            stem = word[: max(4, len(word) - 3)] if len(word) > 4 else word
            parts.append(re.escape(stem) + r"\w*")
    if not parts:
        return None
    alternatives = "|".join(sorted(set(parts), key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + ")", re.IGNORECASE)


def excerpt(text, pattern, length=EXCERPT_LENGTH, is_html=False):
    """A window of ``text`` around the first match, escaped, with matches wrapped in <mark>."""
    text = text or ""
    if is_html:
        text = unescape(strip_tags(text))
    text = " ".join(text.split())
    start = 0
    if pattern is not None:
        match = pattern.search(text)
        if match and match.start() > length // 3:
            start = text.rfind(" ", 0, match.start() - length // 3) + 1
    window = text[start : start + length]
    if start + length < len(text):
        window = window[: window.rfind(" ")] if " " in window else window
        window += " …"
    if start > 0:
        window = "… " + window
    if pattern is None:
        return conditional_escape(window)
    pieces, last = [], 0
    for match in pattern.finditer(window):
        pieces.append(conditional_escape(window[last : match.start()]))
        pieces.append("<mark>" + conditional_escape(match.group(0)) + "</mark>")
        last = match.end()
    pieces.append(conditional_escape(window[last:]))
    return mark_safe("".join(str(p) for p in pieces))


@dataclass
class Hit:
    page: Page
    type_label: str
    factors: list
    excerpt: str
    date: object
    year: int | None
    language: str
    promoted: bool = False


def load_hits(ids, data, locale, pattern, promoted=False):
    """The pages behind ``ids`` as hits, in that order, with a constant number of queries."""
    # Live and public asked again: what a visitor reads never rests on a memo alone.
    shown = Page.objects.live().public().filter(pk__in=ids).defer_streamfields().specific()
    pages = {p.pk: p for p in shown}
    hits = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        # Every hit is in the active locale; sharing its object spares a query per URL.
        page.locale = locale
        model = type(page)
        factor_numbers = sorted(int(n) for n in data.index.values_of(pk, "factor")) if data else []
        text = getattr(page, EXCERPT_FIELDS.get(model, ""), "") or page.search_description
        language = locale.language_code
        if page.alias_of_id and getattr(page, "original_language", ""):
            language = page.original_language
        hits.append(
            Hit(
                page=page,
                type_label=str(model._meta.verbose_name).capitalize(),
                factors=[data.factor_by_number[str(n)] for n in factor_numbers] if data else [],
                excerpt=excerpt(text, pattern, is_html=model is CaseStudyPage),
                date=page.first_published_at,
                year=data.case_years.get(pk) if data else None,
                language=language,
                promoted=promoted,
            )
        )
    return hits
