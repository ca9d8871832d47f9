"""The catalogue's models: items and their index page, the taxonomies, the 索引号 registry."""

from .index_numbers import IndexNumberSequence, IssuedIndexNumber
from .items import CatalogueAttachment, CatalogueIndexPage, CatalogueItemPage, PolicyInterpretation
from .taxonomy import CatalogueCategory, Genre, Topic

__all__ = [
    "CatalogueAttachment",
    "CatalogueCategory",
    "CatalogueIndexPage",
    "CatalogueItemPage",
    "Genre",
    "IndexNumberSequence",
    "IssuedIndexNumber",
    "PolicyInterpretation",
    "Topic",
]
