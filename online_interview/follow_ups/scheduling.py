"""补录 deadlines: N working days after the session's end, on the site's working-day calendar."""

import datetime

from django.db import transaction
from django.utils import timezone

from disclosure.api import CalendarNotCovered, add_working_days

from .. import conf
from ..questions.models import QuestionState
from .models import FollowUp


def follow_up_due(end_date):
    """(due date, is_estimate): weekends-only counting when the calendar lacks the year."""
    days = conf.get("FOLLOW_UP_WORKING_DAYS")
    try:
        return add_working_days(end_date, days).end, False
    except CalendarNotCovered:
        day, counted = end_date, 0
        while counted < days:
            day += datetime.timedelta(days=1)
            counted += day.weekday() < 5
        return day, True


@transaction.atomic
def create_follow_ups(interview, ended_at):
    """Every approved question the session left unanswered becomes a 补录 task."""
    due, estimate = follow_up_due(timezone.localdate(ended_at))
    waiting = interview.questions.filter(state=QuestionState.APPROVED, follow_up__isnull=True)
    return FollowUp.objects.bulk_create(
        [FollowUp(question=question, due_on=due, due_is_estimate=estimate) for question in waiting]
    )


def open_follow_ups():
    return FollowUp.objects.filter(done_at__isnull=True).select_related("question__interview")
