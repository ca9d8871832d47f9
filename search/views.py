from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from disclosure.visibility import public_pages

from . import conf


def search_public_pages(query, limit=None):
    """Rank live pages with the search backend, then keep only what the visibility rule allows.

    The rule has conditions the search index cannot filter on (expiry by time, 不予公开),
    so it is applied to the ranked ids rather than inside the backend query.
    """
    ranked = [page.pk for page in Page.objects.live().search(query)[: limit or conf.get("MAX_RESULTS")]]
    visible = public_pages(Page.objects.filter(pk__in=ranked)).specific().in_bulk()
    return [visible[pk] for pk in ranked if pk in visible]


def search_view(request):
    query = (request.GET.get("q") or "").strip()[: conf.get("MAX_QUERY_LENGTH")]
    page_obj = None
    if query:
        page_obj = Paginator(search_public_pages(query), conf.get("PAGE_SIZE")).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
