"""The statutory clock on the real holiday seasons of 2024–2026 (the calendar seeded from chinese-calendar)."""

import datetime

import pytest
from django.utils import timezone

from disclosure.calendar.models import CalendarDay, CalendarYear
from disclosure.requests import clock, transitions
from disclosure.requests.choices import EventKind
from disclosure.requests.models import DisclosureRequest

from .helpers import day, registered

pytestmark = pytest.mark.django_db(transaction=False)


def test_twenty_working_days_across_national_day_2025_skip_the_holiday_and_count_the_adjusted_saturday(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    # 09-28 (Sun) and 10-11 (Sat) are 调休 working days; 10-01..10-08 are off.
    assert request.due_date == day("2025-10-30")
    assert "2025-09-26" in request.due_explanation
    assert "10-01" in request.due_explanation and "10-08" in request.due_explanation
    assert "09-28" in request.due_explanation and "10-11" in request.due_explanation
    assert "2025-10-30" in request.due_explanation


def test_spring_festival_2024(agency, handler):
    # 2024-02-10..02-17 off, 02-04 (Sun) and 02-18 (Sun) worked.
    request = registered(agency, handler, day("2024-02-01"))
    assert request.due_date == day("2024-03-05")


def test_a_third_party_consultation_pauses_the_clock_and_is_never_shown_as_overdue(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    transitions.start(request, handler)
    transitions.consult_third_party(request, handler, party="某建设公司", started_on=day("2025-10-09"))
    request.refresh_from_db()
    assert clock.due_status(request, today=day("2025-12-01")) == clock.DueStatus.PAUSED
    transitions.resume(request, handler, ended_on=day("2025-10-16"))
    request.refresh_from_db()
    # 10-10, 10-11 (adjusted Sat), 10-13..10-16: 6 working days not counted.
    assert request.paused_working_days == 6
    assert request.due_date == clock_add(day("2025-09-26"), 26)
    assert "第三方" in request.due_explanation or "Third-party" in request.due_explanation


def clock_add(start, n):
    from disclosure.calendar.working_days import add_working_days

    return add_working_days(start, n).end


def test_a_supplement_restarts_the_clock_from_its_receipt(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    transitions.start(request, handler)
    transitions.request_supplement(
        request,
        handler,
        what="请写明所需信息的文号。",
        applicant_due=timezone.localdate() + datetime.timedelta(days=10),
    )
    transitions.receive_supplement(request, handler, received_on=day("2025-10-20"))
    request.refresh_from_db()
    assert request.clock_start == day("2025-10-20")
    assert request.due_date == clock_add(day("2025-10-20"), 20)
    with pytest.raises(transitions.TransitionRefused):
        transitions.request_supplement(
            request, handler, what="再补一次", applicant_due=timezone.localdate() + datetime.timedelta(days=3)
        )


def test_an_approved_extension_moves_the_due_date(agency, handler):
    from .helpers import leader_of

    request = registered(agency, handler, day("2025-09-26"))
    transitions.propose_extension(request, handler, days=20, reason="涉及档案调取，需延期。")
    with pytest.raises(transitions.TransitionRefused):
        transitions.approve_extension(request, handler)
    leader = leader_of(agency)
    transitions.approve_extension(request, leader)
    request.refresh_from_db()
    assert request.due_date == clock_add(day("2025-09-26"), 40)
    with pytest.raises(transitions.TransitionRefused):
        transitions.approve_extension(request, leader, days=5, reason="再延期")


def test_editing_the_calendar_after_receipt_recomputes_open_requests_and_logs_the_move(
    agency, handler, django_capture_on_commit_callbacks
):
    request = registered(agency, handler, day("2025-09-26"))
    closed = registered(agency, handler, day("2025-09-26"))
    transitions.decide(closed, handler, outcome="disclosed", already_public_at="本机关门户网站")
    before = DisclosureRequest.objects.get(pk=closed.pk).due_date
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(date=day("2025-10-20"), kind=CalendarDay.Kind.HOLIDAY, name="临时放假")
    request.refresh_from_db()
    assert request.due_date == day("2025-10-31")
    event = request.events.get(kind=EventKind.CLOCK_RECOMPUTED)
    assert event.data == {"before": "2025-10-30", "after": "2025-10-31"}
    assert DisclosureRequest.objects.get(pk=closed.pk).due_date == before


def test_a_year_without_calendar_data_says_so_loudly(agency, handler):
    CalendarYear.objects.filter(year=2026).delete()
    request = registered(agency, handler, day("2025-12-20"))
    assert request.due_date is None
    assert "2026" in request.clock_problem


def test_counting_the_day_of_receipt_is_a_setting(agency, handler, settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_COUNT_RECEIPT_DAY": True}
    request = registered(agency, handler, day("2025-09-26"))
    # 09-26 (Fri) itself is the first of the 20 days.
    assert request.due_date == day("2025-10-29")


def test_a_receipt_confirmed_late_in_the_evening_can_count_for_the_next_day(settings):
    tz = timezone.get_current_timezone()
    evening = datetime.datetime(2025, 9, 26, 22, 30, tzinfo=tz)
    assert clock.receipt_date(evening) == day("2025-09-26")  # statutory default: the calendar day
    settings.GONGKAI_DISCLOSURE = {"REQUEST_RECEIPT_CUTOFF_HOUR": 22}
    assert clock.receipt_date(evening) == day("2025-09-27")
    assert clock.receipt_date(evening.replace(hour=21)) == day("2025-09-26")


def test_due_status_marks_at_risk_and_overdue_but_not_a_lawful_pause(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    assert clock.due_status(request, today=day("2025-10-09")) == clock.DueStatus.NORMAL
    assert clock.due_status(request, today=day("2025-10-27")) == clock.DueStatus.AT_RISK
    assert clock.due_status(request, today=day("2025-10-31")) == clock.DueStatus.OVERDUE
    transitions.consult_agency(request, handler, party="县自然资源局", started_on=day("2025-10-20"))
    request.refresh_from_db()
    assert clock.due_status(request, today=day("2025-10-31")) == clock.DueStatus.PAUSED


def test_while_awaiting_the_supplement_there_is_no_reply_date_and_the_page_says_why(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    applicant_due = timezone.localdate() + datetime.timedelta(days=10)
    transitions.request_supplement(request, handler, what="请写明文号。", applicant_due=applicant_due)
    request.refresh_from_db()
    assert request.due_date is None
    assert f"{applicant_due:%Y-%m-%d}" in request.due_explanation and "重新" in request.due_explanation


def test_acts_cannot_be_dated_in_the_future(agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for act, field in (
        (lambda: transitions.consult_agency(request, handler, party="县财政局", started_on=tomorrow), "started_on"),
        (
            lambda: transitions.decide(
                request, handler, outcome="disclosed", already_public_at="网站", decided_on=tomorrow
            ),
            "decided_on",
        ),
    ):
        with pytest.raises(transitions.TransitionRefused) as refused:
            act()
        assert refused.value.field == field and f"{tomorrow:%Y-%m-%d}" in refused.value.message
    request.refresh_from_db()
    assert request.state == "received" and request.decided_on is None
