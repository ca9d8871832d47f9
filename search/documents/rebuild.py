"""Rebuilding the whole public index in batches (``manage.py reindex``, the benchmark).

Saving documents one by one would re-index one row at a time; here rows are written with
``bulk_create`` and handed to the backend a chunk at a time, as Wagtail's ``update_index`` does.
"""

from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from disclosure.api import public_pages

from .models import PublicDocument
from .sources import describe, searchable_pages
from .vocabulary import refresh_vocabulary

CHUNK = 500


def chunks(items, size=CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_objects(model, objects, backend=None, progress=None):
    """Send ``objects`` of ``model`` to the search backend in chunks, then drop entries of deleted ones."""
    index = (backend or get_search_backend()).get_index_for_model(model)
    for chunk in chunks(list(objects)):
        index.add_items(model, chunk)
        if progress:
            progress(len(chunk))
    if hasattr(index, "delete_stale_model_entries"):
        index.delete_stale_model_entries(model)


def admin_index_models():
    """Everything Wagtail indexes for the admin's own search (pages, documents, …)."""
    return [model for model in get_indexed_models() if model is not PublicDocument]


def reindex_admin(progress=None):
    for model in admin_index_models():
        index_objects(model, model.get_indexed_objects().order_by("pk"), progress=progress)


def rebuild(progress=None, backend=None):
    """Make the documents equal to the public pages, reindex them all and count the vocabulary;
    returns how many are searchable.

    ``progress(n)`` is called as pages are described and again as documents are indexed.
    """
    public_ids = list(public_pages(searchable_pages()).order_by("pk").values_list("pk", flat=True))
    for document in PublicDocument.objects.exclude(pk__in=public_ids):
        document.delete()
    for ids in chunks(public_ids):
        rows = []
        for page in searchable_pages().filter(pk__in=ids).specific():
            fields = describe(page)
            if fields is not None:
                rows.append(PublicDocument(page_id=page.pk, **fields))
        PublicDocument.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[f.name for f in PublicDocument._meta.concrete_fields if f.name != "page"],
        )
        if progress:
            progress(len(ids))
    index_objects(PublicDocument, PublicDocument.objects.order_by("pk"), backend=backend, progress=progress)
    refresh_vocabulary(force=True)
    return PublicDocument.objects.count()
