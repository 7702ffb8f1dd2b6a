"""After a publish: the search's background job is asked for (``search/tasks.py``).

Connected in ``SearchConfig.ready()`` to Wagtail's publish and unpublish signals and to view
restrictions. The job is enqueued once the change commits, so it sees it; the publishing
request itself rebuilds nothing. Other changes to what is public (moves, deletions, themes)
renew the stamp too: the first search that finds the word list older than the stamp asks for
the job (``vocabulary.current``), and each process brings its facets up to date itself.
"""


def after_publish(**kwargs):
    from .tasks import request

    request()


def connect():
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from . import changes

    changes.connect()
    for signal in (page_published, page_unpublished):
        signal.connect(after_publish, dispatch_uid=f"veiviser-search-refresh-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            after_publish,
            sender=PageViewRestriction,
            dispatch_uid=f"veiviser-search-refresh-restriction-{id(signal)}",
        )
