"""Turning a search outcome into links (facets, sort, pages) and JSON, for the page and the API."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .facets import FACETS
from .forms import Sort


def parameter(value):
    """A filter value as a URL parameter: several ids (a merged facet entry) comma-separated."""
    if isinstance(value, (list, tuple)):
        return ",".join(str(item) for item in value)
    return value


class Links:
    """URLs that change one thing of the current search and keep every other filter."""

    def __init__(self, outcome):
        self.params = {"q": outcome.query, **outcome.filters}
        if outcome.sort != Sort.RELEVANCE:
            self.params["sort"] = outcome.sort
        if outcome.verbatim:
            self.params["verbatim"] = 1

    def url(self, **changes):
        params = {key: parameter(value) for key, value in {**self.params, **changes}.items()}
        params = {key: value for key, value in params.items() if value not in (None, "")}
        return reverse("search:search") + ("?" + urlencode(params) if params else "")

    def page(self, number):
        return self.url(page=number if number > 1 else None)


def hidden_filters(outcome):
    """(name, value) of the current filters, for the search box to keep them."""
    return [(name, parameter(value)) for name, value in outcome.filters.items()]


def named_category_links(outcome, links):
    """A link to only this category's results, for each category the query names (``facets.named_in_query``)."""
    return [
        {
            "label": _("Only the catalogue category “%(category)s”") % {"category": value.label},
            "count": value.count,
            "url": links.url(category=value.value),
        }
        for value in outcome.named_categories
    ]


def facet_groups(outcome, links):
    groups = []
    for facet in FACETS:
        values = outcome.facets.get(facet.name) or []
        if not values:
            continue
        groups.append(
            {
                "name": facet.name,
                "label": str(facet.label),
                "clear_url": links.url(**{facet.name: None}) if facet.name in outcome.filters else None,
                "values": [
                    {
                        "value": value.value,
                        "label": value.label,
                        "count": value.count,
                        "selected": value.selected,
                        "url": links.url(**{facet.name: None if value.selected else value.value}),
                    }
                    for value in values
                ],
            }
        )
    return groups


def sort_options(outcome, links):
    return [
        {"value": value, "label": str(label), "selected": value == outcome.sort, "url": links.url(sort=value)}
        for value, label in Sort.CHOICES
    ]


def hit_json(hit):
    document = hit.document
    return {
        "title": document.title,
        "url": document.url,
        "kind": document.kind,
        "kind_label": str(hit.kind_label),
        "agency": document.agency_name,
        "published_at": document.published_at.isoformat(),
        "doc_number": document.doc_number,
        "index_number": document.index_number,
        "exact_match": hit.exact,
        "highlight": {"title": str(hit.title_html), "snippet": str(hit.snippet_html)},
    }


def correction_links(outcome, links):
    """What the page says when it searched a corrected query: the correction and a link to what was typed."""
    if outcome.correction is None:
        return None
    return {
        "query": outcome.correction.text,
        "original": outcome.correction.original,
        "original_url": links.url(verbatim=1, page=None),
    }


def missing_number_json(missing):
    """``None``, or what the page says when the query is a 文号/索引号 nobody published."""
    if missing is None:
        return None
    return {
        "kind": missing.kind,
        "number": missing.number,
        "message": missing.message,
        "closest": [
            {
                "title": document.title,
                "url": document.url,
                "doc_number": document.doc_number,
                "index_number": document.index_number,
            }
            for document in missing.closest
        ],
    }


def outcome_json(outcome):
    links = Links(outcome)
    return {
        "query": outcome.query,
        "filters": outcome.filters,
        "sort": outcome.sort,
        "page": outcome.page,
        "pages": outcome.num_pages,
        "page_size": outcome.page_size,
        "total": outcome.total,
        "relaxed": outcome.relaxed,
        "correction": correction_links(outcome, links),
        "exact_match": outcome.exact_match,
        "results": [hit_json(hit) for hit in outcome.hits],
        "facets": {
            group["name"]: [
                {key: value[key] for key in ("value", "label", "count", "selected")} for value in group["values"]
            ]
            for group in facet_groups(outcome, links)
        },
        "suggested_filters": [
            {"facet": "category", "value": value.value, "label": value.label, "count": value.count}
            for value in outcome.named_categories
        ],
        "missing_number": missing_number_json(outcome.missing_number),
        "near_queries": outcome.near_queries,
        "how_to_apply": [
            {"title": _("%(agency)s: disclosure guide") % {"agency": guide.agency_name}, "url": guide.url}
            for guide in outcome.guides
        ],
        "apply_online": [{"title": link["label"], "url": link["url"]} for link in outcome.apply_links],
    }
