"""Nothing a citizen posted before approval, no private contact and no unreleased answer
reaches any public surface: the page, the feed, ICS, site search, suggestions or the sitemap."""

import datetime

import pytest
from django.utils import timezone

from online_interview.lifecycle.transitions import advance
from online_interview.questions.moderation import approve, reject
from online_interview.questions.submission import submit_question
from online_interview.transcript.posting import post_entry, release
from search.documents.models import PublicDocument
from tests import factories
from tests.interview.conftest import feed
from tests.search.conftest import search_json

pytestmark = pytest.mark.django_db

PRIVATE = ["垃圾分类积分兑换", "违规广告推销", "13712345678", "邻里食堂价格明年上调"]


@pytest.fixture
def ended_session(column, staff):
    now = timezone.now()
    session = factories.make_interview(
        column, title="县城管局谈校车与市容", start=now - datetime.timedelta(minutes=30), hold_guest_answers=True
    )
    guest = session.guests.get()
    editor, leader = staff["editor"], staff["leader"]
    submit_question(session, nickname="甲", text="垃圾分类积分兑换在哪里？")  # stays pending
    rejected = submit_question(session, nickname="乙", text="违规广告推销").question
    reject(rejected, editor)
    asked = submit_question(session, nickname="丙", text="校车能否增加班次？", contact="13712345678").question
    approve(asked, editor)
    released = post_entry(session, editor, speaker="guest", guest=guest, text="校车下月起增加早班。", question=asked)
    post_entry(session, editor, speaker="guest", guest=guest, text="邻里食堂价格明年上调。")  # held, never released
    release(released, leader)
    session.end_at = now - datetime.timedelta(minutes=1)
    session.save()
    advance(now=now)
    return session


def surfaces(client, session):
    column = session.get_parent()
    return {
        "page": client.get(session.url).content.decode(),
        "column": client.get(column.url).content.decode(),
        "feed": feed(client, session).content.decode(),
        "ics": client.get(f"{session.url}ics/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "search": str(search_json(client, q="校车")),
        "suggest": client.get("/api/search/suggest/", {"q": "校车"}).content.decode(),
    }


def test_private_material_appears_nowhere(client, ended_session):
    for surface, text in surfaces(client, ended_session).items():
        for secret in PRIVATE:
            assert secret not in text, (surface, secret)


def test_private_material_is_not_in_the_search_index(client, ended_session):
    document = PublicDocument.objects.get(page=ended_session)
    for secret in PRIVATE:
        assert secret not in document.body
        assert all(result["url"] != ended_session.url for result in search_json(client, q=secret)["results"])


def test_the_transcript_is_public_and_searchable_after_the_end(client, ended_session):
    results = search_json(client, q="校车 早班")["results"]
    assert results and results[0]["title"] == "县城管局谈校车与市容"
    html = client.get(ended_session.url).content.decode()
    assert "校车能否增加班次" in html and "校车下月起增加早班" in html
