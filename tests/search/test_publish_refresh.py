"""After a publish: facets updated page by page, the background job asked for once, and the
searches right until it has run still correct (search/changes.py, search/tasks.py)."""

import os
import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from core import publication
from search import changes, vocabulary
from search.facet_index import collect
from search.facets import FacetData
from search.models import Term, VocabularyState
from tests.factories.guidance import ActivityPageFactory, QuotePageFactory
from tests.helpers import nynorsk_alias, publish
from tests.search.helpers import facet_counts, titles

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def shape(data):
    """What a ``FacetData`` tells a search, independent of the bit positions it chose."""
    index = data.index
    pages = list(index.position)
    return {
        "pages": set(index.position),
        "newest_first": index.newest_first,
        "stated_years": index.stated_years,
        "masks": {
            facet: {value: set(index.select(pages, mask)) for value, mask in masks.items()}
            for facet, masks in index.masks.items()
        },
    }


def fresh_facets(locale):
    """The facet data as the next search in another process sees it."""
    publication.forget()
    return FacetData.for_locale(locale)


@pytest.fixture
def built(content, nb):
    """The facets of bokmål built once, as a running process has them."""
    FacetData.forget()
    return fresh_facets(nb)


def test_publishing_updates_the_facets_page_by_page(built, content, tree, nb, nn):
    theme = content["themes"][1]
    # Changed links, a new page, an unpublished page, a deleted page and a nynorsk alias.
    content["quote"].themes.set([theme])
    content["quote"].save_revision().publish()
    new = publish(
        ActivityPageFactory(parent=tree.factors[4], title="Ny aktivitet"),
        themes=[theme],
    )
    content["article"].unpublish()
    content["case"].delete()
    nynorsk_alias(new, nn)
    stamp = publication.current()
    changed = changes.pages_changed(built.stamp, stamp)
    assert {new.pk, content["quote"].pk, content["article"].pk, content["case"].pk} <= changed

    updated = fresh_facets(nb)
    assert updated is not built and updated.stamp == stamp
    assert shape(updated) == shape(FacetData(nb, stamp))
    assert shape(FacetData.for_locale(Locale.objects.get(language_code="nn"))) == shape(
        FacetData(nn, stamp)
    )


def test_the_first_search_after_a_publish_reads_only_the_changed_page(
    settings, client, built, content, tree, django_assert_max_num_queries
):
    settings.TASKS = DATABASE_QUEUE  # as in production: the job waits for the worker
    params = {"q": "kommunen", "factor": "3"}
    client.get("/sok/", params)
    publication.forget()  # the memos of other content; the facets come from the cache
    with CaptureQueriesContext(connection) as current:
        client.get("/sok/", params)
    publish(
        QuotePageFactory(
            parent=tree.quote_index,
            title="Nytt sitat",
            quote="Om kommunen.",
            municipality=content["quote"].municipality,
        ),
        factors=[tree.factors[2]],
        themes=[content["themes"][0]],
    )
    publication.forget()
    # The chain of changes, the new page's row, years, factors, themes and municipality,
    # whether the job is queued, and on SQLite the new page's index entry (the map of the
    # others is carried over).
    with django_assert_max_num_queries(len(current) + 9) as captured:
        response = client.get("/sok/", params)
    assert "Nytt sitat" in titles(response)
    assert facet_counts(response, "theme")["boligkontor"] == 4
    # Not the factors, themes and municipalities of the language, which a full build reads.
    sql = [query["sql"] for query in captured.captured_queries]
    assert sum("veiviser_search_pagechange" in query for query in sql) == 1
    assert not any(query.startswith('SELECT "guidance_municipality"') for query in sql)


def test_changes_the_rows_cannot_vouch_for_build_the_facets_in_full(built, content, tree, nb):
    content["themes"][0].save()  # a theme: no row, the chain breaks
    assert changes.pages_changed(built.stamp, publication.current()) is None

    before = publication.current()
    content["activity"].move(tree.factors[0], pos="last-child")  # its descendants move too
    assert changes.pages_changed(before, publication.current()) is None

    before = publication.current()
    publication.renew()  # a bulk change that calls renew() itself
    publish(QuotePageFactory(parent=tree.quote_index, title="Etter"))
    assert changes.pages_changed(before, publication.current()) is None

    updated = fresh_facets(nb)
    assert shape(updated) == shape(FacetData(nb, publication.current()))
    assert updated.index.values_of(content["activity"].pk, "factor") == ["1"]


def test_a_draft_writes_no_change(content):
    before = changes.PageChange.objects.count()
    content["quote"].save_revision()
    assert changes.PageChange.objects.count() == before


