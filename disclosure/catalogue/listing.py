"""The public catalogue listing: validated filters, category tree with counts, one page of rows.

Kept out of the page model so it can be tested and benchmarked without HTTP.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import conf
from ..visibility import public_pages
from .choices import DisclosureMode, Validity
from .stats import stats_for
from .trees import subtree_ids


class KnownCountPaginator(Paginator):
    """A paginator that skips the COUNT query when the total is already known."""

    def __init__(self, *args, count=None, **kwargs):
        super().__init__(*args, **kwargs)
        if count is not None:
            self.__dict__["count"] = count


def _model(name):
    # The catalogue page (a model) builds this listing: the models are named, not imported.
    return apps.get_model("disclosure", name)


class CatalogueFilterForm(forms.Form):
    category = forms.IntegerField(label=_("Category"), required=False, min_value=1)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1949, max_value=2100)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=None, required=False)
    genre = forms.ModelChoiceField(label=_("Genre"), queryset=None, required=False)
    validity = forms.ChoiceField(label=_("Validity"), choices=[("", "")] + list(Validity.choices), required=False)
    mode = forms.ChoiceField(
        label=_("Disclosure mode"),
        choices=[
            ("", ""),
            (DisclosureMode.PROACTIVE, DisclosureMode.PROACTIVE.label),
            (DisclosureMode.ON_REQUEST, DisclosureMode.ON_REQUEST.label),
        ],
        required=False,
    )
    page = forms.IntegerField(label=pgettext_lazy("page number", "Page"), required=False, min_value=1)

    FILTERS = ("category", "year", "topic", "genre", "validity", "mode")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = _model("Topic").objects.all()
        self.fields["genre"].queryset = _model("Genre").objects.all()


@dataclass
class CategoryNode:
    category: object  # CatalogueCategory
    count: int = 0
    url: str = ""
    children: list = field(default_factory=list)

    @property
    def pk(self):
        return self.category.pk


class CatalogueListing:
    """Everything the catalogue page shows for one agency and one set of query parameters.

    ``agency`` None lists every agency's items with the same filters (the JSON API's
    site-wide listing); it has no category tree, and its totals are counted by a query.
    """

    def __init__(self, agency, params, page_size=None):
        self.agency = agency
        self.form = CatalogueFilterForm(params)
        self.page_size = page_size or conf.get("CATALOGUE_PAGE_SIZE")
        self.filters = self._valid_filters()
        self._page_number = self.form.cleaned_data.get("page")

    @cached_property
    def _categories(self):
        """The agency's category tree, read when a category is asked for or the tree is shown.

        Without an agency, the tree of the agency owning the chosen category (a filter's subtree)."""
        categories = _model("CatalogueCategory").objects.all()
        if self.agency is not None:
            return list(categories.filter(agency=self.agency))
        chosen = self.form.cleaned_data.get("category")
        return list(categories.filter(agency__in=categories.filter(pk=chosen).values("agency_id")))

    @cached_property
    def _by_id(self):
        return {category.pk: category for category in self._categories}

    def _valid_filters(self):
        # The page refuses a listing with bad values (a 400 naming them, see ``errors``);
        # here only the good ones are kept.
        self.form.is_valid()
        category = self.form.cleaned_data.get("category")
        if category is not None and category not in self._by_id:
            self.form.add_error("category", _("This catalogue has no such category."))
        cleaned = self.form.cleaned_data
        return {name: cleaned[name] for name in self.form.FILTERS if cleaned.get(name) not in (None, "")}

    @property
    def errors(self):
        """Parameter name → messages, for each value this listing cannot answer."""
        return self.form.errors

    def base_queryset(self):
        # Built on demand: Wagtail's .public() queries view restrictions as soon as it is called.
        items = _model("CatalogueItemPage").objects.all()
        return public_pages(items.filter(agency=self.agency) if self.agency else items)

    @cached_property
    def _selected_category_ids(self):
        """The chosen category and everything below it (a category filter includes subcategories)."""
        root_id = self.filters.get("category")
        if root_id is None:
            return None
        return subtree_ids(root_id, ((category.pk, category.parent_id) for category in self._categories))

    def filtered_queryset(self):
        qs = self.base_queryset()
        f = self.filters
        if "category" in f:
            qs = qs.filter(category_id__in=self._selected_category_ids)
        if "year" in f:
            tz = timezone.get_current_timezone()
            start = datetime.datetime(f["year"], 1, 1, tzinfo=tz)
            qs = qs.filter(published_at__gte=start, published_at__lt=start.replace(year=f["year"] + 1))
        if "topic" in f:
            qs = qs.filter(topic=f["topic"])
        if "genre" in f:
            qs = qs.filter(genre=f["genre"])
        if "validity" in f:
            qs = qs.filter(validity=f["validity"])
        if "mode" in f:
            qs = qs.filter(disclosure_mode=f["mode"])
        return qs

    @property
    def selected_category(self):
        category = self.filters.get("category")
        return self._by_id.get(category) if category is not None else None

    @cached_property
    def stats(self):
        return stats_for(self.agency.pk, self.base_queryset)

    def _count_from_stats(self):
        """Category and year filters are answered from the cached counts; others need a query."""
        if self.agency is None or set(self.filters) - {"category", "year"}:
            return None
        return self.stats.count(self._selected_category_ids, self.filters.get("year"))

    def ordered_queryset(self):
        """The filtered items in the listing's order, newest first."""
        return self.filtered_queryset().order_by("-published_at", "-pk")

    def paginator(self, rows):
        """Pages of ``rows`` (the ordered items, with the columns a caller needs), counted from the cache where possible."""
        return KnownCountPaginator(rows, self.page_size, count=self._count_from_stats())

    @property
    def page_number(self):
        return self._page_number or 1

    def page(self):
        rows = self.ordered_queryset().only(
            "title", "url_path", "index_number", "doc_number", "published_at", "validity", "path", "depth"
        )
        return self.paginator(rows).get_page(self._page_number)

    def category_tree(self):
        """Roots with their children, each node counting its own and its descendants' public items."""
        counts = self.stats.per_category()
        nodes = {
            category.pk: CategoryNode(category, counts.get(category.pk, 0), self.query_string(category=category.pk))
            for category in self._categories
        }
        roots = []
        for category in self._categories:
            node = nodes[category.pk]
            parent = nodes.get(category.parent_id)
            (parent.children if parent else roots).append(node)

        def total(node):
            node.count += sum(total(child) for child in node.children)
            return node.count

        for root in roots:
            total(root)
        return roots

    def years(self):
        return self.stats.years()

    @property
    def select_filters(self):
        """The drop-down filters as plain data (Django's widget rendering is slow for a hot page)."""
        out = []
        for name in ("topic", "genre", "validity", "mode"):
            field = self.form.fields[name]
            if hasattr(field, "queryset"):
                choices = [(str(obj.pk), str(obj)) for obj in field.queryset]
            else:
                choices = [(str(value), str(label)) for value, label in field.choices if value]
            selected = self.filters.get(name)
            out.append(
                {
                    "name": name,
                    "label": field.label,
                    "choices": choices,
                    "selected": str(getattr(selected, "pk", selected or "")),
                }
            )
        return out

    @property
    def all_categories_url(self):
        return self.query_string(category=None)

    def query_string(self, **changes):
        """The current filters as a URL query, with some changed (None removes one); drops the page number."""

        params = {name: getattr(value, "pk", value) for name, value in self.filters.items()}
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return "?" + urlencode(params) if params else "?"
