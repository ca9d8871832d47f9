"""Art 26: publish within 20 working days (config) of the 生成日期 — who is at risk, who is late.

Only catalogue items that were never published and are meant for proactive disclosure
are watched; the calendar module does all counting.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .. import conf
from ..calendar.working_days import CalendarNotCovered, add_working_days, latest_start_for_deadline
from ..catalogue.choices import DisclosureMode

AT_RISK = "at_risk"
OVERDUE = "overdue"


def period():
    return conf.get("PUBLICATION_DEADLINE_WORKING_DAYS")


def deadline_for(generated_date):
    """The publication deadline with its explanation (``result.end``, ``result.explain()``)."""
    return add_working_days(generated_date, period())


def awaiting_publication(items):
    return items.filter(first_published_at__isnull=True, disclosure_mode=DisclosureMode.PROACTIVE)


@dataclass(frozen=True)
class Cutoffs:
    overdue_until: datetime.date  # generated on or before: deadline already passed
    at_risk_until: datetime.date  # generated on or before: deadline within the warning window


def cutoffs(today=None):
    """Raises CalendarNotCovered when the calendar lacks a year the windows need."""
    today = today or timezone.localdate()
    warning_end = add_working_days(today, conf.get("PUBLICATION_AT_RISK_WORKING_DAYS")).end
    return Cutoffs(
        overdue_until=latest_start_for_deadline(today - datetime.timedelta(days=1), period()),
        at_risk_until=latest_start_for_deadline(warning_end, period()),
    )


def filter_items(items, status, limits=None):
    """``limits``: precomputed :func:`cutoffs`, when one request filters several times."""
    limits = limits or cutoffs()
    items = awaiting_publication(items)
    if status == OVERDUE:
        return items.filter(generated_date__lte=limits.overdue_until)
    if status == AT_RISK:
        return items.filter(generated_date__gt=limits.overdue_until, generated_date__lte=limits.at_risk_until)
    raise ValueError(status)


__all__ = ["AT_RISK", "OVERDUE", "CalendarNotCovered", "cutoffs", "deadline_for", "filter_items"]
