"""The facets a citizen narrows results by: which exist, how they are counted and labelled."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from disclosure.api import Validity

from .documents.models import DocumentKind, PublicDocument
from .facet_counts import count_columns


def _from_choices(choices):
    labels = dict(choices)
    return lambda values: {value: str(labels.get(value, value)) for value in values}


def _from_related(field_name, label_field):
    """Labels from the rows a document's column points to (the content app's models, unnamed here)."""
    model = PublicDocument._meta.get_field(field_name).related_model
    return lambda values: dict(model.objects.filter(pk__in=values).values_list("pk", label_field))


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter and API key
    field: str  # PublicDocument filter field (attname)
    label: str
    labels: object  # callable: values -> {value: label}
    newest_first: bool = False


FACETS = (
    Facet("kind", "kind", _("Content type"), _from_choices(DocumentKind.choices)),
    Facet("agency", "agency_id", _("Agency"), _from_related("agency", "title")),
    Facet("category", "category_id", _("Category"), _from_related("category", "name")),
    Facet("year", "year", _("Year"), lambda values: {value: str(value) for value in values}, newest_first=True),
    Facet("genre", "genre_id", _("Genre (体裁)"), _from_related("genre", "name")),
    Facet("validity", "validity", _("Validity (有效性)"), _from_choices(Validity.choices)),
)


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool


FACET_FIELDS = [facet.field for facet in FACETS]


def queryset_counts(queryset):
    """Counts of every facet over a plain queryset (browsing without words)."""
    return count_columns(queryset, FACET_FIELDS)


def results_counts(results):
    """Counts of every facet over search results: in one pass where the backend can."""
    if hasattr(results, "facets"):
        return results.facets(FACET_FIELDS)
    return {field: results.facet(field) for field in FACET_FIELDS}  # Elasticsearch: aggregations


def count_facets(counts, selected):
    """{facet name: [FacetValue…]} from ``{field: {value: count}}`` (:func:`queryset_counts`, :func:`results_counts`)."""
    counted = {}
    for facet in FACETS:
        found = {value: n for value, n in counts[facet.field].items() if value not in (None, "")}
        labels = facet.labels(list(found))
        values = [
            FacetValue(value, labels.get(value, str(value)), n, str(value) == str(selected.get(facet.name) or ""))
            for value, n in found.items()
        ]
        if facet.newest_first:
            values.sort(key=lambda item: item.value, reverse=True)
        else:
            values.sort(key=lambda item: (-item.count, item.label))
        counted[facet.name] = values
    return counted
