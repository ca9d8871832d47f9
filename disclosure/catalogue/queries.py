"""Catalogue questions other apps ask (through ``disclosure.api``), answered without their knowing the models."""

from ..visibility import public_pages
from .models import CatalogueCategory, CatalogueItemPage
from .trees import subtree_ids


def category_subtree_ids(*category_ids):
    """The categories and every category below them: filtering by a category includes its subcategories.

    Several categories (one name in several agencies' trees) are read in one query."""
    agencies = CatalogueCategory.objects.filter(pk__in=category_ids).values("agency")
    pairs = list(CatalogueCategory.objects.filter(agency__in=agencies).values_list("pk", "parent_id"))
    return set().union(*(subtree_ids(category_id, pairs) for category_id in category_ids))


def public_catalogue_items(ids):
    """The catalogue items among ``ids`` that the public may see."""
    return public_pages(CatalogueItemPage.objects.filter(pk__in=ids))
