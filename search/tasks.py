"""Background jobs of the search app: keeping the public index in step with what is public."""

from celery import shared_task

from .documents.sync import differences, subtree_updates, sync_each, withdraw
from .documents.vocabulary import refresh_vocabulary
from .queries.hot import prune_log


@shared_task(name="search.tasks.sync_pages", ignore_result=True)
def sync_pages(page_ids):
    """Add, refresh or drop the public search documents of these pages."""
    return sync_each(page_ids)


@shared_task(name="search.tasks.sync_subtree", ignore_result=True)
def sync_subtree(page_id):
    """A page and everything under it: publishing, unpublishing, moving, holding or restricting a parent."""
    withdraw([page_id])
    return sync_each(subtree_updates(page_id))


@shared_task(name="search.tasks.reconcile_public_index", ignore_result=True)
def reconcile_public_index():
    """Make the index equal to the visibility rule, whatever happened (an expiry passing, a lost
    message, a worker killed mid-sync, a change in the database), prune the query log and
    recount the index vocabulary when documents changed (at most every VOCABULARY_REFRESH_MINUTES)."""
    missing, extra = differences()
    withdraw(extra, subtree=False)
    sync_each(missing)
    prune_log()
    refresh_vocabulary()
    return len(missing), len(extra)
