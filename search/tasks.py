"""Background jobs of the search app: keeping the public index in step with what is public."""

import logging

from celery import shared_task
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)


def _sync_each(page_ids):
    """Sync page by page, each in its own savepoint: one failure (a deadlock between two
    publications refreshing the index) must not undo the others, nor — when tasks run in
    process — the publication that asked for it. The reconcile task catches what failed."""
    from .documents.sync import sync_page

    searchable = 0
    for page_id in page_ids:
        try:
            with transaction.atomic():
                searchable += sync_page(page_id)
        except DatabaseError:
            logger.warning("Search index sync of page %s failed; the reconcile task will retry", page_id, exc_info=True)
    return searchable


@shared_task(name="search.tasks.sync_pages", ignore_result=True)
def sync_pages(page_ids):
    """Add, refresh or drop the public search documents of these pages."""
    return _sync_each(page_ids)


@shared_task(name="search.tasks.sync_subtree", ignore_result=True)
def sync_subtree(page_id):
    """A page and everything under it: unpublishing, moving or restricting a parent reaches its children."""
    from .documents.sync import subtree_ids, sync_page

    return sum(sync_page(pk) for pk in subtree_ids(page_id))


@shared_task(name="search.tasks.reconcile_public_index", ignore_result=True)
def reconcile_public_index():
    """Catch what no event announced (an expiry passing, a lost message) and prune the query log."""
    from .documents.sync import differences
    from .queries.hot import prune_log

    missing, extra = differences()
    _sync_each(missing + extra)
    prune_log()
    return len(missing), len(extra)
