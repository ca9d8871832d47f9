"""Keep ``PublicDocument`` rows — and so the public search index — equal to what the public may see.

Saving or deleting a row updates the search backend through Wagtail's own index signals,
so these functions only decide which rows exist and what they say.
"""

from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from disclosure.visibility import is_publicly_visible, public_pages

from .models import PublicDocument
from .sources import describe, searchable_pages


def sync_page(page_id):
    """Add, refresh or drop the document of one page; returns whether it is now searchable."""
    page = Page.objects.filter(pk=page_id).first()
    fields = None
    if page is not None and is_publicly_visible(page):
        fields = describe(page.specific)
    if fields is None:
        for document in PublicDocument.objects.filter(pk=page_id):
            document.delete()
        return False
    with transaction.atomic():
        PublicDocument.objects.update_or_create(page_id=page_id, defaults=fields)
    return True


def subtree_ids(page_id):
    """The page and every descendant that is or may become searchable (a parent's change reaches them)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return [page_id]
    searchable = searchable_pages().descendant_of(page, inclusive=True).values_list("pk", flat=True)
    indexed = PublicDocument.objects.filter(page__path__startswith=page.path).values_list("pk", flat=True)
    return sorted({page_id, *searchable, *indexed})


def differences():
    """(ids that should be indexed but are not or are stale, ids that are indexed but must not be)."""
    public = set(public_pages(searchable_pages()).values_list("pk", flat=True))
    indexed = set(PublicDocument.objects.values_list("pk", flat=True))
    stale = set(PublicDocument.objects.filter(page__last_published_at__gt=F("synced_at")).values_list("pk", flat=True))
    return sorted((public - indexed) | (stale & public)), sorted(indexed - public)
