"""Reminders to the agency's handlers before each stage deadline: the reply, the applicant's supplement,
the consulted party's answer and the Art 30 补正 window; once a working day, to the right people."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from disclosure.requests import transitions
from disclosure.requests.models import DisclosureRequest
from disclosure.requests.reminders import send_request_reminders
from disclosure.tasks import remind_request_deadlines

from .helpers import day, handler_of, leader_of, registered

pytestmark = pytest.mark.django_db

#: A Monday. Three working days ahead is Thursday 2025-10-30.
MONDAY = day("2025-10-27")


@pytest.fixture
def desk(agency, other_agency):
    """Two agencies' handlers (one without an e-mail address), a leader, and a request at each stage."""
    first = handler_of(agency, "甲")
    first.email = "jia@example.gov.cn"
    first.save()
    second = handler_of(agency, "乙")
    second.email = "yi@example.gov.cn"
    second.save()
    handler_of(agency, "无邮箱")
    leader = leader_of(agency, "领导")
    leader.email = "leader@example.gov.cn"
    leader.save()
    theirs = handler_of(other_agency, "丙")
    theirs.email = "bing@example.gov.cn"
    theirs.save()

    answer_due = registered(agency, first, day("2025-09-26"))  # reply due 2025-10-30
    later = registered(agency, first, day("2025-10-24"))  # reply and Art 30 window both later
    art30 = registered(agency, first, day("2025-10-20"))  # 补正 notice due 2025-10-29
    supplement = registered(agency, first, day("2025-10-13"))
    transitions.request_supplement(
        supplement, first, what="请写明文号。", applicant_due=timezone.localdate() + datetime.timedelta(days=10)
    )
    DisclosureRequest.objects.filter(pk=supplement.pk).update(applicant_due=day("2025-10-29"))
    consulted = registered(agency, first, day("2025-10-09"))
    transitions.consult_third_party(consulted, first, party="某建设公司", started_on=day("2025-10-09"))
    other = registered(other_agency, theirs, day("2025-09-26"))
    return {
        "answer_due": answer_due,
        "later": later,
        "art30": art30,
        "supplement": supplement,
        "consulted": consulted,
        "other": other,
        "consultation_due": consulted.pauses.get().reply_due,
    }


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_each_handler_gets_one_e_mail_with_every_stage_deadline_of_their_agencies(desk):
    assert desk["consultation_due"] <= day("2025-10-30")
    assert send_request_reminders(today=MONDAY) == 3
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "bing@example.gov.cn",
        "jia@example.gov.cn",
        "yi@example.gov.cn",
    ]
    (message,) = mails_to("jia@example.gov.cn")
    for key in ("answer_due", "art30", "supplement", "consulted"):
        request = desk[key]
        assert request.number in message.body, key
        assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/requests/{request.pk}/" in message.body
    assert "2025-10-30" in message.body and "2025-10-29" in message.body and "某建设公司" in message.body
    assert desk["later"].number not in message.body and desk["other"].number not in message.body
    (theirs,) = mails_to("bing@example.gov.cn")
    assert desk["other"].number in theirs.body and desk["answer_due"].number not in theirs.body


def test_reminders_are_sent_once_a_day(desk):
    assert send_request_reminders(today=MONDAY) == 3
    assert send_request_reminders(today=MONDAY) == 0
    assert len(mail.outbox) == 3
    assert send_request_reminders(today=MONDAY + datetime.timedelta(days=1)) == 3
    assert len(mail.outbox) == 6


def test_nothing_is_sent_on_a_day_off(desk):
    assert send_request_reminders(today=day("2025-10-25")) == 0  # a Saturday
    assert send_request_reminders(today=day("2025-10-01")) == 0  # National Day
    assert not mail.outbox


def test_an_overdue_reply_is_reminded_but_a_paused_request_only_for_its_consultation(desk):
    send_request_reminders(today=day("2025-11-03"))
    (message,) = mails_to("jia@example.gov.cn")
    assert desk["answer_due"].number in message.body
    consulted_lines = [line for line in message.body.splitlines() if desk["consulted"].number in line]
    assert consulted_lines and all("某建设公司" in line for line in consulted_lines)


def test_the_task_is_scheduled_every_morning():
    assert remind_request_deadlines.name == "disclosure.tasks.remind_request_deadlines"
    entry = settings.CELERY_BEAT_SCHEDULE["remind-request-deadlines"]
    assert entry["task"] == "disclosure.tasks.remind_request_deadlines"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({8}, {35})
