from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from disclosure.visibility import public_pages

MAX_QUERY_LENGTH = 100
PAGE_SIZE = 10


def search_view(request):
    """Full-text search over public pages only; the visibility rule filters before the search runs."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        results = public_pages(Page.objects.all()).specific().search(query)
        page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
