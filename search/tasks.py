"""The search's background job: after a publish, the word list, the Apertium word map and the
facets of each language are brought up to date outside the publishing request.

The job runs on the ``background`` task backend (settings ``TASKS``): at once where nothing
else would run it (tests, the demo, development), on a worker in production
(``manage.py db_worker --backend background``, started by ``make production``). Until it has
run, searches use the previous word list (typo correction and the word map lag by seconds)
and facets that each process updates itself (``FacetData.for_locale``).

Bursts are coalesced: nothing is queued while a job waits that has not yet started, since it
will see the latest content anyway. Every part of the job does nothing when its data is
already current, so a redundant run (several publishes in one transaction, where jobs run at
once) costs a few queries.
"""

from django_tasks import task
from django_tasks_db.backend import DatabaseBackend

from django.db import transaction


@task(backend="background")
def refresh_search():
    from . import changes, vocabulary
    from .facets import FacetData

    vocabulary.rebuild()
    FacetData.prebuild()
    changes.prune()


def _waiting(backend):
    """Whether a refresh is queued on the database and not yet started."""
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.ready()
        .filter(task_path=refresh_search.module_path, backend_name=backend.alias)
        .exists()
    )


def enqueue():
    """Queue the job, unless one is queued and not yet started: that one will see the latest
    content. Where jobs run at once, run it."""
    backend = refresh_search.get_backend()
    if isinstance(backend, DatabaseBackend) and _waiting(backend):
        return
    refresh_search.enqueue()


def request():
    """Ask for the job once the current transaction commits (at once outside one)."""
    transaction.on_commit(enqueue)
