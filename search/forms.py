"""The search parameters, validated the same way for the page and the JSON API."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure.api import Validity

from . import conf
from .documents.models import DocumentKind
from .queries.parse import clean

MAX_ID = 2**31 - 1


class IdsField(forms.Field):
    """One id or several: repeated (``category=5&category=9``) or comma-separated (``category=5,9``).

    A facet entry can stand for several rows (the categories of one name, see ``facets``);
    its link carries all of their ids. Cleaned to a sorted tuple, () when empty.
    """

    widget = forms.MultipleHiddenInput
    MAX_COUNT = 500

    def to_python(self, value):
        if value in self.empty_values:
            return ()
        parts = [
            part.strip() for item in ([value] if isinstance(value, str) else value) for part in str(item).split(",")
        ]
        whole = forms.IntegerField(min_value=1, max_value=MAX_ID)
        ids = {whole.clean(part) for part in parts if part}
        if len(ids) > self.MAX_COUNT:
            raise forms.ValidationError(
                _("At most %(max)d values can be given at once."), params={"max": self.MAX_COUNT}
            )
        return tuple(sorted(ids))


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    CHOICES = [(RELEVANCE, _("Most relevant")), (NEWEST, _("Newest first"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    kind = forms.ChoiceField(label=_("Content type"), required=False, choices=[("", "")] + DocumentKind.choices)
    agency = forms.IntegerField(label=_("Agency"), required=False, min_value=1, max_value=MAX_ID)
    category = IdsField(label=_("Category"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1949, max_value=2100)
    genre = forms.IntegerField(label=_("Genre (体裁)"), required=False, min_value=1, max_value=MAX_ID)
    validity = forms.ChoiceField(label=_("Validity (有效性)"), required=False, choices=[("", "")] + Validity.choices)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=Sort.CHOICES)
    page = forms.IntegerField(label=pgettext_lazy("page number", "Page"), required=False, min_value=1)
    # Search the words as typed: the link under a correction (已显示“招生”的结果，仍然搜索：招升).
    verbatim = forms.BooleanField(label=_("Search exactly as typed"), required=False)

    FILTERS = ("kind", "agency", "category", "year", "genre", "validity")

    def clean_q(self):
        # Over-long or odd input is cut and cleaned, never refused: a citizen pasting a whole
        # paragraph still gets results.
        return clean(self.cleaned_data.get("q"), conf.get("MAX_QUERY_LENGTH"))

    def clean_sort(self):
        return self.cleaned_data.get("sort") or Sort.RELEVANCE

    def clean_page(self):
        page = self.cleaned_data.get("page") or 1
        if page > conf.get("MAX_PAGE"):
            raise forms.ValidationError(
                _("Only the first %(max)d pages of results can be shown; narrow the search instead."),
                params={"max": conf.get("MAX_PAGE")},
            )
        return page

    def selected_filters(self):
        return {
            name: self.cleaned_data[name] for name in self.FILTERS if self.cleaned_data.get(name) not in (None, "", ())
        }

    def error_messages(self):
        return {name: [str(message) for message in messages] for name, messages in self.errors.items()}
