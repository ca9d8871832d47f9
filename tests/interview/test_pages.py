"""The public pages: the column with its calendar and ICS feed, and the session page."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone

from online_interview.models import InterviewRelatedItem
from online_interview.questions.moderation import approve
from online_interview.questions.submission import submit_question
from online_interview.transcript.posting import post_entry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(column):
    now = timezone.now()
    return {
        "upcoming": factories.make_interview(
            column, title="预告：县卫健局谈家庭医生签约", start=now + datetime.timedelta(days=5)
        ),
        "live": factories.make_interview(
            column, title="直播：县住建局谈老旧小区改造", start=now - datetime.timedelta(minutes=20)
        ),
        "past": factories.make_interview(
            column, title="往期：县人社局谈就业补贴", start=now - datetime.timedelta(days=20)
        ),
        "draft": factories.make_interview(column, title="草稿：尚未发布的访谈", live=False),
    }


def test_the_column_shows_live_upcoming_and_past_sessions(client, column, sessions):
    html = client.get(column.url).content.decode()
    live_at, upcoming_at = (html.index(sessions[k].title) for k in ("live", "upcoming"))
    assert html.index("正在直播") < live_at < html.index("往期回顾")
    assert upcoming_at < html.index("往期回顾") < html.rindex(sessions["past"].title)
    assert sessions["draft"].title not in html


def test_the_calendar_shows_sessions_on_their_day(client, column, sessions):
    start = timezone.localtime(sessions["upcoming"].start_at)
    html = client.get(column.url, {"month": f"{start:%Y-%m}"}).content.decode()
    assert f"访谈日历：{start.year}年{start.month}月" in html
    assert f"{start:%H:%M} {sessions['upcoming'].title}" in re.sub(r"<[^>]+>", "", html)  # the cell's link
    assert client.get(column.url, {"month": "2026-13"}).status_code == 400  # a bad month is refused, naming it


def test_the_ics_feed_lists_upcoming_sessions(client, column, sessions):
    response = client.get(f"{column.url}ics/")
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [sessions["upcoming"].title]
    assert events[0].decoded("DTSTART") == sessions["upcoming"].start_at.replace(microsecond=0)
    assert str(events[0]["LOCATION"]) == "县融媒体中心演播室"


def test_a_session_has_its_own_ics(client, interview):
    response = client.get(f"{interview.url}ics/")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == interview.title and str(event["STATUS"]) == "CONFIRMED"


def test_after_the_end_the_page_is_a_transcript_with_questions_threaded(client, live_interview, staff):
    question = submit_question(live_interview, nickname="老街居民", text="加装电梯有补贴吗？").question
    approve(question, staff["editor"])
    post_entry(
        live_interview,
        staff["editor"],
        speaker="guest",
        guest=live_interview.guests.get(),
        text="每台补贴十万元。",
        question=question,
    )
    live_interview.start_at -= datetime.timedelta(hours=3)
    live_interview.end_at = timezone.now() - datetime.timedelta(minutes=1)
    live_interview.save()

    html = client.get(live_interview.url).content.decode()
    assert "访谈实录" in html and "已结束" in html
    thread = html[html.index("加装电梯有补贴吗") :]
    assert "每台补贴十万元" in thread[:400]  # the answer follows its question
    assert "我要提问" not in html and "提问已结束" in html


def test_a_draft_session_page_is_not_served(client, column):
    draft = factories.make_interview(column, live=False)
    assert client.get(draft.url or f"{column.url}{draft.slug}/").status_code == 404


def test_guests_and_related_documents_are_shown_only_if_public(client, column, catalogue):
    public_item = factories.make_item(catalogue, title="义务教育招生入学实施办法")
    draft_item = factories.make_item(catalogue, title="尚未公开的招生文件", live=False)
    session = factories.make_interview(column, guests=[("周文", "局长"), ("陈静", "基础教育科科长")])
    session.related_items = [InterviewRelatedItem(page=public_item), InterviewRelatedItem(page=draft_item)]
    factories.publish(session)
    html = client.get(session.url).content.decode()
    assert "周文" in html and "基础教育科科长" in html
    assert "义务教育招生入学实施办法" in html and "尚未公开的招生文件" not in html
