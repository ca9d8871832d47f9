"""Which catalogue items are 政策解读: only they link the policies they interpret.

An item is an interpretation when its 体裁 says so (the national vocabulary's 解读, or an agency's
own 政策解读) or when it is filed in a category for interpretations (the preset's 1501 政策解读)
or below one. Genres and categories are data each site and agency names itself, so the rule reads
their names — the one place that knows the mark is here.
"""

from dataclasses import dataclass

from .trees import subtree_ids

MARK = "解读"


@dataclass(frozen=True)
class InterpretationMarkers:
    """The ids, as strings (what a form posts), of the genres and categories that make a 解读."""

    genres: frozenset
    categories: frozenset

    @classmethod
    def among(cls, genres, categories):
        categories = list(categories)
        pairs = [(category.pk, category.parent_id) for category in categories]
        marked = set()
        for category in categories:
            if MARK in category.name:
                marked |= subtree_ids(category.pk, pairs)
        return cls(
            genres=frozenset(str(genre.pk) for genre in genres if MARK in genre.name),
            categories=frozenset(str(pk) for pk in marked),
        )

    def mark(self, genre_id, category_id):
        return str(genre_id) in self.genres or str(category_id) in self.categories
