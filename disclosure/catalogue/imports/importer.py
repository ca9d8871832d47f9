"""Applies validated rows: creates or updates catalogue items in batches.

Pages are added under the agency's catalogue in bulk, with the paths ``add_child`` would
give (``treebeard_paths``), and updated in bulk (``bulk_pages``): no ``save`` per row, so
no ``post_save`` per row. What the item's ``save`` and its receivers would do is done once
per batch here — derived fields, the search index, the catalogue counts — and every
created or updated item gets an audit-log entry.

The command (``import_catalogue``) and the admin's 导入目录 (``jobs``) both run
``CatalogueImporter``. The admin's import stays in front of the review (先审查、后公开,
``drafts_only``): it creates drafts, to be submitted for review one by one, and changes only
drafts that no one has edited since an import created them — never a published item.
"""

import secrets
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry

from ...agencies.models import AgencyPage
from ...visibility import visibility_changed
from .. import stats
from ..choices import Validity
from ..doc_numbers import normalise_doc_number
from ..models import CatalogueCategory, CatalogueIndexPage, CatalogueItemPage, Genre, IssuedIndexNumber, Topic
from ..models.index_numbers import IndexNumberAllocator, register_imported
from .bulk_pages import index_pages, insert_pages, update_pages
from .columns import category_paths, same_minute
from .forms import RowValidator
from .readers import ImportFileError, open_rows
from .rows import RowError, body_to_rich_text

BATCH_SIZE = 500
# Past this many rows the planner's statistics are stale enough to pick full sorts over index scans.
ANALYZE_AFTER_ROWS = 1000
# What _fill may change on an existing item, written by one bulk update per batch.
UPDATED_FIELDS = [
    "title",
    "draft_title",
    "last_published_at",
    "doc_number",
    "doc_number_key",
    "generated_date",
    "published_at",
    "category",
    "topic",
    "genre",
    "keywords",
    "summary",
    "body",
    "disclosure_mode",
    "non_disclosure_reason",
    "disclosure_note",
    "validity",
    "validity_date",
    "art20_item",
]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors


def _category_lookup(categories):
    """Each category is found by its code, its name (when unique in the agency) or its path 'A/B'."""
    categories = list(categories)
    paths = category_paths(categories)
    by_agency = {}
    for category in categories:
        by_agency.setdefault(category.agency_id, []).append(category)
    lookups = {}
    for agency_id, items in by_agency.items():
        names = {}
        lookup = {}
        for c in items:
            names.setdefault(c.name, []).append(c)
            lookup[paths[c.pk]] = c
            if c.code:
                lookup[c.code] = c
        for name, matches in names.items():
            if len(matches) == 1:
                lookup.setdefault(name, matches[0])
        lookups[agency_id] = lookup
    return lookups


