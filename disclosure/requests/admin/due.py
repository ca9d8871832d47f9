"""The queue's due statuses as SQL, so filters, counts and the dashboard never loop over requests in Python.

The rule is ``clock.due_status``'s: a request waiting for the applicant or a consulted party is
"paused" whatever its date (a lawful pause is never overdue); a running request is overdue the
day after its due date and "at risk" up to ``clock.at_risk_limit()``. The days left are counted
in working days for one page of rows with one calendar read.
"""

import datetime

from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...calendar.working_days import CalendarNotCovered, WorkingDayCalendar
from .. import clock, queue
from ..choices import CLOSED_STATES

DueStatus = clock.DueStatus
THIS_WEEK = queue.THIS_WEEK
running_states = queue.running_states

#: The due filter's choices, in the order a handler looks at them.
FILTER_CHOICES = [
    (DueStatus.OVERDUE, _("Overdue")),
    (DueStatus.AT_RISK, _("At risk")),
    (THIS_WEEK, _("Due this week")),
    (DueStatus.PAUSED, _("Paused (time not counted)")),
]

LABELS = {
    DueStatus.NORMAL: _("On time"),
    DueStatus.AT_RISK: _("At risk"),
    DueStatus.OVERDUE: _("Overdue"),
    DueStatus.PAUSED: _("Paused"),
    DueStatus.UNKNOWN: _("No due date"),
    DueStatus.CLOSED: _("Closed"),
}

#: Wagtail's own colour utilities (the admin's CSP allows no stylesheet of ours inline).
CLASSES = {
    DueStatus.NORMAL: "w-bg-positive-50 w-text-positive-100",
    DueStatus.AT_RISK: "w-bg-warning-50 w-text-warning-100",
    DueStatus.OVERDUE: "w-bg-critical-50 w-text-critical-200",
    DueStatus.PAUSED: "w-bg-info-50 w-text-info-125",
    DueStatus.UNKNOWN: "",
    DueStatus.CLOSED: "",
}


def filter_due(queryset, status, today=None, risk_limit=None):
    """The requests of ``queryset`` in one due status (overdue, at_risk, this_week, paused)."""
    return queryset.filter(queue.due_condition(status, today, risk_limit))


def queue_order(queryset, descending=False):
    """Open requests first, then by due date (requests without one last), then the oldest first."""
    closed_last = Case(When(state__in=CLOSED_STATES, then=Value(1)), default=Value(0), output_field=IntegerField())
    if descending:
        return queryset.annotate(_closed=closed_last).order_by("_closed", F("due_date").desc(nulls_last=True), "pk")
    return queryset.annotate(_closed=closed_last).order_by("_closed", *queue.ORDERING)


def annotate_rows(rows, today=None, risk_limit=None):
    """Set ``due_status``, ``due_label``, ``due_classes``, ``working_days_left`` (negative when overdue;
    None when the calendar lacks a year or no clock runs) and ``working_days_late`` on each row."""
    today = today or timezone.localdate()
    risk_limit = risk_limit or clock.at_risk_limit(today)
    dated = [row.due_date for row in rows if row.due_date]
    calendar = None
    if dated:
        calendar = WorkingDayCalendar(min([today, *dated]), max([today, *dated]))
    for row in rows:
        row.due_status = clock.due_status(row, today=today, risk_limit=risk_limit)
        row.due_label = LABELS[row.due_status]
        row.due_classes = CLASSES[row.due_status]
        row.working_days_left = None
        if calendar and row.due_date and row.due_status in (DueStatus.NORMAL, DueStatus.AT_RISK, DueStatus.OVERDUE):
            row.working_days_left = _working_days(calendar, today, row.due_date)
        late = row.working_days_left is not None and row.working_days_left < 0
        row.working_days_late = -row.working_days_left if late else None
    return rows


def _working_days(calendar, first, last):
    """Working days after ``first`` up to ``last``; negative when ``last`` is before ``first``."""
    sign, low, high = (1, first, last) if last >= first else (-1, last, first)
    count, day = 0, low
    try:
        while day < high:
            day += datetime.timedelta(days=1)
            if calendar.classify(day)[0]:
                count += 1
    except CalendarNotCovered:
        return None
    return sign * count