def test_publishing_queues_one_job_for_a_burst(
    settings, content, tree, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    # Ten publishes, each committed on its own; the first job has not started yet.
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            publish(QuotePageFactory(parent=tree.quote_index, title=f"Sitat {n}"))
    queued = DBTaskResult.objects.filter(task_path="search.tasks.refresh_search")
    assert queued.count() == 1
    # Once the worker has taken it, the next publish queues one more.
    queued.update(status="RUNNING")
    with django_capture_on_commit_callbacks(execute=True):
        publish(QuotePageFactory(parent=tree.quote_index, title="Sitat A"))
        publish(QuotePageFactory(parent=tree.quote_index, title="Sitat B"))
    assert queued.count() == 2


def test_until_the_job_has_run_search_is_correct_and_typos_lag(
    settings, client, monkeypatch, content, tree, django_capture_on_commit_callbacks
):
    client.get("/sok/", {"q": "kommunen"})  # the word list of the content as it was
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            QuotePageFactory(
                parent=tree.quote_index, title="Nytt sitat", quote="Om husbankveilederen."
            ),
            factors=[tree.factors[2]],
        )
    assert not Term.objects.filter(word="husbankveilederen").exists()
    response = client.get("/sok/", {"q": "husbankveilederen", "factor": "3"})
    assert titles(response) == ["Nytt sitat"]  # found through the search index at once
    assert facet_counts(response, "factor") == {"3": 1}
    response = client.get("/sok/", {"q": "husbankveiledren"})
    assert response.context["corrected"] is None  # not a known word until the job has run

    # The worker, as `make production` runs it; it keeps the test's transaction open.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command(
        "db_worker", "--batch", "--backend", "background", "--no-startup-delay", "--no-reload"
    )
    assert not DBTaskResult.objects.ready().exists()
    assert VocabularyState.objects.get().stamp == str(publication.current())
    vocabulary.forget()
    response = client.get("/sok/", {"q": "husbankveiledren"})
    assert response.context["corrected"] == "husbankveilederen"


def test_a_site_whose_job_never_ran_searches_on_stems(settings, client, content):
    settings.TASKS = DATABASE_QUEUE
    assert not VocabularyState.objects.exists()
    response = client.get("/sok/", {"q": "kommunen"})
    assert "Ledelse i kommunen" in titles(response)
    assert DBTaskResult.objects.filter(task_path="search.tasks.refresh_search").count() == 1


def test_production_queues_the_job_and_runs_wagtails_tasks_at_once(settings):
    code = (
        "import django; django.setup(); from django_tasks import task_backends; "
        "print(type(task_backends['default']).__name__, type(task_backends['background']).__name__)"
    )
    environ = {k: v for k, v in os.environ.items() if k != "VEIVISER_BACKGROUND_JOBS"}
    environ.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="veiviser.example.no",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ImmediateBackend", "DatabaseBackend"]
    # Tests (and the demo) run the job at once: nothing else would.
    assert settings.TASKS["background"]["BACKEND"].endswith("ImmediateBackend")


def test_a_page_published_again_keeps_the_order_of_the_pages(content, nb):
    content["quote"].save_revision().publish()
    content["quote"].refresh_from_db()  # with its first publishing
    FacetData.forget()
    built = fresh_facets(nb)
    content["quote"].title = "Endret sitat"
    content["quote"].save_revision().publish()  # its first publishing stays as it was
    pks = {content["quote"].pk}
    patched = built.index.patched(pks, collect(nb, built.factors, pks))
    assert patched.newest_first is built.index.newest_first  # not sorted again
    assert shape(fresh_facets(nb)) == shape(FacetData(nb, publication.current()))


def test_a_process_asks_for_the_job_once_per_stamp(
    settings, client, content, tree, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    client.get("/sok/", {"q": "kommunen"})
    with django_capture_on_commit_callbacks(execute=True):
        publish(QuotePageFactory(parent=tree.quote_index, title="Nytt sitat"))
    DBTaskResult.objects.all().delete()  # as if the worker had taken it and failed
    searches = []
    for query in ("kommunen", "ledelse"):
        with CaptureQueriesContext(connection) as captured:
            client.get("/sok/", {"q": query})
        searches.append([q["sql"] for q in captured.captured_queries])
    asked = [sum("django_tasks_database" in q for q in sql) for sql in searches]
    assert asked[0] >= 1 and asked[1] == 0
    assert sum("veiviser_search_vocabularystate" in q for q in searches[1]) == 1


def test_a_process_with_nothing_in_memory_updates_the_newest_facets_in_the_cache(
    settings, built, content, nb
):
    settings.TASKS = DATABASE_QUEUE  # the job would build them under the new stamp
    content["quote"].title = "Endret sitat"
    content["quote"].save_revision().publish()
    FacetData.forget()
    with CaptureQueriesContext(connection) as captured:
        updated = fresh_facets(nb)
    assert updated.stamp == publication.current()
    assert shape(updated) == shape(FacetData(nb, publication.current()))
    assert not any('FROM "guidance_municipality"' in q["sql"] for q in captured.captured_queries)
