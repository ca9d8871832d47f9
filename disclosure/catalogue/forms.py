from ..agencies.models import AgencyPage
from ..screening.page_form import ScreenedPageForm


class CatalogueItemForm(ScreenedPageForm):
    """Offers only the categories of the agency the item is filed under."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "category" not in self.fields:
            return
        anchor = self.parent_page if self.instance.pk is None else self.instance
        agency = AgencyPage.objects.ancestor_of(anchor, inclusive=True).last() if anchor is not None else None
        if agency is not None:
            self.fields["category"].queryset = agency.catalogue_categories.select_related("parent")
