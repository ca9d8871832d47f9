"""The interview column's month calendar: which sessions fall on which day of a month."""

import calendar
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .column_filters import FIRST_YEAR, LAST_YEAR


def month_calendar(sessions, first, now):
    """Weeks of (date, sessions that day) for the month starting ``first``, this month if None.

    ``sessions`` are the column's public sessions. ``previous`` and ``next`` (YYYY-MM) are
    None at the ends of the calendar's span, the years the column's filters accept.
    """
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
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return {
        "first": first,
        "weeks": weeks,
        "today": today,
        "previous": f"{previous:%Y-%m}" if previous.year >= FIRST_YEAR else None,
        "next": f"{following:%Y-%m}" if following.year <= LAST_YEAR else None,
        "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
    }
