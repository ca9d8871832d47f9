"""A cancelled session is listed as 已取消 with its notice, never as a preview, and promises no live text."""

import datetime

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

NOTICE = "因医院信息系统升级，本期访谈取消，另行安排。"


def cancel(session, note=NOTICE):
    session.cancelled, session.change_note = True, note
    return factories.publish(session)


@pytest.fixture
def sessions(column):
    now = timezone.now()
    return {
        "upcoming": factories.make_interview(
            column, title="县教育局谈课后服务", start=now + datetime.timedelta(days=6)
        ),
        "cancelled": cancel(
            factories.make_interview(column, title="县人民医院谈门诊预约挂号", start=now + datetime.timedelta(days=4))
        ),
        "cancelled_past": cancel(
            factories.make_interview(column, title="县水务局谈汛期供水", start=now - datetime.timedelta(days=9)),
            note="因防汛工作需要取消。",
        ),
    }


def sections(html):
    """{section heading: the session titles listed under it} of the column page."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        section.h2.get_text(strip=True): [a.get_text(strip=True) for a in section.select(".session-title")]
        for section in soup.select("section.interview-section")
    }


def test_the_column_lists_a_cancelled_session_as_cancelled_with_its_notice(client, column, sessions):
    html = client.get(column.url).content.decode()
    listed = sections(html)
    assert listed["预告"] == ["县教育局谈课后服务"]
    assert listed["已取消"] == ["县人民医院谈门诊预约挂号"]
    card = BeautifulSoup(html, "html.parser").find("a", string="县人民医院谈门诊预约挂号").find_parent("li")
    assert "已取消" in card.select_one(".status").get_text() and NOTICE in card.get_text()


def test_a_cancelled_session_whose_date_passed_keeps_its_badge_and_notice_in_the_archive(client, column, sessions):
    html = client.get(column.url).content.decode()
    assert sections(html)["往期回顾"] == ["县水务局谈汛期供水"]
    card = BeautifulSoup(html, "html.parser").find("a", string="县水务局谈汛期供水").find_parent("li")
    assert "已取消" in card.get_text() and "因防汛工作需要取消。" in card.get_text()


def test_the_session_page_says_it_is_cancelled_and_promises_no_live_text(client, sessions):
    html = client.get(sessions["cancelled"].url).content.decode()
    assert "本期访谈已取消。" in html and NOTICE in html
    assert "访谈开始后，图文直播将在此显示" not in html and "我要提问" not in html
    upcoming = client.get(sessions["upcoming"].url).content.decode()
    assert "访谈开始后，图文直播将在此显示" in upcoming  # the promise stays where it holds


def test_calendar_feeds_mark_it_cancelled_with_the_notice(client, column, sessions):
    response = client.get(f"{column.url}ics/")
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}
    assert set(events) == {"县教育局谈课后服务", "县人民医院谈门诊预约挂号"}  # what is still ahead
    assert str(events["县人民医院谈门诊预约挂号"]["STATUS"]) == "CANCELLED"
    assert NOTICE in str(events["县人民医院谈门诊预约挂号"]["DESCRIPTION"])
    assert str(events["县教育局谈课后服务"]["STATUS"]) == "CONFIRMED"

    own = client.get(f"{sessions['cancelled'].url}ics/")
    [event] = icalendar.Calendar.from_ical(own.content).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and NOTICE in str(event["DESCRIPTION"])
