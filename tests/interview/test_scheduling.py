"""Scheduling in the editor: sane times, a reason for a late preview, double-booking warnings,
and the same review workflow as every other page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from disclosure.models import AgencyRole
from online_interview.lifecycle.conflicts import find_conflicts
from online_interview.models import InterviewPage
from tests import factories
from tests.admin_forms import formset

pytestmark = pytest.mark.django_db


def form_data(title, start, hours=2, guests=("周文",), **changes):
    data = {
        "title": title,
        "slug": f"s-{abs(hash(title)) % 10**8}",
        "summary": "就相关政策回答网友提问。",
        "start_at": f"{timezone.localtime(start):%Y-%m-%d %H:%M}",
        "end_at": f"{timezone.localtime(start + datetime.timedelta(hours=hours)):%Y-%m-%d %H:%M}",
        "location": "县融媒体中心演播室",
        "host": "林主持",
        "short_notice_reason": "",
        "change_note": "",
        "votes_enabled": "on",
        **formset(
            "guests",
            [
                {"name": name, "post": "局长", "agency": "县教育局", "biography": "", "ORDER": i}
                for i, name in enumerate(guests)
            ],
        ),
        **formset("images"),
        **formset("related_items"),
        **formset("comments"),
    }
    data.update(changes)
    return data


def create(client, column, data):
    url = reverse("wagtailadmin_pages:add", args=["online_interview", "interviewpage", column.pk])
    return client.post(url, data)


@pytest.fixture
def editor(client, staff):
    client.force_login(staff[AgencyRole.EDITOR])
    return staff[AgencyRole.EDITOR]


def test_an_editor_schedules_a_session_as_a_draft(client, column, editor):
    response = create(client, column, form_data("县教育局谈课后服务", timezone.now() + datetime.timedelta(days=7)))
    assert response.status_code == 302
    page = InterviewPage.objects.get(title="县教育局谈课后服务")
    assert not page.live and page.guests.get().name == "周文"


def test_the_end_must_follow_the_start(client, column, editor):
    data = form_data("时间有误的访谈", timezone.now() + datetime.timedelta(days=7), hours=-1)
    response = create(client, column, data)
    assert response.status_code == 200 and "结束时间必须晚于开始时间" in response.content.decode()
    assert not InterviewPage.objects.exists()


def test_a_late_preview_needs_a_reason_before_it_goes_to_review(client, column, editor):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    submit = {"action-submit": "submit"}
    refused = create(client, column, form_data("临时安排的访谈", tomorrow, **submit))
    assert refused.status_code == 200 and "不足 3 天" in refused.content.decode()
    assert not InterviewPage.objects.exists()
    accepted = create(
        client, column, form_data("临时安排的访谈", tomorrow, short_notice_reason="应对突发汛情。", **submit)
    )
    assert accepted.status_code == 302
    assert InterviewPage.objects.get().current_workflow_state is not None  # in review


def test_a_short_notice_draft_can_be_saved_without_a_reason(client, column, editor):
    response = create(client, column, form_data("草拟中的访谈", timezone.now() + datetime.timedelta(days=1)))
    assert response.status_code == 302 and not InterviewPage.objects.get().live


def test_double_bookings_are_warned_about(client, column, editor):
    start = timezone.now() + datetime.timedelta(days=7)
    factories.make_interview(column, title="已安排的访谈", start=start)
    response = create(client, column, form_data("同一时间的访谈", start + datetime.timedelta(minutes=30)))
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("嘉宾 周文" in m and "已安排的访谈" in m for m in messages)
    assert any("县融媒体中心演播室" in m and "场地冲突" in m for m in messages)


def test_no_conflict_for_separate_times_or_cancelled_sessions(column):
    start = timezone.now() + datetime.timedelta(days=7)
    first = factories.make_interview(column, title="上午场", start=start)
    afternoon = factories.make_interview(column, title="下午场", start=start + datetime.timedelta(hours=2))
    assert find_conflicts(afternoon) == []  # back to back is not an overlap
    overlapping = factories.make_interview(column, title="冲突场", start=start + datetime.timedelta(hours=1))
    assert {c.other.title for c in find_conflicts(overlapping)} == {"上午场", "下午场"}
    first.cancelled = True
    first.save()
    assert {c.other.title for c in find_conflicts(overlapping)} == {"下午场"}


def test_an_interview_is_published_only_through_the_agencys_review(client, column, staff):
    draft = factories.make_interview(column, live=False)
    client.force_login(staff[AgencyRole.LEADER])
    data = form_data(draft.title, draft.start_at, slug=draft.slug, **{"action-publish": "publish"})
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_workflow() is not None and draft.get_workflow().active
