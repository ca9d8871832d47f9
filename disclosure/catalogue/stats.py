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


def versions(agency_ids):
    """Agency id → when its public items last changed, in ``time.time_ns()`` (now, if the cache
    forgot): one cache round trip for any number of agencies (two when some were forgotten).

    Also what HTTP answers about the catalogue give as their ``Last-Modified``."""
    keys = {agency_id: _version_key(agency_id) for agency_id in agency_ids}
    found = cache.get_many(list(keys.values()))
    now = time.time_ns()
    missing = {key: now for key in keys.values() if key not in found}
    if missing:
        cache.set_many(missing, None)
    return {agency_id: found.get(key, now) for agency_id, key in keys.items()}


def version(agency_id):
    return versions([agency_id])[agency_id]


def _stats_key(agency_id, version_now, generation):
    # A column or the agency itself withdrawn hides items without any item changing.
    return f"gongkai:catalogue-stats:{agency_id}:{version_now}:{generation}"


def stats_for(agency_id, public_items):
    """``public_items`` returns the agency's publicly visible items; it is called only on a cache miss."""
    key = _stats_key(agency_id, version(agency_id), branches_generation())
    stats = cache.get(key)
    if stats is None:
        stats = compute(public_items())
        cache.set(key, stats, STATS_TTL_SECONDS)
    return stats


def stats_for_agencies(agency_ids, public_items):
    """Agency id → its statistics, in as many queries for six agencies as for two: the cached ones
    in one round trip, the others counted by one query grouped by agency.

    ``public_items`` returns the publicly visible items of the agencies it is given."""
    generation = branches_generation()
    keys = {agency_id: _stats_key(agency_id, v, generation) for agency_id, v in versions(agency_ids).items()}
    cached = cache.get_many(list(keys.values()))
    found = {agency_id: cached[key] for agency_id, key in keys.items() if key in cached}
    missing = [agency_id for agency_id in keys if agency_id not in found]
    if missing:
        rows = (
            public_items(missing)
            .order_by()
            .annotate(year=ExtractYear("published_at"))
            .values_list("agency_id", "category_id", "year")
            .annotate(n=Count("pk"))
        )
        counted = {agency_id: {} for agency_id in missing}
        for agency_id, category_id, year, n in rows:
            counted[agency_id][(category_id, year)] = n
        fresh = {agency_id: CatalogueStats(by_category_year) for agency_id, by_category_year in counted.items()}
        cache.set_many({keys[agency_id]: stats for agency_id, stats in fresh.items()}, STATS_TTL_SECONDS)
        found.update(fresh)
    return found
