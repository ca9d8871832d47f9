"""Public pages as feed entries: the newest first, each with what a reader shows of it.

Only pages the visibility rule lets through are read; an item disclosed on request
(依申请公开) is listed with its summary, as the catalogue lists it, never with its body.
Every query is one per page type, whatever the number of entries.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from heapq import merge

from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from wagtail.rich_text import get_text_for_indexing

from ..agencies.models import AgencyPage
from ..announcements.models import AnnouncementPage
from ..catalogue.models import CatalogueItemPage
from ..catalogue.queries import category_subtree_ids
from ..visibility import public_pages

#: Entries per feed: readers poll often and keep what they have seen.
FEED_LENGTH = 50
#: Orders an entry without any date last.
NEVER = datetime.min.replace(tzinfo=UTC)
#: Characters of an announcement's text in its entry.
DESCRIPTION_LENGTH = 200


@dataclass
class FeedEntry:
    title: str
    url: str
    description: str
    published: datetime
    author: str
    categories: list = field(default_factory=list)


def _catalogue_items(queryset):
    rows = public_pages(queryset).select_related("agency", "category", "topic", "genre")
    # The same date the entry carries (``_catalogue_entry``), so the site-wide merge stays in order.
    shown = Coalesce("published_at", "first_published_at")
    return rows.order_by(shown.desc(nulls_last=True), "-pk")[:FEED_LENGTH]


def _catalogue_entry(item, request):
    description = item.summary
    if not description and item.shows_content:
        description = Truncator(get_text_for_indexing(item.body)).chars(DESCRIPTION_LENGTH)
    return FeedEntry(
        title=item.title,
        url=item.get_url(request),
        description=description,
        published=item.published_at or item.first_published_at,
        author=item.issuing_agency_name,
        categories=[term.name for term in (item.category, item.topic, item.genre) if term is not None],
    )


def _announcements(queryset):
    return public_pages(queryset).order_by("-date", "-pk")[:FEED_LENGTH]


def _announcement_entry(page, request, owner_title):
    return FeedEntry(
        title=page.title,
        url=page.get_url(request),
        description=Truncator(get_text_for_indexing(page.body)).chars(DESCRIPTION_LENGTH),
        published=page.date,
        author=page.source or owner_title,
        categories=[page.get_category_display()],
    )


def catalogue_entries(catalogue, request, category=None):
    """The newest public items of a catalogue (of one category and its subcategories, if given)."""
    items = CatalogueItemPage.objects.filter(agency_id=catalogue.agency.pk)
    if category is not None:
        items = items.filter(category_id__in=category_subtree_ids(category.pk))
    return [_catalogue_entry(item, request) for item in _catalogue_items(items)]


def column_entries(column, request, owner_title):
    """The newest public announcements of a column; pinning is for the page, not the feed."""
    pages = _announcements(AnnouncementPage.objects.child_of(column))
    return [_announcement_entry(page, request, owner_title) for page in pages]


def _owner_titles(site_name):
    """Announcement path → the title of the agency it sits under (the site's name outside any)."""
    agencies = sorted(AgencyPage.objects.values_list("path", "title"), key=lambda pair: -len(pair[0]))

    def owner(path):
        return next((title for prefix, title in agencies if path.startswith(prefix)), site_name)

    return owner


def latest_entries(site_root, request, site_name):
    """The newest public catalogue items and announcements of a site, together."""
    items = _catalogue_items(CatalogueItemPage.objects.descendant_of(site_root, inclusive=True))
    announcements = _announcements(AnnouncementPage.objects.descendant_of(site_root, inclusive=True))
    owner = _owner_titles(site_name)
    entries = merge(
        (_catalogue_entry(item, request) for item in items),
        (_announcement_entry(page, request, owner(page.path)) for page in announcements),
        key=lambda entry: entry.published or NEVER,
        reverse=True,
    )
    return list(entries)[:FEED_LENGTH]
