"""A session filed in the government office's column but hosted by the education bureau is run by
the bureau's staff, as if it were filed under the bureau; nobody else gains anything."""

import datetime

import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.menus.pages import get_page_header_buttons
from wagtail.models import Page

from disclosure.models import AgencyRole
from online_interview.questions.models import Question, QuestionState
from online_interview.transcript.models import TranscriptEntry
from tests import factories
from tests.interview.conftest import ask, feed
from tests.interview.test_console import console_url, post, state

pytestmark = pytest.mark.django_db


@pytest.fixture
def government(db):
    return factories.make_agency(title="青溪县人民政府办公室", short_name="县政府办")


@pytest.fixture
def hosted(government, agency):
    """Filed under 县政府办, hosted by 县教育局 (the ``agency`` fixture), live now, answers held for review."""
    column = factories.make_interview_column(government)
    session = factories.make_interview(
        column,
        title="县教育局局长谈课后服务",
        start=timezone.now() - datetime.timedelta(minutes=10),
        hold_guest_answers=True,
    )
    session.hosting_agencies.set([agency])
    return factories.publish(session)


def test_the_hosting_agencys_editor_runs_the_console_of_a_session_filed_elsewhere(client, hosted, staff):
    ask(client, hosted, text="课后服务几点结束？")
    question = Question.objects.get()
    client.force_login(staff[AgencyRole.EDITOR])

    page = client.get(console_url(hosted))
    assert page.status_code == 200 and hosted.title in page.content.decode()
    assert [q["text"] for q in state(client, hosted)["pending"]] == ["课后服务几点结束？"]
    assert client.post(console_url(hosted, f"questions/{question.pk}/approve/")).status_code == 200
    assert post(client, hosted, speaker="host", text="欢迎各位家长。").status_code == 201

    public = feed(client, hosted).json()
    assert [q["text"] for q in public["questions"]] == ["课后服务几点结束？"]
    assert [e["text"] for e in public["entries"]] == ["欢迎各位家长。"]


def test_the_hosting_agencys_staff_find_the_session_in_their_overview_without_an_edit_link(client, hosted, staff):
    client.force_login(staff[AgencyRole.EDITOR])
    html = client.get("/admin/interviews/").content.decode()
    assert hosted.title in html and console_url(hosted) in html
    assert f"/admin/pages/{hosted.pk}/edit/" not in html
    # Running the console gives no right to edit the page, which stays the filing agency's.
    assert client.get(f"/admin/pages/{hosted.pk}/edit/").status_code == 302


def test_the_hosting_agencys_leader_releases_held_answers_and_its_editor_cannot(client, hosted, staff):
    client.force_login(staff[AgencyRole.EDITOR])
    post(client, hosted, speaker="guest", guest=hosted.guests.get().pk, text="课后服务延时到六点。")
    entry = TranscriptEntry.objects.get()
    assert client.post(console_url(hosted, f"entries/{entry.pk}/release/")).status_code == 403

    client.force_login(staff[AgencyRole.LEADER])
    assert state(client, hosted)["held"][0]["text"] == "课后服务延时到六点。"
    assert client.post(console_url(hosted, f"entries/{entry.pk}/release/")).status_code == 200
    assert [e["text"] for e in feed(client, hosted).json()["entries"]] == ["课后服务延时到六点。"]


@pytest.mark.parametrize("who", ["other agency's editor", "hosting agency's request handler"])
def test_others_still_cannot_run_it(client, hosted, staff, other_agency, who):
    ask(client, hosted, text="校车怎么安排？")
    question = Question.objects.get()
    if who == "other agency's editor":
        user = factories.make_user("health-editor", other_agency, AgencyRole.EDITOR)
    else:
        user = staff[AgencyRole.REQUEST_HANDLER]  # the request desk has no page rights in its own agency either
    client.force_login(user)
    refused = client.get(console_url(hosted))
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission" redirect
    assert client.get(console_url(hosted, "state/")).status_code == 403
    assert client.post(console_url(hosted, f"questions/{question.pk}/approve/")).status_code == 403
    assert hosted.title not in client.get("/admin/interviews/").content.decode()
    question.refresh_from_db()
    assert question.state == QuestionState.PENDING


def test_the_filing_agencys_own_editors_keep_running_it(client, hosted, government):
    editor = factories.make_user("office-editor", government, AgencyRole.EDITOR)
    client.force_login(editor)
    assert client.get(console_url(hosted, "state/")).status_code == 200
    html = client.get("/admin/interviews/").content.decode()
    assert f"/admin/pages/{hosted.pk}/edit/" in html


def console_buttons(page, user):
    """Where Wagtail shows a button to the session's console: the page header, the listing's "More" menu."""
    header = get_page_header_buttons(page, user, next_url=None, view_name="edit")
    listing = [button for hook in hooks.get_hooks("register_page_listing_more_buttons") for button in hook(page, user)]
    found = [("header", button) for button in header] + [("listing", button) for button in listing]
    return [(where, str(button.label)) for where, button in found if button.url == console_url(page)]


def test_the_hosting_agencys_editor_gets_the_live_console_button_and_others_do_not(hosted, staff, other_agency):
    page = Page.objects.get(pk=hosted.pk)  # as Wagtail's listing passes it: not yet specific
    assert console_buttons(page, staff[AgencyRole.EDITOR]) == [("header", "直播控制台"), ("listing", "直播控制台")]
    outsider = factories.make_user("health-editor", other_agency, AgencyRole.EDITOR)
    assert console_buttons(page, outsider) == []
