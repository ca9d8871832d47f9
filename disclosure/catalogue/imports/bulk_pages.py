"""Writing many pages of one type at once, as saving them one by one would, but without signals.

``Model.save`` sends ``post_save`` per page, and modelsearch indexes each page from it: for
an import of 10,000 rows that is 10,000 index writes. Switching its receiver off for the
import (``post_save.disconnect``) would switch it off for the whole process, so a page an
editor saves meanwhile in another thread would never be indexed. Instead, an import writes
its pages with bulk queries, which send no signals and so need nothing switched off, and
then does what the receivers would have done, once per batch: ``index_pages`` here, the
rest in the importer. Pages are stored as ``add_child`` + ``save`` would store them; the
import tests compare the two.
"""

import logging

from django.db import connections, router
from wagtail.models import Page
from wagtail.search.backends import get_search_backends_with_name

from .treebeard_paths import child_paths

logger = logging.getLogger(__name__)

PAGE_FIELDS = [field.attname for field in Page._meta.concrete_fields]


def insert_pages(parent, pages):
    """Insert new pages of one specific type as the last children of ``parent``.

    ``pages`` are unsaved and filled in, except for their place in the tree: path, depth
    and ``url_path`` are set here, and the parent's ``numchild`` is recounted. As in
    ``add_child``, the parent row is locked first, so that concurrent imports into one
    catalogue cannot compute the same paths. Django's ``bulk_create`` refuses multi-table
    models, so the ``Page`` rows are bulk-created (SQLite and PostgreSQL return their ids)
    and the specific rows follow in one ``executemany`` built from the model's own fields.
    """
    if not pages:
        return
    model = type(pages[0])
    if list(model._meta.parents) != [Page]:
        raise TypeError(f"{model.__name__} is not a direct subclass of Page")
    using = router.db_for_write(model)
    Page.objects.select_for_update().filter(pk=parent.pk).get()
    children = Page.objects.child_of(parent)
    last_child_path = children.order_by("-path").values_list("path", flat=True).first()
    for page, path in zip(pages, child_paths(parent, last_child_path, len(pages)), strict=True):
        page.path, page.depth = path, parent.depth + 1
        page.set_url_path(parent)
    rows = [Page(**{name: getattr(page, name) for name in PAGE_FIELDS}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding, page._state.db = False, using
    _insert_specific_rows(model, pages, connections[using])
    Page.objects.filter(pk=parent.pk).update(numchild=children.count())


def _insert_specific_rows(model, pages, connection):
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [[field.get_db_prep_save(field.pre_save(page, True), connection) for field in fields] for page in pages]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def update_pages(pages, fields):
    """Write ``fields`` of saved pages of one specific type: one ``executemany`` per table.

    A field lives in ``Page``'s table or in the type's own; both rows share the page's id.
    (Django's ``bulk_update`` does the same in CASE expressions that cost more to build
    than the import spends on everything else.)
    """
    if not pages:
        return
    model = type(pages[0])
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    by_table = {}
    for name in fields:
        field = model._meta.get_field(name)
        by_table.setdefault(field.model, []).append(field)
    with connection.cursor() as cursor:
        for owner, owned in by_table.items():
            sql = "UPDATE {} SET {} WHERE {} = %s".format(
                quote(owner._meta.db_table),
                ", ".join(f"{quote(field.column)} = %s" for field in owned),
                quote(owner._meta.pk.column),
            )
            values = [
                [field.get_db_prep_save(field.pre_save(page, False), connection) for field in owned] + [page.pk]
                for page in pages
            ]
            cursor.executemany(sql, values)


def index_pages(model, pages):
    """Index pages in every auto-updated search backend at once, as modelsearch does after each save.

    Like modelsearch, a backend that asks for it (``catch_indexing_errors``: Elasticsearch)
    has its failures logged rather than failing the write; the index is rebuilt later.
    """
    if not pages:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, pages)
        except Exception:
            logger.exception("Adding %d %s pages to the '%s' search backend failed", len(pages), model.__name__, name)
            if not backend.catch_indexing_errors:
                raise
