"""The catalogue item editor's form: the agency's own categories in tree order, 政策解读 links only on 解读."""

from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.functional import cached_property

from ..agencies.models import AgencyPage
from ..screening.page_form import ScreenedPageForm
from .interpretations import InterpretationMarkers
from .trees import tree_order

#: Two full-width spaces per level: visible in a native <select>, where CSS cannot indent options.
INDENT = "\u3000\u3000"


def indented_label(category, depth):
    return f"{INDENT * depth}{category.name}"


class CategoryTreeIterator(ModelChoiceIterator):
    """A category choice read as the tree: each parent, then its children by sort order and code."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for category, depth in tree_order(self.queryset):
            yield (
                ModelChoiceIteratorValue(self.field.prepare_value(category), category),
                indented_label(category, depth),
            )


class CatalogueItemForm(ScreenedPageForm):
    """Offers only the categories of the agency the item is filed under, as an indented tree.

    An item that is not a 解读 when saved keeps no 政策解读 links: its panel was hidden, and a
    notice or a rule left linked would be listed on the policy's page as its interpretation.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anchor = self.parent_page if self.instance.pk is None else self.instance
        self.agency = AgencyPage.objects.ancestor_of(anchor, inclusive=True).last() if anchor is not None else None
        if "category" in self.fields:
            field = self.fields["category"]
            field.iterator = CategoryTreeIterator
            # Re-assigning the queryset refreshes the widget's choices through the iterator.
            field.queryset = self.agency.catalogue_categories.all() if self.agency else field.queryset.none()

    @cached_property
    def interpretation_markers(self):
        genres = self.fields["genre"].queryset if "genre" in self.fields else ()
        categories = self.fields["category"].queryset if "category" in self.fields else ()
        return InterpretationMarkers.among(genres, categories)

    def is_interpretation(self):
        """Whether the item, as the form stands (the submitted choice, else the saved one), is a 解读."""
        if self.is_bound:
            genre, category = self.data.get(self.add_prefix("genre")), self.data.get(self.add_prefix("category"))
        else:
            genre, category = self.instance.genre_id, self.instance.category_id
        return self.interpretation_markers.mark(genre, category)

    def has_saved_interpretation_links(self):
        formset = self.formsets.get("interpreted_policies")
        return bool(formset is not None and formset.initial_forms)

    def save(self, commit=True):
        item = super().save(commit=False)
        if "interpreted_policies" in self.formsets and not self.is_interpretation():
            item.interpreted_policies = []
        if commit:
            item.save()
            self.save_m2m()
        return item
