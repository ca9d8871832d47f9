"""Keep ``PublicDocument`` rows — and so the public search index — equal to what the public may see.

Saving or deleting a row updates the search backend through Wagtail's own index signals,
so these functions only decide which rows exist and what they say. Withdrawals are done
at once and as a set (everything under a page that is no longer public, in one query);
additions and refreshes are described page by page, each in its own savepoint.
"""

import logging

from django.db import DatabaseError, transaction
from django.db.models import F
from wagtail.models import Page

from disclosure.api import public_pages

from .models import PublicDocument
from .rebuild import chunks
from .sources import describe, searchable_pages

logger = logging.getLogger(__name__)


def sync_page(page_id, public):
    """Add, refresh or drop the document of one page, given whether the visibility rule shows it;
    returns whether it is now searchable."""
    page = Page.objects.filter(pk=page_id).first() if public else None
    fields = describe(page.specific) if page is not None else None
    if fields is None:
        for document in PublicDocument.objects.filter(pk=page_id):
            document.delete()
        return False
    with transaction.atomic():
        PublicDocument.objects.update_or_create(page_id=page_id, defaults=fields)
    return True


def sync_each(page_ids):
    """Sync page by page, each in its own savepoint: one failure (a deadlock between two
    publications refreshing the index, a locked SQLite file) must not undo the others, nor —
    when tasks run in process — the publication that asked for it. Reconcile catches what failed.

    The visibility rule is asked once per chunk of pages, not once per page."""
    searchable = 0
    for chunk in chunks(list(page_ids)):
        public = set(public_pages(Page.objects.filter(pk__in=chunk), fresh=True).values_list("pk", flat=True))
        for page_id in chunk:
            try:
                with transaction.atomic():
                    searchable += sync_page(page_id, page_id in public)
            except DatabaseError:
                logger.warning(
                    "Search index sync of page %s failed; the reconcile task will retry", page_id, exc_info=True
                )
    return searchable


def _documents_under(page_ids):
    paths = list(Page.objects.filter(pk__in=page_ids).values_list("path", flat=True))
    documents = PublicDocument.objects.filter(pk__in=page_ids)
    for path in paths:
        documents = documents | PublicDocument.objects.filter(page__path__startswith=path)
    return documents


def withdraw(page_ids, subtree=True):
    """Drop, in one statement, the documents of these pages (and under them) that are no longer public."""
    documents = _documents_under(page_ids) if subtree else PublicDocument.objects.filter(pk__in=page_ids)
    public = public_pages(Page.objects.filter(pk__in=documents.values("pk")), fresh=True).values("pk")
    # One DELETE; the backend hears of each row through Wagtail's index signals.
    deleted, _per_model = documents.exclude(pk__in=public).delete()
    return deleted


def subtree_updates(page_id):
    """Below a page whose visibility changed: the public pages with a missing or stale document."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    public = public_pages(searchable_pages().descendant_of(page, inclusive=True), fresh=True)
    current = PublicDocument.objects.filter(
        page__path__startswith=page.path, synced_at__gte=F("page__last_published_at")
    )
    return sorted(set(public.exclude(pk__in=current.values("pk")).values_list("pk", flat=True)) | {page_id})


def differences():
    """(ids that should be indexed but are not or are stale, ids that are indexed but must not be).

    The index is compared with the visibility rule as two sets, so that it converges from any
    state: a crashed worker, a lost message, a change made directly in the database.
    """
    public = set(public_pages(searchable_pages(), fresh=True).values_list("pk", flat=True))
    indexed = set(PublicDocument.objects.values_list("pk", flat=True))
    stale = set(PublicDocument.objects.filter(page__last_published_at__gt=F("synced_at")).values_list("pk", flat=True))
    return sorted((public - indexed) | (stale & public)), sorted(indexed - public)
