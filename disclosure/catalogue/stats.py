"""Per-agency catalogue statistics: public item counts by (category, year), cached between changes.

The catalogue page needs the counts of every category node, the years on offer and the
total for pagination on every request; at 100,000 items those aggregates dominate the
request. They change only when an item of the agency is published, unpublished, saved
live or deleted (signals bump the agency's version) — or when scheduled expiry hides an
item, which the beat job turns into an unpublish within a minute; the short TTL bounds
that window.
"""

import time
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import ExtractYear

from ..visibility import branches_generation

STATS_TTL_SECONDS = 60


@dataclass(frozen=True)
class CatalogueStats:
    by_category_year: dict  # (category_id, year) -> public items

    @property
    def total(self):
        return sum(self.by_category_year.values())

    def per_category(self):
        counts = Counter()
        for (category_id, _year), n in self.by_category_year.items():
            counts[category_id] += n
        return counts

    def years(self):
        return sorted({year for (_category, year) in self.by_category_year if year}, reverse=True)

    def count(self, category_ids=None, year=None):
        return sum(
            n
            for (category_id, item_year), n in self.by_category_year.items()
            if (category_ids is None or category_id in category_ids) and (year is None or item_year == year)
        )


def _version_key(agency_id):
    return f"gongkai:catalogue-stats-version:{agency_id}"


def invalidate(agency_id):
    if agency_id:
        cache.set(_version_key(agency_id), time.time_ns(), None)


def compute(public_items):
    rows = (
        public_items.order_by()
        .annotate(year=ExtractYear("published_at"))
        .values_list("category_id", "year")
        .annotate(n=Count("pk"))
    )
    return CatalogueStats({(category_id, year): n for category_id, year, n in rows})


def stats_for(agency_id, public_items):
    """``public_items`` returns the agency's publicly visible items; it is called only on a cache miss."""
    version = cache.get(_version_key(agency_id))
    if version is None:
        version = time.time_ns()
        cache.set(_version_key(agency_id), version, None)
    # A column or the agency itself withdrawn hides items without any item changing.
    key = f"gongkai:catalogue-stats:{agency_id}:{version}:{branches_generation()}"
    stats = cache.get(key)
    if stats is None:
        stats = compute(public_items())
        cache.set(key, stats, STATS_TTL_SECONDS)
    return stats
