"""补录 reminders reach the hosting agency's editors and leaders, once a day, until answered."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from disclosure.models import AgencyRole
from online_interview.follow_ups.models import FollowUp
from online_interview.follow_ups.reminders import send_follow_up_reminders
from online_interview.lifecycle.transitions import advance
from online_interview.questions.moderation import approve
from online_interview.questions.submission import submit_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up(interview, staff):
    during = interview.start_at + datetime.timedelta(minutes=5)
    question = submit_question(interview, nickname="甲", text="食堂能否延长供餐时间？", now=during).question
    approve(question, staff[AgencyRole.EDITOR])
    advance(now=interview.end_at)
    return FollowUp.objects.get(question=question)


def test_reminders_go_to_the_hosting_agency_when_due_and_once_a_day(follow_up, staff):
    early = follow_up.due_on - datetime.timedelta(days=4)
    assert send_follow_up_reminders(today=early) == 0

    due_soon = follow_up.due_on - datetime.timedelta(days=1)
    assert send_follow_up_reminders(today=due_soon) == 1
    message = mail.outbox[-1]
    assert set(message.to) == {staff[AgencyRole.EDITOR].email, staff[AgencyRole.LEADER].email}
    assert "待补录" in message.subject and "食堂能否延长供餐时间" in message.body
    assert send_follow_up_reminders(today=due_soon) == 0  # once a day

    overdue = follow_up.due_on + datetime.timedelta(days=2)
    assert send_follow_up_reminders(today=overdue) == 1
    assert "已逾期" in mail.outbox[-1].body


def test_answered_follow_ups_are_not_reminded(follow_up):
    FollowUp.objects.filter(pk=follow_up.pk).update(done_at=timezone.now())
    assert send_follow_up_reminders(today=follow_up.due_on) == 0
