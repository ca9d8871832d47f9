"""Seeding a new agency's category tree from the Art 20 preset."""

from django.db import transaction

from .models import CatalogueCategory
from .presets import ART20_PRESET


@transaction.atomic
def seed_category_tree(agency, preset=ART20_PRESET):
    if agency.catalogue_categories.exists():
        return
    for position, (code, name, art20, children) in enumerate(preset):
        parent = CatalogueCategory.objects.create(
            agency=agency, code=code, name=name, art20_item=art20, sort_order=position * 10
        )
        CatalogueCategory.objects.bulk_create(
            CatalogueCategory(
                agency=agency, parent=parent, code=child_code, name=child_name, art20_item=art20, sort_order=index
            )
            for index, (child_code, child_name) in enumerate(children)
        )
