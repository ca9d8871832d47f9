"""The pages a feed's address names, through the visibility rule: what the public may not see does not exist."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Site

from ..agencies.models import AgencyPage
from ..announcements.models import AnnouncementIndexPage
from ..catalogue.models import CatalogueCategory, CatalogueIndexPage
from ..visibility import public_pages
from .subjects import site_name


def _public_on_site(queryset, request, page_id):
    """The page ``page_id`` if it is public and belongs to the site the request is for."""
    site = Site.find_for_request(request)
    if site is not None:
        page = public_pages(queryset.filter(pk=page_id, path__startswith=site.root_page.path)).first()
        if page is not None:
            return page
    raise ObjectDoesNotExist(f"No public {queryset.model.__name__} {page_id} on this site.")


def public_catalogue(request, catalogue_id):
    return _public_on_site(CatalogueIndexPage.objects.all(), request, catalogue_id)


def public_column(request, column_id):
    return _public_on_site(AnnouncementIndexPage.objects.all(), request, column_id)


def public_category(catalogue, category_id):
    """A category of the catalogue's own tree (another agency's category is not this catalogue's)."""
    return CatalogueCategory.objects.get(pk=category_id, agency_id=catalogue.agency.pk)


def column_owner_title(column, request):
    """The agency a column sits under, or the site for a column under the home page."""
    agency = AgencyPage.objects.ancestor_of(column).order_by("-depth").values_list("title", flat=True).first()
    return agency or site_name(request)
