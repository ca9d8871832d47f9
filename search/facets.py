"""The facets a citizen narrows results by: which exist, how they are counted and labelled.

Every agency has its own category tree, mostly grown from the same Art 20 preset, so
results from several agencies hold many categories of one name. Those are one entry — one
name, the sum of their counts — whose value is all of their ids: the citizen asked for a
kind of information (其他文件), and the agency facet is there to narrow by agency.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from disclosure.api import Validity

from .analysis.segment import query_words
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
    merges: bool = False  # values of one label are one entry, its value a tuple of them (the filter takes several)


FACETS = (
    Facet("kind", "kind", _("Content type"), _from_choices(DocumentKind.choices)),
    Facet("agency", "agency_id", _("Agency"), _from_related("agency", "title")),
    Facet("category", "category_id", _("Category"), _from_related("category", "name"), merges=True),
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


def selected_values(value):
    """A filter's value as a set of strings: one value, or several (a merged entry)."""
    if value in (None, ""):
        return set()
    if isinstance(value, (list, tuple, set, frozenset)):
        return {str(item) for item in value}
    return {str(value)}


def _merged(values):
    """One entry per label: the values sorted into a tuple, the counts summed."""
    by_label = {}
    for value in values:
        by_label.setdefault(value.label, []).append(value)
    return [
        FacetValue(tuple(sorted(item.value for item in same)), label, sum(item.count for item in same), False)
        for label, same in by_label.items()
    ]


def count_facets(counts, selected):
    """{facet name: [FacetValue…]} from ``{field: {value: count}}`` (:func:`queryset_counts`, :func:`results_counts`)."""
    counted = {}
    for facet in FACETS:
        found = {value: n for value, n in counts[facet.field].items() if value not in (None, "")}
        labels = facet.labels(list(found))
        values = [FacetValue(value, labels.get(value, str(value)), n, False) for value, n in found.items()]
        if facet.merges:
            values = _merged(values)
        chosen = selected_values(selected.get(facet.name))
        for item in values:
            item.selected = bool(chosen) and selected_values(item.value) <= chosen
        if facet.newest_first:
            values.sort(key=lambda item: item.value, reverse=True)
        else:
            values.sort(key=lambda item: (-item.count, item.label))
        counted[facet.name] = values
    return counted


def _contains_run(words, run):
    return any(words[start : start + len(run)] == run for start in range(len(words) - len(run) + 1))


def named_in_query(values, query):
    """The entries (not chosen yet) whose label the query names: the label's words, in a row,
    among the query's words — 行政处罚 in "行政处罚 决定书", but not 教育 in 教育局."""
    words = query_words(query)
    named = []
    for value in values:
        label_words = query_words(value.label)
        if label_words and not value.selected and _contains_run(words, label_words):
            named.append(value)
    return named
