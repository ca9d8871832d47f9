"""Which agencies the API offers: those whose catalogue the public may see."""

from ..agencies.models import AgencyPage
from ..catalogue import stats
from ..catalogue.models import CatalogueIndexPage, CatalogueItemPage
from ..visibility import public_pages, public_pages_by_parent


def public_catalogues():
    """(agency, catalogue) for every public catalogue, in the order of the site's tree (two queries)."""
    catalogues = public_pages_by_parent(CatalogueIndexPage.objects.only("title", "url_path", "path", "depth"))
    agencies = public_pages(AgencyPage.objects.filter(path__in=list(catalogues))).order_by("path")
    return [(agency, catalogues[agency.path]) for agency in agencies]


def public_catalogue_of(agency_id):
    """(agency, catalogue) if the public may see both, else None: a hidden agency is no agency."""
    agency = public_pages(AgencyPage.objects.filter(pk=agency_id)).first()
    if agency is None:
        return None
    catalogue = public_pages(CatalogueIndexPage.objects.child_of(agency)).first()
    return (agency, catalogue) if catalogue is not None else None


def public_item_counts(agency_ids):
    """Agency id → its public items, from the catalogue pages' cached statistics: a fixed number of
    queries however many agencies there are."""
    counts = stats.stats_for_agencies(
        agency_ids, lambda ids: public_pages(CatalogueItemPage.objects.filter(agency_id__in=ids))
    )
    return {agency_id: agency_stats.total for agency_id, agency_stats in counts.items()}
