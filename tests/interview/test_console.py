"""The live console: moderation, posting as host or guest, the reviewer gate — over HTTP."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from disclosure.models import AgencyRole
from online_interview.follow_ups.models import FollowUp
from online_interview.lifecycle.transitions import advance
from online_interview.questions.models import Question, QuestionState
from online_interview.transcript.models import TranscriptEntry
from tests import factories
from tests.interview.conftest import ask, feed

pytestmark = pytest.mark.django_db


def console_url(interview, suffix=""):
    return f"/admin/interviews/{interview.pk}/console/{suffix}"


def state(client, interview):
    response = client.get(console_url(interview, "state/"))
    assert response.status_code == 200
    return response.json()


def post(client, interview, **data):
    return client.post(console_url(interview, "entries/"), data, HTTP_ACCEPT="application/json")


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_the_console_is_for_the_agencys_own_staff(client, live_interview, staff, other_agency):
    client.force_login(staff[AgencyRole.EDITOR])
    page = client.get(console_url(live_interview))
    assert page.status_code == 200 and "直播控制台" in page.content.decode()
    outsider = factories.make_user("outsider", other_agency, AgencyRole.EDITOR)
    client.force_login(outsider)
    refused = client.get(console_url(live_interview))
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission" redirect
    assert client.get(console_url(live_interview, "state/")).status_code == 403


def test_moderators_see_pending_questions_with_contacts_and_act_on_them(client, live_interview, staff):
    ask(client, live_interview, text="入学年龄怎么算？", contact="13900002222")
    ask(client, live_interview, text="垃圾广告")
    client.force_login(staff[AgencyRole.EDITOR])
    pending = state(client, live_interview)["pending"]
    assert [q["text"] for q in pending] == ["入学年龄怎么算？", "垃圾广告"]
    assert pending[0]["contact"] == "13900002222"

    good, spam = (Question.objects.get(pk=q["id"]) for q in pending)
    assert (
        client.post(
            console_url(live_interview, f"questions/{good.pk}/approve/"), {"text": "入学年龄如何计算？"}
        ).status_code
        == 200
    )
    assert client.post(console_url(live_interview, f"questions/{spam.pk}/reject/")).status_code == 200
    assert client.post(console_url(live_interview, f"questions/{good.pk}/pin/")).status_code == 200
    now = state(client, live_interview)
    assert now["pending"] == [] and now["rejected_count"] == 1
    assert now["approved"][0]["public_text"] == "入学年龄如何计算？" and now["approved"][0]["pinned"]


def test_host_and_guest_post_and_an_answer_is_linked_to_its_question(client, live_interview, staff):
    ask(client, live_interview, text="课后服务收费吗？")
    question = Question.objects.get()
    client.force_login(staff[AgencyRole.EDITOR])
    client.post(console_url(live_interview, f"questions/{question.pk}/approve/"))
    guest = live_interview.guests.get()
    assert post(client, live_interview, speaker="host", text="欢迎各位网友。").status_code == 201
    response = post(
        client,
        live_interview,
        speaker="guest",
        guest=guest.pk,
        text="课后服务按成本收取。",
        question=question.pk,
        image=png(),
    )
    assert response.status_code == 201

    entries = feed(client, live_interview).json()["entries"]
    assert [e["speaker_name"] for e in entries] == ["林主持", "周文"]
    assert entries[1]["question"]["text"] == "课后服务收费吗？" and entries[1]["image"]
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED


def test_bad_posts_get_a_reason(client, live_interview, staff):
    client.force_login(staff[AgencyRole.EDITOR])
    assert "文字" in post(client, live_interview, speaker="host", text=" ").json()["error"]
    assert "嘉宾" in post(client, live_interview, speaker="guest", text="回答").json()["error"]
    not_image = SimpleUploadedFile("notes.png", b"not an image", content_type="image/png")
    response = post(client, live_interview, speaker="host", text="图片", image=not_image)
    assert response.status_code == 400 and "图片" in response.json()["error"]
    assert not TranscriptEntry.objects.exists()


def test_the_reviewer_gate_holds_guest_answers_until_released(client, column, staff):
    session = factories.make_interview(
        column, start=timezone.now() - datetime.timedelta(minutes=5), hold_guest_answers=True
    )
    guest = session.guests.get()
    client.force_login(staff[AgencyRole.EDITOR])
    post(client, session, speaker="guest", guest=guest.pk, text="这项政策明年调整。")
    post(client, session, speaker="host", text="下面进入下一个问题。")
    entry = TranscriptEntry.objects.get(speaker="guest")

    public = feed(client, session).json()
    assert [e["text"] for e in public["entries"]] == ["下面进入下一个问题。"]
    assert "这项政策明年调整" not in client.get(session.url).content.decode()
    assert state(client, session)["held"][0]["text"] == "这项政策明年调整。"

    # An editor cannot release; the leader (who may publish the page) can.
    assert client.post(console_url(session, f"entries/{entry.pk}/release/")).status_code == 403
    cursor = public["cursor"]
    client.force_login(staff[AgencyRole.LEADER])
    assert client.post(console_url(session, f"entries/{entry.pk}/release/")).status_code == 200
    released = feed(client, session, since=cursor).json()["entries"]
    assert [e["text"] for e in released] == ["这项政策明年调整。"]


def test_a_held_answer_can_be_discarded_unseen(client, column, staff):
    session = factories.make_interview(
        column, start=timezone.now() - datetime.timedelta(minutes=5), hold_guest_answers=True
    )
    client.force_login(staff[AgencyRole.LEADER])
    post(client, session, speaker="guest", guest=session.guests.get().pk, text="口误的回答")
    entry = TranscriptEntry.objects.get()
    assert client.post(console_url(session, f"entries/{entry.pk}/discard/")).status_code == 200
    assert not TranscriptEntry.objects.exists()


def approved_then_ended(client, session, staff, text):
    """A question approved in the console and left unanswered when the session ends: a 补录 is due."""
    ask(client, session, text=text)
    question = Question.objects.get()
    client.force_login(staff[AgencyRole.EDITOR])
    client.post(console_url(session, f"questions/{question.pk}/approve/"))
    advance(now=session.end_at)
    return question


def test_a_follow_up_answer_after_the_end_closes_the_follow_up(client, live_interview, staff):
    question = approved_then_ended(client, live_interview, staff, "校车路线会增加吗？")
    follow_up = FollowUp.objects.get(question=question)

    live_interview.start_at = timezone.now() - datetime.timedelta(hours=3)
    live_interview.end_at = timezone.now() - datetime.timedelta(hours=1)
    live_interview.save()
    response = post(
        client,
        live_interview,
        speaker="guest",
        guest=live_interview.guests.get().pk,
        text="下学期新增两条线路。",
        question=question.pk,
    )
    assert response.status_code == 201 and response.json()["entry"]["follow_up"]
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    html = client.get(live_interview.url).content.decode()
    assert "补录" in html and "下学期新增两条线路" in html


def test_the_overview_lists_sessions_and_overdue_follow_ups(client, live_interview, staff):
    approved_then_ended(client, live_interview, staff, "何时公布划片范围？")
    FollowUp.objects.update(due_on=datetime.date(2020, 1, 2))
    html = client.get("/admin/interviews/").content.decode()
    assert live_interview.title in html and "何时公布划片范围" in html and "已逾期" in html


def test_a_follow_up_answered_on_a_later_day_shows_its_date(client, live_interview, staff):
    question = approved_then_ended(client, live_interview, staff, "校车路线会增加吗？")
    live_interview.start_at = timezone.now() - datetime.timedelta(days=2, hours=3)
    live_interview.end_at = timezone.now() - datetime.timedelta(days=2, hours=1)
    live_interview.save()
    post(
        client,
        live_interview,
        speaker="guest",
        guest=live_interview.guests.get().pk,
        text="下学期新增两条线路。",
        question=question.pk,
    )
    html = client.get(live_interview.url).content.decode()
    today = timezone.localdate().isoformat()
    assert re.search(rf'<time class="entry-time"[^>]*>{today} \d\d:\d\d</time>', html), "the 补录 answer says its day"
