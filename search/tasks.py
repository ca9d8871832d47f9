"""Background jobs of the search app: keeping the public index in step with what is public."""

from celery import shared_task


@shared_task(name="search.tasks.sync_pages", ignore_result=True)
def sync_pages(page_ids):
    """Add, refresh or drop the public search documents of these pages."""
    from .documents.sync import sync_page

    return sum(sync_page(page_id) for page_id in page_ids)


@shared_task(name="search.tasks.sync_subtree", ignore_result=True)
def sync_subtree(page_id):
    """A page and everything under it: unpublishing, moving or restricting a parent reaches its children."""
    from .documents.sync import subtree_ids, sync_page

    return sum(sync_page(pk) for pk in subtree_ids(page_id))


@shared_task(name="search.tasks.reconcile_public_index", ignore_result=True)
def reconcile_public_index():
    """Catch what no event announced (an expiry passing, a lost message) and prune the query log."""
    from .documents.sync import differences, sync_page
    from .queries.hot import prune_log

    missing, extra = differences()
    for page_id in missing + extra:
        sync_page(page_id)
    prune_log()
    return len(missing), len(extra)
