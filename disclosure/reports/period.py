"""The reporting period: 1 January to 31 December in the site's time zone (Art 50).

The desk's statutory dates (收到日期, 答复日期, 成文日期) are already calendar dates in that time
zone, so a year is a closed date range; only timestamps (the catalogue's 发布日期) need the
zone, and use the site's default zone, never the zone a request happens to be served in.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    year: int

    @property
    def start(self):
        return datetime.date(self.year, 1, 1)

    @property
    def end(self):
        return datetime.date(self.year, 12, 31)

    @property
    def starts_at(self):
        return datetime.datetime(self.year, 1, 1, tzinfo=timezone.get_default_timezone())

    @property
    def ends_before(self):
        """The first instant after the period (timestamps are compared with ``<``)."""
        return datetime.datetime(self.year + 1, 1, 1, tzinfo=timezone.get_default_timezone())
