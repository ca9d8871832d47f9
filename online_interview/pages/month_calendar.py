"""The interview column's month calendar: which sessions fall on which day of a month.

Its links must not lead a crawler into an endless run of empty months (a link to "next month"
on every month is a trap). The calendar's *span* is the months that have public sessions and
the months next to them. Previous and next go to the adjacent month when it is in the span,
otherwise they jump to the nearest month with sessions, or are left out. A crawler following
them, from whatever month it starts, therefore visits finitely many months, none more than one
month from a session. Any month may still be asked for (an old link, a typed address): an
empty one is shown, with the way back to the sessions, but kept out of search engines' indexes.
"""

import calendar
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .column_filters import FIRST_YEAR, LAST_YEAR


def _shift(month, months):
    """The first day of the month ``months`` after (or before) the month starting ``month``."""
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _accepted(month):
    """A month the column's filter takes: a link to any other would be refused."""
    return FIRST_YEAR <= month.year <= LAST_YEAR


class CalendarSpan:
    """The months of a column's calendar that may be shown and linked."""

    def __init__(self, sessions):
        """``sessions``: the column's public sessions; their months are read in the site's time zone."""
        months = {moment.date() for moment in sessions.datetimes("start_at", "month")}
        self.busy = sorted(month for month in months if _accepted(month))
        near = {_shift(month, step) for month in self.busy for step in (-1, 0, 1)}
        self.months = {month for month in near if _accepted(month)}

    def previous(self, month):
        adjacent = _shift(month, -1)
        if adjacent in self.months:
            return adjacent
        return max((busy for busy in self.busy if busy < month), default=None)

    def next(self, month):
        adjacent = _shift(month, 1)
        if adjacent in self.months:
            return adjacent
        return min((busy for busy in self.busy if busy > month), default=None)


def month_calendar(sessions, first, now):
    """Weeks of (date, sessions that day) for the month starting ``first``, this month if None.

    ``sessions`` are the column's public sessions. ``previous`` and ``next`` (dates of a
    month's first day) are what the span allows, None where it ends; ``empty`` says the month
    has no session (its page is not for search engines).
    """
    span = CalendarSpan(sessions)
    today = timezone.localdate(now)
    first = first or today.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    by_day = {}
    for session in sessions.filter(start_at__date__gte=first, start_at__date__lte=last).order_by("start_at"):
        by_day.setdefault(timezone.localdate(session.start_at), []).append(session)
    weeks = [
        [(day, by_day.get(day, []), day.month == first.month) for day in week]
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    return {
        "first": first,
        "weeks": weeks,
        "today": today,
        "empty": not by_day,
        "previous": span.previous(first),
        "next": span.next(first),
        "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
    }
