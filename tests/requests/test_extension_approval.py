"""An extension (Art 33) is proposed by a handler and decided by a leader: the leader is told by e-mail,
finds the proposals on the dashboard and in the queue, and approves or refuses each with a reason."""

import re

import pytest
from django.urls import reverse

from disclosure.requests import transitions
from disclosure.requests.choices import EventKind
from disclosure.requests.models import DisclosureRequest

from .desk import form_errors, refused
from .helpers import handler_of, leader_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]

REASON = "需要调取档案。"


@pytest.fixture
def leader(agency):
    return leader_of(agency)


@pytest.fixture
def proposed(agency, handler, today):
    request = registered(agency, handler, today)
    transitions.propose_extension(request, handler, days=10, reason=REASON)
    return DisclosureRequest.objects.get(pk=request.pk)


def test_a_leader_refuses_a_proposed_extension_with_a_reason(desk, proposed, leader):
    due_before = proposed.due_date
    desk.login(leader)
    html = desk.detail(proposed).content.decode()
    assert 'data-desk-action="reject_extension"' in html and "10" in html and REASON in html

    response = desk.act(proposed, "reject_extension", reason="  ")
    assert response.status_code == 400 and form_errors(response)
    with pytest.raises(transitions.TransitionRefused) as refusal:
        transitions.reject_extension(proposed, leader, reason="  ")
    assert refusal.value.field == "reason"
    assert DisclosureRequest.objects.get(pk=proposed.pk).proposed_extension_working_days == 10

    response = desk.act(proposed, "reject_extension", reason="档案就在本局，无需延期。")
    assert response.status_code == 302
    request = DisclosureRequest.objects.get(pk=proposed.pk)
    assert request.proposed_extension_working_days == 0 and request.extension_working_days == 0
    assert request.due_date == due_before
    event = request.events.filter(kind=EventKind.EXTENSION_REJECTED).get()
    assert event.actor == leader and event.note == "档案就在本局，无需延期。" and event.data == {"days": 10}
    html = desk.detail(request).content.decode()
    assert 'data-event="extension_rejected"' in html
    assert 'data-desk-action="reject_extension"' not in html


def test_only_an_approver_refuses_and_only_a_proposal(desk, agency, proposed, handler, leader, today):
    desk.login(handler)
    assert 'data-desk-action="reject_extension"' not in desk.detail(proposed).content.decode()
    assert refused(desk.act(proposed, "reject_extension", reason="不同意。"))
    with pytest.raises(transitions.TransitionRefused):
        transitions.reject_extension(proposed, handler, reason="不同意。")
    assert DisclosureRequest.objects.get(pk=proposed.pk).proposed_extension_working_days == 10

    nothing_proposed = registered(agency, handler, today)
    desk.login(leader)
    assert 'data-desk-action="reject_extension"' not in desk.detail(nothing_proposed).content.decode()
    with pytest.raises(transitions.TransitionRefused):
        transitions.reject_extension(nothing_proposed, leader, reason="不同意。")


def test_after_a_refusal_the_handler_may_propose_again(proposed, handler, leader):
    transitions.reject_extension(proposed, leader, reason="理由不充分。")
    transitions.propose_extension(proposed, handler, days=5, reason="需要征求上级意见。")
    assert DisclosureRequest.objects.get(pk=proposed.pk).proposed_extension_working_days == 5


def extension_rows(html):
    return [int(pk) for pk in re.findall(r'<tr data-extension="(\d+)">', html)]


def test_the_dashboard_lists_proposals_for_those_who_approve(desk, agency, other_agency, proposed, handler, leader):
    other_handler = handler_of(other_agency)
    elsewhere = registered(other_agency, other_handler, proposed.received_on)
    transitions.propose_extension(elsewhere, other_handler, days=5, reason=REASON)
    html = desk.login(leader).client.get("/admin/").content.decode()
    assert re.search(r'data-panel-section="extensions">.*?<span data-count>1</span>', html, re.S)
    assert extension_rows(html) == [proposed.pk]

    html = desk.login(handler).client.get("/admin/").content.decode()
    assert 'data-panel-section="extensions"' not in html


def test_the_queue_filters_the_proposals(desk, agency, proposed, handler, leader, today):
    other = registered(agency, handler, today)
    desk.login(leader)
    assert desk.queue_pks(extension="proposed") == [proposed.pk]
    assert set(desk.queue_pks()) >= {proposed.pk, other.pk}


def test_a_proposal_is_mailed_to_the_agencys_leaders(
    agency, other_agency, handler, leader, today, mailoutbox, django_capture_on_commit_callbacks
):
    leader.email = "leader@example.gov.cn"
    leader.save()
    leader_of(agency, "leader-without-mail")
    other_leader = leader_of(other_agency)
    other_leader.email = "other@example.gov.cn"
    other_leader.save()
    request = registered(agency, handler, today)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        transitions.propose_extension(request, handler, days=10, reason=REASON)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["leader@example.gov.cn"]
    assert request.number in mail.subject
    assert REASON in mail.body and reverse("disclosure_requests:detail", args=[request.pk]) in mail.body
    assert request.applicant_name not in mail.body and request.phone not in mail.body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        transitions.note(request, handler, text="电话联系了申请人。")
    assert mailoutbox == []
