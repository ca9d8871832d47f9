"""The public search page, its JSON API and as-you-type suggestions: thin wrappers over ``service``."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_ratelimit.core import is_ratelimited

from . import conf
from .forms import SearchForm
from .presenting import (
    Links,
    correction_links,
    facet_groups,
    hidden_filters,
    named_category_links,
    outcome_json,
    sort_options,
)
from .queries.clients import client_key
from .queries.hot import hot_queries
from .queries.parse import clean
from .service import run_search
from .suggest import suggestions


def _limited(request):
    return is_ratelimited(request, group="gongkai-search", key="ip", rate=conf.get("RATE_LIMIT"), increment=True)


def _too_many_message():
    return _("Too many searches from your address. Please wait a minute and try again.")


def _form(request):
    # NUL and other control characters are cleaned out of the query rather than refused.
    data = request.GET.copy()
    if "q" in data:
        data["q"] = data["q"].replace("\x00", " ")
    return SearchForm(data)


def _parameter_errors(form):
    """One message per parameter the search cannot answer, naming it (the same words as bad_request.html)."""
    return [
        _("The value of “%(name)s” is not valid: %(reason)s") % {"name": name, "reason": " ".join(messages)}
        for name, messages in form.error_messages().items()
    ]


def _run(form, request):
    data = form.cleaned_data
    return run_search(
        data["q"],
        form.selected_filters(),
        data["sort"],
        data["page"],
        client=client_key(request),
        verbatim=data["verbatim"],
    )


@require_safe
def search_view(request):
    form = _form(request)
    context = {
        "form": form,
        "hot_queries": hot_queries(),
        "query": clean(form.data.get("q", ""), conf.get("MAX_QUERY_LENGTH")),
    }
    if _limited(request):
        context["error"] = _too_many_message()
        return render(request, "search/search.html", context, status=429)
    if not form.is_valid():
        context["errors"] = _parameter_errors(form)
        return render(request, "search/search.html", context, status=400)
    outcome = _run(form, request)
    links = Links(outcome)
    context.update(
        query=outcome.query,
        outcome=outcome,
        facet_groups=facet_groups(outcome, links),
        hidden_filters=hidden_filters(outcome),
        named_category_links=named_category_links(outcome, links),
        correction=correction_links(outcome, links),
        sort_options=sort_options(outcome, links),
        previous_url=links.page(outcome.page - 1) if outcome.page > 1 else None,
        next_url=links.page(outcome.page + 1) if outcome.page < outcome.num_pages else None,
        near_links=[(near, links.url(q=near)) for near in outcome.near_queries],
        result_start=(outcome.page - 1) * outcome.page_size + 1,
    )
    return render(request, "search/search.html", context)


@require_safe
def search_api(request):
    if _limited(request):
        return JsonResponse({"error": _too_many_message()}, status=429)
    form = _form(request)
    unknown = sorted(set(request.GET) - set(form.fields))
    if unknown:
        message = _("Unknown parameter: %(names)s") % {"names": ", ".join(unknown)}
        return JsonResponse({"error": message, "fields": {name: [message] for name in unknown}}, status=400)
    if not form.is_valid():
        return JsonResponse(
            {"error": " ".join(_parameter_errors(form)), "fields": form.error_messages()},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    return JsonResponse(outcome_json(_run(form, request)), json_dumps_params={"ensure_ascii": False})


@require_safe
def suggest_api(request):
    if _limited(request):
        return JsonResponse({"error": _too_many_message()}, status=429)
    return JsonResponse(
        {"suggestions": suggestions(request.GET.get("q", ""))}, json_dumps_params={"ensure_ascii": False}
    )
