"""The desk's queue: the requests an agency's staff must act on, the soonest due first.

Filtered and ordered in the database on the ``request_queue`` (agency, state, due date) and
``request_due`` (state, due date) indexes, so a page of 50 and its count stay fast at 100,000
requests (``bench/requests.py``). Two choices keep it so on SQLite and PostgreSQL alike:

- the order is ``COALESCE(due_date, 9999-12-31), id``: requests without a due date last on
  both databases, and no single-column index matches it — otherwise the planner walks the
  ``due_date`` index from the oldest (closed) requests to find 50 open ones (140 ms);
- ``QueuePaginator`` reads a page in two steps, the page's ids from the index alone, then
  those rows: sorting whole rows of 18,000 open requests to keep 50 took 200 ms on SQLite.
 The due filter is ``clock.due_status`` written as conditions on
stored columns: the due date is stored by the clock (and recomputed when the calendar
changes), so no row needs computing to be filtered; the one working-day computation, the
"at risk" limit, is done once per query. ``with_due_status`` labels a page of rows the same
way for display.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import DateField, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import conf
from ..agencies.models import AgencyPage
from . import clock
from .choices import OPEN_STATES, PAUSE_STATES, RequestState
from .clock import DueStatus
from .models import DisclosureRequest
from .permissions import agencies_for

#: What waits for the desk: unconfirmed online submissions and every open state.
QUEUE_STATES = (RequestState.SUBMITTED, *OPEN_STATES)
#: Soonest due first; no due date (an unconfirmed submission, a calendar gap) last.
ORDERING = (Coalesce("due_date", Value(datetime.date(9999, 12, 31), output_field=DateField())), "pk")
PAGE_SIZE = 50


#: A filter beside the statuses: running requests due from today to the coming Sunday.
THIS_WEEK = "this_week"


def paused_states():
    """Where the clock does not run: waiting for the applicant or a consulted party (and the fee, if set)."""
    if conf.get("REQUEST_FEE_PAUSES_CLOCK"):
        return (*PAUSE_STATES, RequestState.AWAITING_FEE)
    return PAUSE_STATES


def running_states():
    paused = paused_states()
    return tuple(state for state in QUEUE_STATES if state not in paused)


def end_of_week(today):
    return today + datetime.timedelta(days=6 - today.weekday())


def due_condition(status, today=None, risk_limit=None):
    """``clock.due_status(request) == status`` as a database condition (for open requests)."""
    today = today or timezone.localdate()
    running = Q(state__in=running_states())
    if status == DueStatus.PAUSED:
        return Q(state__in=paused_states())
    if status == THIS_WEEK:
        return running & Q(due_date__gte=today, due_date__lte=end_of_week(today))
    if status == DueStatus.UNKNOWN:
        return running & Q(due_date__isnull=True)
    if status == DueStatus.OVERDUE:
        return running & Q(due_date__lt=today)
    limit = risk_limit or clock.at_risk_limit(today)
    if status == DueStatus.AT_RISK:
        return running & Q(due_date__gte=today, due_date__lte=limit)
    if status == DueStatus.NORMAL:
        return running & Q(due_date__gt=limit)
    if status == DueStatus.CLOSED:
        return ~Q(state__in=QUEUE_STATES)
    raise ValueError(f"Unknown due status {status!r}")


def _agencies(user_or_agencies):
    """Agency ids to filter on (a list or a subquery), or None for every agency (a superuser)."""
    if isinstance(user_or_agencies, AgencyPage):
        return [user_or_agencies.pk]
    if hasattr(user_or_agencies, "is_authenticated"):
        if user_or_agencies.is_superuser and user_or_agencies.is_active:
            return None
        return agencies_for(user_or_agencies).values("pk")
    return [getattr(agency, "pk", agency) for agency in user_or_agencies]


def queue(user_or_agencies, state=None, due=None, handler=None, channel=None, today=None):
    """Requests of the user's agencies (or of the agencies given), due soonest first.

    ``state``: one state or a list (default: ``QUEUE_STATES``); ``due``: a ``DueStatus``;
    ``handler``: a user, a user id, or ``"none"`` for unassigned ones; ``channel``: an ``IntakeChannel``.
    Requests without a due date (unconfirmed submissions, a calendar gap) come last.
    """
    agencies = _agencies(user_or_agencies)
    requests = DisclosureRequest.objects.all()
    if agencies is not None:
        requests = requests.filter(agency__in=agencies)
    if state:
        states = [state] if isinstance(state, str) else list(state)
        requests = requests.filter(state__in=states)
    else:
        requests = requests.filter(state__in=QUEUE_STATES)
    if due:
        requests = requests.filter(due_condition(due, today))
    if handler == "none":
        requests = requests.filter(handler__isnull=True)
    elif handler:
        requests = requests.filter(handler=handler)
    if channel:
        requests = requests.filter(channel=channel)
    return requests.select_related("agency", "handler").order_by(*ORDERING)


class QueuePaginator(Paginator):
    """Django's paginator over a queue, reading each page as its ids first, then their rows."""

    def __init__(self, object_list, per_page=PAGE_SIZE, **kwargs):
        super().__init__(object_list, per_page, **kwargs)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = self.object_list.model.objects.select_related("agency", "handler").in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def with_due_status(requests, today=None):
    """``(request, due status)`` for each request of a page, with one calendar look-up in all."""
    today = today or timezone.localdate()
    limit = clock.at_risk_limit(today)
    return [(request, clock.due_status(request, today=today, risk_limit=limit)) for request in requests]


def due_this_week(user_or_agencies, today=None):
    """Open requests due from today to the coming Sunday (the dashboard's panel)."""
    return queue(user_or_agencies, due=THIS_WEEK, today=today)
