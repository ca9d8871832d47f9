"""One warning for a calendar that stops too early: which years lack their holiday arrangement, and how
many open requests therefore have no reply deadline.

The clock refuses to guess a deadline across a year nobody has entered (``CalendarNotCovered``) and
stores the refusal on each request (``clock_problem``). Shown request by request, the same
problem would repeat on every page; the cure is one act by an administrator (enter the year in the
working-day calendar), so the dashboard and the queue say it once, with the count and the link.
"""

from dataclasses import dataclass

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ...calendar.models import CalendarYear
from ..choices import CLOSED_STATES


@dataclass(frozen=True)
class CalendarGap:
    years: list
    count: int

    @property
    def message(self):
        return ngettext(
            "The working-day calendar lacks the holiday arrangement of %(years)s: "
            "%(n)d request's reply deadline cannot be computed.",
            "The working-day calendar lacks the holiday arrangement of %(years)s: "
            "%(n)d requests' reply deadlines cannot be computed.",
            self.count,
        ) % {"years": "、".join(str(year) for year in self.years), "n": self.count}

    @property
    def calendar_url(self):
        return reverse("working_calendar:index")

    @property
    def years_url(self):
        return reverse("calendar_years:index")


def missing_years(first_year, last_year):
    """Years from ``first_year`` to ``last_year`` without an entered arrangement; at least the year after
    the last one entered (a deadline can reach past the requests' own years through pauses)."""
    covered = set(CalendarYear.objects.values_list("year", flat=True))
    years = [year for year in range(first_year, last_year + 1) if year not in covered]
    if not years:
        years = [max(covered, default=last_year) + 1]
    return years


def calendar_gap(requests, today=None):
    """The gap that leaves open requests among ``requests`` without a deadline, or None."""
    stuck = requests.exclude(state__in=CLOSED_STATES).exclude(clock_problem="")
    count = stuck.count()
    if not count:
        return None
    today = today or timezone.localdate()
    starts = stuck.aggregate(first=Min("clock_start"), last=Max("clock_start"))
    first_year = (starts["first"] or today).year
    last_year = max((starts["last"] or today).year, today.year) + 1
    return CalendarGap(missing_years(first_year, last_year), count)
