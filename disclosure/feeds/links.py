"""Which feeds a page announces (``<link rel="alternate">``): its own catalogue, category or column, and the site's.

One or two small queries per page, whatever it lists; each page type names its feeds in ``FOLLOWED``.
"""

from ..announcements.models import AnnouncementIndexPage, AnnouncementPage
from ..catalogue.models import CatalogueCategory, CatalogueIndexPage, CatalogueItemPage
from . import subjects
from .lookups import column_owner_title


def _selected_category(catalogue, request, listing):
    if listing is not None:
        return getattr(listing, "selected_category", None)
    raw = request.GET.get("category", "")
    if not raw.isdecimal() or len(raw) > 18:
        return None
    return CatalogueCategory.objects.filter(pk=int(raw), agency_id=catalogue.agency.pk).first()


def _catalogue_index(page, request, listing):
    agency_title = page.agency.title
    found = [subjects.catalogue_subject(page, agency_title, request)]
    category = _selected_category(page, request, listing)
    if category is not None:
        found.insert(0, subjects.category_subject(page, agency_title, category, request))
    return found


def _catalogue_item(page, request, listing):
    catalogue = page.get_parent()
    return [subjects.catalogue_subject(catalogue, page.agency.title, request)]


def _column(page, request, listing):
    return [subjects.column_subject(page, column_owner_title(page, request), request)]


def _announcement(page, request, listing):
    column = page.get_parent()
    return [subjects.column_subject(column, column_owner_title(column, request), request)]


#: Page type → the feeds of its own (the site-wide feed is on every page).
FOLLOWED = {
    CatalogueIndexPage: _catalogue_index,
    CatalogueItemPage: _catalogue_item,
    AnnouncementIndexPage: _column,
    AnnouncementPage: _announcement,
}


def feeds_for(page, request, listing=None):
    """The feeds a page links to, most specific first; ``listing`` is the catalogue's, when at hand."""
    found = []
    for page_type, feeds_of in FOLLOWED.items():
        if isinstance(page, page_type):
            found = feeds_of(page, request, listing)
            break
    return [*found, subjects.latest_subject(request)]
