"""A reviewer's queue: what waits for them, and for how many working days."""

from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import TaskState

from .. import conf
from ..calendar.working_days import CalendarNotCovered, working_days_between


@dataclass
class QueueEntry:
    task_state: TaskState
    waited: int | None  # working days since the step started; None when the calendar lacks a year
    flagged: bool

    @property
    def page(self):
        return self.task_state.workflow_state.content_object


def _entries(states, today):
    today = today or timezone.localdate()
    limit = conf.get("REVIEW_WAIT_WORKING_DAYS")
    entries = []
    for state in states:
        try:
            waited = working_days_between(timezone.localdate(state.started_at), today).working_days
        except CalendarNotCovered:
            waited = None
        entries.append(QueueEntry(state, waited, waited is not None and waited > limit))
    return entries


def review_queue(user, today=None):
    """Every step the user may act on, oldest first; those over the limit are flagged."""
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("task", "workflow_state", "workflow_state__requested_by", "revision")
        .order_by("started_at")
    )
    return _entries(states, today)


def waiting_too_long(today=None):
    """All in-progress steps over the limit, for the reminder e-mails."""
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("task", "revision")
    return [entry for entry in _entries(states, today) if entry.flagged]
