"""After a publish: the word list and the facet bitmaps are rebuilt once, not by the next search.

Connected in ``SearchConfig.ready()`` to Wagtail's publish and unpublish signals and to view
restrictions. The work runs once the change is committed, in the process that made it: the
word list goes to the database (``vocabulary.rebuild``), the facet data of each language to
Django's cache (``FacetData.prebuild``), where every process finds it under the new stamp.
Other changes to what is public (moves, deletions, themes) renew the stamp too; the first
search after them rebuilds what it needs.
"""

from django.db import transaction


def rebuild_now():
    from .facets import FacetData
    from .vocabulary import rebuild

    rebuild()
    FacetData.prebuild()


def after_publish(**kwargs):
    transaction.on_commit(rebuild_now)


def connect():
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    for signal in (page_published, page_unpublished):
        signal.connect(after_publish, dispatch_uid=f"veiviser-search-refresh-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            after_publish,
            sender=PageViewRestriction,
            dispatch_uid=f"veiviser-search-refresh-restriction-{id(signal)}",
        )
