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
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1)

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
    """Everything the catalogue page shows for one agency and one set of query parameters."""

    def __init__(self, agency, params, page_size=None):
        self.agency = agency
        self.form = CatalogueFilterForm(params)
        self.page_size = page_size or conf.get("CATALOGUE_PAGE_SIZE")
        self._categories = list(_model("CatalogueCategory").objects.filter(agency=agency))
        self._by_id = {category.pk: category for category in self._categories}
        self.filters = self._valid_filters()
        self._page_number = self.form.cleaned_data.get("page")

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
        return public_pages(_model("CatalogueItemPage").objects.filter(agency=self.agency))

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
        return self._by_id.get(self.filters.get("category"))

    @cached_property
    def stats(self):
        return stats_for(self.agency.pk, self.base_queryset)

    def _count_from_stats(self):
        """Category and year filters are answered from the cached counts; others need a query."""
        if set(self.filters) - {"category", "year"}:
            return None
        return self.stats.count(self._selected_category_ids, self.filters.get("year"))

    def page(self):
        rows = (
            self.filtered_queryset()
            .order_by("-published_at", "-pk")
            .only("title", "url_path", "index_number", "doc_number", "published_at", "validity", "path", "depth")
        )
        return KnownCountPaginator(rows, self.page_size, count=self._count_from_stats()).get_page(self._page_number)

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
