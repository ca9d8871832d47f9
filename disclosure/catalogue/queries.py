"""Catalogue questions other apps ask (through ``disclosure.api``), answered without their knowing the models."""

from ..visibility import public_pages
from .models import CatalogueCategory, CatalogueItemPage
from .trees import subtree_ids


def category_subtree_ids(category_id):
    """The category and every category below it: filtering by a category includes its subcategories."""
    tree = CatalogueCategory.objects.filter(agency__catalogue_categories=category_id)
    return subtree_ids(category_id, tree.values_list("pk", "parent_id"))


def public_catalogue_items(ids):
    """The catalogue items among ``ids`` that the public may see."""
    return public_pages(CatalogueItemPage.objects.filter(pk__in=ids))
