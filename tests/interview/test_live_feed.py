"""The live page's feed: since-id, conditional GET, status at the right moment, nothing private."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from disclosure.models import AgencyRole
from online_interview.live.feed import process_cache
from online_interview.models import InterviewPage
from online_interview.transcript.posting import post_entry
from tests import factories
from tests.interview.conftest import feed

pytestmark = pytest.mark.django_db


def test_since_returns_only_what_is_new(client, live_interview, staff):
    editor = staff[AgencyRole.EDITOR]
    post_entry(live_interview, editor, speaker="host", text="访谈现在开始。")
    first = feed(client, live_interview).json()
    assert [e["text"] for e in first["entries"]] == ["访谈现在开始。"]
    assert first["status"] == "live" and first["status_label"] == "直播中"

    post_entry(live_interview, editor, speaker="guest", guest=live_interview.guests.get(), text="感谢网友关注。")
    later = feed(client, live_interview, since=first["cursor"]).json()
    assert [e["text"] for e in later["entries"]] == ["感谢网友关注。"]
    assert later["cursor"] > first["cursor"]


def test_an_unchanged_feed_answers_304(client, live_interview, staff):
    post_entry(live_interview, staff[AgencyRole.EDITOR], speaker="host", text="欢迎。")
    first = feed(client, live_interview)
    again = feed(client, live_interview, since=first.json()["cursor"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    post_entry(live_interview, staff[AgencyRole.EDITOR], speaker="host", text="第二条。")
    changed = feed(client, live_interview, since=first.json()["cursor"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_the_status_follows_the_clock(client, interview):
    before = feed(client, interview)
    assert before.json()["status"] == "upcoming"
    # The start comes (moved into the past here) and the feed's shared moment passes.
    InterviewPage.objects.filter(pk=interview.pk).update(start_at=timezone.now() - datetime.timedelta(minutes=1))
    cache.clear()
    process_cache.clear()
    after = feed(client, interview, since=before.json()["cursor"], HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after.json()["status"] == "live" and after.json()["status_label"] == "直播中"


@pytest.mark.parametrize("since", ["abc", "1.5"])
def test_a_bad_cursor_is_a_400(client, live_interview, since):
    response = feed(client, live_interview, since=since)
    assert response.status_code == 400 and "since" in response.json()["error"]


def test_drafts_and_unpublished_sessions_have_no_feed(client, column, live_interview):
    draft = factories.make_interview(column, live=False)
    assert feed(client, draft).status_code == 404
    live_interview.unpublish()
    assert feed(client, live_interview).status_code == 404
    assert feed(client, type("Missing", (), {"pk": 999999})()).status_code == 404