class CatalogueImporter:
    """Imports a file's rows; ``agency`` (with ``catalogue``, the admin's choice) confines every row to it."""

    def __init__(self, agency=None, publish=True, user=None, catalogue=None, drafts_only=False):
        self.default_agency = agency
        self.drafts_only = drafts_only
        self.publish = publish and not drafts_only
        self.user = user
        agencies = {a.org_code.upper(): a for a in AgencyPage.objects.all()}
        self.validator = RowValidator(
            agencies=agencies,
            categories_by_agency=_category_lookup(CatalogueCategory.objects.all()),
            topics={t.name: t for t in Topic.objects.all()},
            genres={g.name: g for g in Genre.objects.all()},
            default_agency=agency,
            chosen_in_admin=catalogue is not None,
        )
        self.catalogues = {agency.pk: catalogue} if agency is not None and catalogue is not None else {}
        self._allocators = {}

    def run(self, source, dry_run=False, progress=None, max_rows=None):
        """Import the rows of ``source`` (a path, or a ``readers.FileContent``).

        ``progress(total)`` returns what counts the rows read (``update(1)``, ``close()``): tqdm
        for the command, the job's progress for the admin. ``max_rows``: see ``readers.open_rows``.
        """
        report = ImportReport(dry_run=dry_run)
        try:
            rows = open_rows(source, max_rows=max_rows)
            total = rows.count()
        except ImportFileError as exc:
            report.errors.append(RowError(0, "file", str(exc)))
            return report
        bar = progress(total) if progress else None
        batch = []
        try:
            for number, raw in rows:
                if bar is not None:
                    bar.update(1)
                if isinstance(raw, ImportFileError):
                    report.errors.append(RowError(number, "json", str(raw)))
                    continue
                values, errors = self.validator.validate(number, raw)
                report.errors.extend(errors)
                if values is not None:
                    batch.append(values)
                if len(batch) >= BATCH_SIZE:
                    self._apply(batch, report, dry_run)
                    batch = []
            if batch:
                self._apply(batch, report, dry_run)
        except ImportFileError as exc:
            report.errors.append(RowError(0, "file", str(exc)))
        finally:
            if bar is not None:
                bar.close()
        if not dry_run and report.created + report.updated >= ANALYZE_AFTER_ROWS:
            refresh_planner_statistics()
        return report

    def _catalogue_for(self, agency):
        if agency.pk not in self.catalogues:
            catalogue = CatalogueIndexPage.objects.child_of(agency).first()
            self.catalogues[agency.pk] = catalogue
        return self.catalogues[agency.pk]

    def _apply(self, batch, report, dry_run):
        """Validate identities against the database, then write the batch in one transaction."""
        by_index = {v.index_number: v for v in batch if v.index_number}
        existing = {item.index_number: item for item in CatalogueItemPage.objects.filter(index_number__in=by_index)}
        issued = dict(IssuedIndexNumber.objects.filter(value__in=by_index).values_list("value", "item_id"))
        keyless = [v for v in batch if not v.index_number]
        natural = {}
        if keyless:
            candidates = CatalogueItemPage.objects.filter(
                agency__in={v.agency.pk for v in keyless}, title__in={v.title for v in keyless}
            )
            natural = {(i.agency_id, i.title, i.doc_number_key, i.generated_date): i for i in candidates}

        # 涉密不上网: what a secrecy review withheld is changed only through a new review, never by a file.
        matched = [item.pk for item in [*existing.values(), *natural.values()]]
        held = set(Page.objects.filter(pk__in=matched, publication_hold__isnull=False).values_list("pk", flat=True))

        creates, updates, seen = [], [], set()
        for values in batch:
            key = values.index_number or values.natural_key
            if key in seen:
                report.errors.append(RowError(values.row, "index_number", _duplicate_message()))
                continue
            seen.add(key)
            if values.index_number:
                item = existing.get(values.index_number)
                if item is None and values.index_number in issued:
                    report.errors.append(RowError(values.row, "index_number", _reused_message(values.index_number)))
                    continue
                if item is not None and item.agency_id != values.agency.pk:
                    report.errors.append(
                        RowError(values.row, "index_number", _other_agency_message(values.index_number))
                    )
                    continue
            else:
                item = natural.get(values.natural_key)
            if item is not None and item.pk in held:
                report.errors.append(RowError(values.row, "index_number", _held_message(item)))
                continue
            if item is not None and self.drafts_only and (item.live or item.latest_revision_id is not None):
                field_name = "index_number" if values.index_number else "title"
                report.errors.append(RowError(values.row, field_name, _reviewed_message(item)))
                continue
            if item is None and self._catalogue_for(values.agency) is None:
                report.errors.append(RowError(values.row, "agency_code", _no_catalogue_message(values.agency)))
                continue
            (updates if item is not None else creates).append((values, item))

        if dry_run:
            report.created += len(creates)
            report.updated += len(updates)
            return
        with transaction.atomic():
            updated = self._update_all(updates)
            created = self._create_all(creates)
            report.updated += len(updated)
            report.created += len(created)
            self._log(updated, "gongkai.catalogue.import_update")
            self._log(created, "gongkai.catalogue.import")
            written = updated + created
            # What saving each item would have done through its post_save receivers:
            # Wagtail's search index (the admin's page search) and the catalogue counts.
            index_pages(CatalogueItemPage, written)
            for agency_id in {item.agency_id for item in written if item.live}:
                stats.invalidate(agency_id)
        # The public index follows like after any publication: an update that made an item
        # less public (依申请公开, a body removed) leaves it at once, the rest is refreshed.
        updated_ids = [item.pk for item in updated]
        if updated_ids:
            visibility_changed.send(sender=CatalogueItemPage, page_ids=updated_ids, withdrawn=True)
        if written:
            visibility_changed.send(sender=CatalogueItemPage, page_ids=[item.pk for item in written])

    def _fill(self, item, values):
        """Copy a row onto an item; what an export shows of the item unchanged leaves the item unchanged."""
        item.title = item.draft_title = values.title
        item.doc_number = values.doc_number
        item.generated_date = values.generated_date
        if values.published_at and not same_minute(values.published_at, item.published_at):
            item.published_at = values.published_at
        item.category = values.category
        item.topic = values.topic
        item.genre = values.genre
        item.keywords = values.keywords
        item.summary = values.summary
        if values.body != item.body and values.body != body_to_rich_text(item.body):
            item.body = values.body
        item.disclosure_mode = values.disclosure_mode
        item.non_disclosure_reason = values.non_disclosure_reason
        item.disclosure_note = values.disclosure_note
        item.validity = values.validity
        if values.validity_date or values.validity == Validity.VALID:
            item.validity_date = values.validity_date
        # Derived as CatalogueItemPage.save derives them; bulk writes do not call it.
        item.art20_item = values.category.art20_item
        item.doc_number_key = normalise_doc_number(item.doc_number)

    def _update_all(self, updates):
        now = timezone.now()
        items = []
        for values, item in updates:
            self._fill(item, values)
            if item.live:
                item.last_published_at = now  # published again: the index's reconcile sees it
            items.append(item)
        update_pages(items, UPDATED_FIELDS)
        return items

    def _create_all(self, creates):
        by_catalogue = {}
        for values, _item in creates:
            by_catalogue.setdefault(self._catalogue_for(values.agency).pk, []).append(values)
        created = []
        now = timezone.now()
        for catalogue_id, rows in by_catalogue.items():
            catalogue = CatalogueIndexPage.objects.get(pk=catalogue_id)
            numbers = iter(self._allocate_numbers(rows, now))
            slugs = set(Page.objects.child_of(catalogue).values_list("slug", flat=True))
            items = []
            for values in rows:
                item = CatalogueItemPage(
                    slug=_unique_slug(slugs, values.title),
                    agency=values.agency,
                    locale_id=catalogue.locale_id,
                    numchild=0,
                    live=self.publish,
                    has_unpublished_changes=not self.publish,
                    first_published_at=(values.published_at or now) if self.publish else None,
                    last_published_at=(values.published_at or now) if self.publish else None,
                    owner=self.user,
                )
                self._fill(item, values)
                item.index_number = values.index_number or next(numbers)
                items.append(item)
            insert_pages(catalogue, items)
            for values, item in zip(rows, items, strict=True):
                if values.index_number:
                    register_imported(values.index_number, values.agency, item.pk)
            _link_issued_numbers(items)
            created += items
        return created

    def _allocate_numbers(self, rows, now):
        """Numbers for the published rows that bring none; drafts get theirs at publication."""
        wanting = [values for values in rows if not values.index_number]
        if not self.publish or not wanting:
            return [None] * len(wanting)
        allocator = self._allocators.get(wanting[0].agency.pk)
        if allocator is None:
            allocator = self._allocators[wanting[0].agency.pk] = IndexNumberAllocator(wanting[0].agency)
        return allocator.allocate_many([(values.category.code, values.published_at or now) for values in wanting])

    def _log(self, items, action):
        if not items:
            return
        content_type = ContentType.objects.get_for_model(CatalogueItemPage)
        now = timezone.now()
        PageLogEntry.objects.bulk_create(
            PageLogEntry(
                content_type=content_type,
                label=item.title[:255],
                action=action,
                page_id=item.pk,
                user=self.user,
                timestamp=now,
                data={"index_number": item.index_number or ""},
            )
            for item in items
        )


