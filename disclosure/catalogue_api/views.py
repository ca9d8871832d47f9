"""The API's endpoints (django-ninja; why not Wagtail's API: see the package's docstring).

Thin: the listing's filters and queries come from ``catalogue.listing`` (through ``params``),
visibility from the one rule, answers from ``presenting`` shaped by ``schemas``.
"""

from django.core.paginator import EmptyPage
from django.db.models import Max
from django.http import Http404, HttpResponse, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.decorators import decorate_view
from ninja.renderers import JSONRenderer

from ..agencies.models import AgencyPage
from ..catalogue.listing import CatalogueListing
from ..catalogue.models import CatalogueItemPage
from ..helpers import converters  # noqa: F401 (row_id: an id past 64 bits is a 404, not a 500)
from ..visibility import public_pages
from . import openapi, schemas
from .catalogues import public_catalogue_of, public_catalogues, public_item_counts
from .http import api_answer, error_response, json_response, last_modified, set_last_modified
from .params import ParameterErrors, item_listing
from .presenting import ItemPresenter, Links, agency_answer, agency_detail, with_metadata


class UnicodeJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title=gettext_lazy("Disclosure catalogue API"),
    version="1.0",
    description=gettext_lazy(
        "Read-only: the public items of the government information disclosure catalogue (政府信息公开目录) "
        "with their metadata, filtered as on the catalogue pages, and the agencies with their category trees. "
        "Answers carry an ETag and Last-Modified; requests per client address are limited."
    ),
    urls_namespace="catalogue_api",
    openapi_url="/openapi.json",
    docs_url=None,  # Swagger UI would come from a CDN (or need django-ninja in INSTALLED_APPS), in English
    docs_decorator=api_answer,
    renderer=UnicodeJSONRenderer(),
)
ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


@api.exception_handler(ParameterErrors)
def refuse_parameters(request, exc):
    return error_response(400, exc.message, exc.fields)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(404, str(exc) if exc.args else _("Not found."))


def _all_agency_ids():
    return list(AgencyPage.objects.values_list("pk", flat=True))


@api.get(
    "/items/",
    response={200: schemas.ItemPage, **ERRORS},
    url_name="items",
    summary=gettext_lazy("Public catalogue items, newest first, filtered and paginated"),
    openapi_extra={"parameters": openapi.item_query_parameters(), **openapi.conditional_get()},
)
@decorate_view(api_answer)
def list_items(request, response: HttpResponse):
    listing = item_listing(request.GET)
    paginator = listing.paginator(with_metadata(listing.ordered_queryset()))
    try:
        page = paginator.page(listing.page_number)
    except EmptyPage as exc:
        raise Http404(
            _("There is no page %(page)d: the last page is %(last)d.")
            % {
                "page": listing.page_number,
                "last": paginator.num_pages,
            }
        ) from exc
    newest = listing.filtered_queryset().aggregate(newest=Max("last_published_at"))["newest"]
    agency_ids = [listing.agency.pk] if listing.agency else _all_agency_ids()
    set_last_modified(response, last_modified(newest, agency_ids))

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    return {
        "count": paginator.count,
        "page": page.number,
        "num_pages": paginator.num_pages,
        "page_size": paginator.per_page,
        "next": page_url(page.next_page_number()) if page.has_next() else None,
        "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
        "results": ItemPresenter(request, page.object_list).summaries(),
    }


@api.get(
    "/items/{row_id:item_id}/",
    response={200: schemas.ItemDetail, **ERRORS},
    url_name="item",
    summary=gettext_lazy("One public catalogue item with its text, attachments and related items"),
    openapi_extra=openapi.conditional_get(),
)
@decorate_view(api_answer)
def item_detail(request, item_id: int, response: HttpResponse):
    item = with_metadata(public_pages(CatalogueItemPage.objects.filter(pk=item_id))).first()
    if item is None:
        raise Http404(_("No public catalogue item has this number."))
    # Its related items may belong to any agency.
    set_last_modified(response, last_modified(item.last_published_at, _all_agency_ids()))
    return ItemPresenter(request, [item]).detail(item)


@api.get(
    "/agencies/",
    response={200: schemas.AgencyList, 429: schemas.Error},
    url_name="agencies",
    summary=gettext_lazy("The agencies whose catalogue is public, with their public item counts"),
    openapi_extra=openapi.conditional_get(),
)
@decorate_view(api_answer)
def list_agencies(request, response: HttpResponse):
    catalogues = public_catalogues()
    agency_ids = [agency.pk for agency, _catalogue in catalogues]
    counts = public_item_counts(agency_ids)
    set_last_modified(response, last_modified(None, agency_ids))
    return {
        "count": len(catalogues),
        "results": [agency_answer(request, agency, catalogue, counts[agency.pk]) for agency, catalogue in catalogues],
    }


@api.get(
    "/agencies/{row_id:agency_id}/",
    response={200: schemas.AgencyDetail, **ERRORS},
    url_name="agency",
    summary=gettext_lazy("One agency's catalogue: its category tree with counts, years and filters"),
    openapi_extra=openapi.conditional_get(),
)
@decorate_view(api_answer)
def agency_catalogue(request, agency_id: int, response: HttpResponse):
    found = public_catalogue_of(agency_id)
    if found is None:
        raise Http404(_("No public catalogue belongs to an agency with this number."))
    agency, catalogue = found
    set_last_modified(response, last_modified(None, [agency.pk]))
    return agency_detail(request, agency, catalogue, CatalogueListing(agency, QueryDict()))


@api_answer
def index(request):
    """The API's root (django-ninja's own raises a 404): where to start."""
    links = Links(request)
    return json_response(
        {
            "items": links.api("items"),
            "agencies": links.api("agencies"),
            "openapi": links.api("openapi-json"),
        }
    )
