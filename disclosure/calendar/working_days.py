"""The one place that counts 工作日: Mon–Fri, minus public holidays, plus 调休 weekend days.

Statutory periods start the day after the triggering event (期间开始之日不计算在内).
Every result carries the days it skipped or counted against the weekday rule, so a
deadline can be explained to the person who has to meet it.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import dateformat
from django.utils.translation import gettext as _

from .models import CalendarDay, CalendarYear

# A 20-working-day period never spans more than ~45 calendar days; read generously in one query.
_WINDOW_PER_DAY = 3
_WINDOW_SLACK = 30


class CalendarNotCovered(Exception):
    """The period runs into a year whose official holiday arrangement nobody has entered yet."""

    def __init__(self, years):
        self.years = sorted(years)
        super().__init__(
            _(
                "The working-day calendar has no official holiday arrangement for %(years)s. "
                "An administrator must enter that year's holidays and adjusted working days "
                "(工作日历) before this deadline can be computed."
            )
            % {"years": "、".join(str(y) for y in self.years)}
        )


@dataclass
class WorkingDayResult:
    start: datetime.date
    end: datetime.date
    working_days: int
    skipped: list = field(default_factory=list)  # (date, reason) for weekday holidays and weekend days
    counted_weekends: list = field(default_factory=list)  # (date, name) for 调休 working weekend days

    def explain(self):
        """A sentence a clerk can read out: which days were skipped and which weekend days counted."""
        parts = [
            _("%(n)d working days after %(start)s end on %(end)s")
            % {"n": self.working_days, "start": f"{self.start:%Y-%m-%d}", "end": f"{self.end:%Y-%m-%d}"}
        ]
        holidays = [(d, r) for d, r in self.skipped if r != "weekend"]
        if holidays:
            parts.append(_("skips holidays %(ranges)s") % {"ranges": _format_ranges(holidays)})
        weekends = [d for d, r in self.skipped if r == "weekend"]
        if weekends:
            parts.append(_("skips %(n)d weekend days") % {"n": len(weekends)})
        if self.counted_weekends:
            days = "、".join(
                f"{d:%m-%d}（{dateformat.format(d, 'D')}，{name or _('adjusted working day')}）"
                for d, name in self.counted_weekends
            )
            parts.append(_("counts adjusted working days %(days)s") % {"days": days})
        return "；".join(parts) + "。"


def _format_ranges(days_with_names):
    ranges = []
    for day, name in days_with_names:
        if ranges and (day - ranges[-1][1]).days == 1 and ranges[-1][2] == name:
            ranges[-1][1] = day
        else:
            ranges.append([day, day, name])
    out = []
    for first, last, name in ranges:
        span = f"{first:%m-%d}" if first == last else f"{first:%m-%d}..{last:%m-%d}"
        out.append(f"{span}（{name}）" if name else span)
    return "、".join(out)


class WorkingDayCalendar:
    """Loads the exception days for a window once, then answers day-by-day questions from memory."""

    def __init__(self, first, last):
        years = set(range(first.year, last.year + 1))
        covered = set(CalendarYear.objects.filter(year__in=years).values_list("year", flat=True))
        self.missing_years = years - covered
        self.exceptions = {day.date: day for day in CalendarDay.objects.filter(date__gte=first, date__lte=last)}

    def classify(self, day):
        """Return (is_working_day, reason, name) for one date."""
        if day.year in self.missing_years:
            raise CalendarNotCovered({day.year})
        exception = self.exceptions.get(day)
        if exception is not None:
            if exception.kind == CalendarDay.Kind.WORKDAY:
                return True, "adjusted", exception.name
            return False, exception.name or "holiday", exception.name
        if day.weekday() >= 5:
            return False, "weekend", ""
        return True, "", ""


def is_working_day(day):
    """Whether ``day`` is a working day; a day in a year nobody has entered counts as one, so a
    daily reminder is sent rather than silently skipped while the calendar waits for its year."""
    try:
        return WorkingDayCalendar(day, day).classify(day)[0]
    except CalendarNotCovered:
        return True


def _window_end(start, n):
    return start + datetime.timedelta(days=n * _WINDOW_PER_DAY + _WINDOW_SLACK)


def add_working_days(start, n):
    """The date on which the n-th working day after ``start`` falls."""
    if n < 0:
        raise ValueError("n must not be negative")
    window_end = _window_end(start, n)
    calendar = WorkingDayCalendar(start, window_end)
    result = WorkingDayResult(start=start, end=start, working_days=n)
    day, counted = start, 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if day > window_end:
            window_end = _window_end(day, n - counted)
            calendar = WorkingDayCalendar(day, window_end)
        working, reason, name = calendar.classify(day)
        if working:
            counted += 1
            if reason == "adjusted":
                result.counted_weekends.append((day, name))
        else:
            result.skipped.append((day, reason))
    result.end = day
    return result


def working_days_between(first, last):
    """Working days after ``first`` up to and including ``last`` (0 when last <= first)."""
    result = WorkingDayResult(start=first, end=last, working_days=0)
    if last <= first:
        return result
    calendar = WorkingDayCalendar(first, last)
    day = first
    while day < last:
        day += datetime.timedelta(days=1)
        working, reason, name = calendar.classify(day)
        if working:
            result.working_days += 1
            if reason == "adjusted":
                result.counted_weekends.append((day, name))
        else:
            result.skipped.append((day, reason))
    return result


def latest_start_for_deadline(deadline, n):
    """The last start date whose n-working-day period ends on or before ``deadline``.

    Periods only get later as the start moves later, so "deadline(start) <= day" is the
    same as "start <= latest_start_for_deadline(day, n)": a list can filter on dates in SQL.
    """
    if n <= 0:
        return deadline
    window_start = deadline - datetime.timedelta(days=n * _WINDOW_PER_DAY + _WINDOW_SLACK)
    calendar = WorkingDayCalendar(window_start, deadline)
    day, counted = deadline, 0
    while True:
        if day < window_start:
            window_start = day - datetime.timedelta(days=(n - counted) * _WINDOW_PER_DAY + _WINDOW_SLACK)
            calendar = WorkingDayCalendar(window_start, day)
        if calendar.classify(day)[0]:
            counted += 1
            if counted == n:
                return day - datetime.timedelta(days=1)
        day -= datetime.timedelta(days=1)