def refresh_planner_statistics():
    """ANALYZE the tables a bulk import grew, instead of waiting for autovacuum to notice."""
    tables = [CatalogueItemPage._meta.db_table, Page._meta.db_table, IssuedIndexNumber._meta.db_table]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _link_issued_numbers(items):
    """Record which item each freshly allocated number went to (allocation precedes the insert)."""
    by_value = {item.index_number: item.pk for item in items if item.index_number}
    issued = list(IssuedIndexNumber.objects.filter(value__in=by_value, item_id__isnull=True))
    for row in issued:
        row.item_id = by_value[row.value]
    IssuedIndexNumber.objects.bulk_update(issued, ["item_id"])


#: Long enough to tell titles apart, short enough for an address that is shared on phones.
SLUG_LENGTH = 60


def _unique_slug(taken, title):
    """The title, as Wagtail's editor makes a slug of it (Chinese kept), numbered when taken."""
    base = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or secrets.token_hex(5)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _held_message(item):
    return _(
        "“%(title)s” is withheld by a secrecy review (暂缓公开); it can only be changed in the admin, through a new review."
    ) % {"title": item.title}


def _reviewed_message(item):
    return _(
        "“%(title)s” is published or has been edited in the admin: change it in the page editor and submit it for review (先审查、后公开)."
    ) % {"title": item.title}


def _duplicate_message():
    return _("The same item appears twice in this file; the later row was skipped.")


def _reused_message(value):
    return _("The index number %(value)s was issued before and can never be reused.") % {"value": value}


def _other_agency_message(value):
    return _("The index number %(value)s belongs to an item of another agency.") % {"value": value}


def _no_catalogue_message(agency):
    return _("The agency “%(agency)s” has no disclosure catalogue page to import into.") % {"agency": agency.title}
