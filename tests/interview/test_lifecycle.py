"""A session's life: announced, live at its start, closed at its end, 补录 due in working days."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import PageLogEntry

from online_interview.follow_ups.models import FollowUp
from online_interview.follow_ups.scheduling import follow_up_due
from online_interview.lifecycle.models import SessionProgress
from online_interview.lifecycle.transitions import advance
from online_interview.questions.models import QuestionState
from online_interview.questions.moderation import approve
from online_interview.questions.submission import submit_question
from online_interview.status import InterviewStatus
from online_interview.transcript.posting import post_entry
from tests import factories

pytestmark = pytest.mark.django_db


def actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))


def phase(page):
    return SessionProgress.objects.get(interview=page).phase


def test_publishing_the_preview_opens_question_collection(interview):
    assert phase(interview) == InterviewStatus.UPCOMING
    assert "online_interview.questions_open" in actions(interview)
    assert interview.status() == InterviewStatus.UPCOMING and interview.accepts_questions()


def test_the_session_turns_live_at_its_start_and_closes_at_its_end(interview):
    start, end = interview.start_at, interview.end_at
    assert advance(now=start - datetime.timedelta(seconds=1)) == 0
    assert phase(interview) == InterviewStatus.UPCOMING

    assert advance(now=start) == 1
    assert phase(interview) == InterviewStatus.LIVE
    assert interview.status(start) == InterviewStatus.LIVE
    assert "online_interview.live" in actions(interview)
    assert advance(now=start + datetime.timedelta(minutes=1)) == 0  # once only

    assert advance(now=end) == 1
    assert phase(interview) == InterviewStatus.ENDED
    assert interview.status(end) == InterviewStatus.ENDED and not interview.accepts_questions(end)
    assert actions(interview).count("online_interview.ended") == 1


def test_a_task_run_that_missed_the_whole_session_still_closes_it(interview):
    assert advance(now=interview.end_at + datetime.timedelta(hours=3)) == 1
    assert phase(interview) == InterviewStatus.ENDED


def test_unanswered_approved_questions_become_follow_ups_due_in_working_days(interview, staff):
    during = interview.start_at + datetime.timedelta(minutes=30)
    kept = submit_question(interview, nickname="甲", text="学区划分什么时候公布？", now=during).question
    pending = submit_question(interview, nickname="乙", text="还没审核的问题", now=during).question
    approve(kept, staff["editor"])

    advance(now=interview.end_at)

    follow_up = FollowUp.objects.get()
    assert follow_up.question == kept
    assert not FollowUp.objects.filter(question=pending).exists()
    assert follow_up.due_on == follow_up_due(timezone.localdate(interview.end_at))[0]
    assert not follow_up.is_overdue(follow_up.due_on)
    assert follow_up.is_overdue(follow_up.due_on + datetime.timedelta(days=1))


def test_follow_up_deadline_skips_the_national_day_holiday():
    # Session on Tue 30 Sep 2025: 1–8 Oct are holidays, Sat 11 Oct is an adjusted working day,
    # so the five working days are 9, 10, 11, 13 and 14 Oct.
    due, estimate = follow_up_due(datetime.date(2025, 9, 30))
    assert (due, estimate) == (datetime.date(2025, 10, 14), False)


def test_follow_up_deadline_is_marked_as_an_estimate_without_the_years_calendar():
    due, estimate = follow_up_due(datetime.date(2031, 12, 31))  # Wednesday
    assert estimate and due == datetime.date(2032, 1, 7)


def test_moving_a_session_is_logged_and_shown_on_its_page(client, interview):
    new_start = interview.start_at + datetime.timedelta(days=2)
    interview.start_at, interview.end_at = new_start, new_start + datetime.timedelta(hours=2)
    interview.change_note = "因嘉宾公务安排调整时间。"
    factories.publish(interview)

    assert "online_interview.moved" in actions(interview)
    html = client.get(interview.url).content.decode()
    assert "因嘉宾公务安排调整时间" in html
    assert f"{timezone.localtime(new_start):%Y年%-m月%-d日 %H:%M}" in html
    # The column's list says so too, before anyone opens the session.
    assert "时间调整：因嘉宾公务安排调整时间。" in client.get(interview.get_parent().url).content.decode()


def test_cancelling_is_logged_shown_and_stops_questions(client, interview):
    interview.cancelled = True
    interview.change_note = "因防汛工作需要，本期访谈取消。"
    factories.publish(interview)

    assert "online_interview.cancelled" in actions(interview)
    assert phase(interview) == InterviewStatus.CANCELLED
    assert advance(now=interview.end_at) == 0
    html = client.get(interview.url).content.decode()
    assert "因防汛工作需要" in html and "已取消" in html
    cancelled = InterviewStatus.CANCELLED.value
    assert f'data-status="{cancelled}" data-final-status="{cancelled}"' in html  # live.js polls no more
    response = client.post(
        f"/api/interviews/{interview.pk}/questions/",
        {"nickname": "甲", "text": "还举办吗？"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400 and "不再接受提问" in response.json()["error"]


def test_a_preview_published_late_is_logged_with_its_reason(column):
    soon = timezone.now() + datetime.timedelta(days=1)
    page = factories.make_interview(column, start=soon, short_notice_reason="根据防汛形势临时安排。")
    entry = PageLogEntry.objects.get(page=page, action="online_interview.short_notice")
    assert entry.data["reason"] == "根据防汛形势临时安排。"


def test_question_states_move_on_with_answers(live_interview, staff):
    question = submit_question(live_interview, nickname="甲", text="转学手续怎么办？").question
    approve(question, staff["editor"])
    post_entry(live_interview, staff["editor"], speaker="host", text="请周局长回答。", question=question)
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED and question.answered_at is not None


def test_the_lifecycle_and_the_page_share_one_status_enumeration():
    assert SessionProgress._meta.get_field("phase").choices == InterviewStatus.choices


def test_stored_phases_are_converted_to_the_status_and_back(interview, live_interview):
    """Migration 0003: the lifecycle's "open" became the page's "upcoming"; other values kept."""
    migration = importlib.import_module("online_interview.migrations.0003_one_interview_status")
    advance(now=live_interview.start_at + datetime.timedelta(minutes=1))
    assert (phase(interview), phase(live_interview)) == (InterviewStatus.UPCOMING, InterviewStatus.LIVE)

    migration.to_phase(apps, None)
    assert (phase(interview), phase(live_interview)) == ("open", "live")  # the values stored before
    migration.to_status(apps, None)
    assert (phase(interview), phase(live_interview)) == (InterviewStatus.UPCOMING, InterviewStatus.LIVE)
