"""Every transition through the desk: who may make it, what it changes and logs, and how a refusal reads
(on the form, with what was typed, 400 and no change)."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from disclosure.agencies.models import AgencyRole
from disclosure.requests import transitions
from disclosure.requests.admin.actions import BY_NAME
from disclosure.requests.choices import DeliveryMethod, EventKind, Outcome, RequestState
from disclosure.requests.models import DisclosureRequest
from tests.factories import make_user

from .desk import form_errors, refused, submitted
from .helpers import handler_of, leader_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]
S = RequestState
FEES = override_settings(GONGKAI_DISCLOSURE={"REQUEST_FEES_ENABLED": True})


def valid_data(action, request, other_agency):
    """Form data each action would accept (so a refusal can only be about who posts it)."""
    today = timezone.localdate()
    return {
        "confirm_receipt": {},
        "discard": {"note": "测试提交"},
        "assign": {"handler": request.handler_id},
        "start": {},
        "request_supplement": {"what": "请写明文号。", "applicant_due": today + datetime.timedelta(days=10)},
        "receive_supplement": {},
        "consult_third_party": {"party": "某建设公司"},
        "consult_agency": {"party": "县住建局"},
        "request_reasons": {"what": "请说明申请数量较大的理由。"},
        "resume": {},
        "propose_extension": {"days": 10, "reason": "需要调取档案。"},
        "approve_extension": {"days": 10, "reason": "需要调取档案。"},
        "reject_extension": {"reason": "档案就在本局，无需延期。"},
        "notify_fee": {"method": "per_application", "amount": "100.00", "note": "申请数量明显超过合理范围。"},
        "record_payment": {},
        "decide": {"outcome": Outcome.DISCLOSED, "already_public_at": "县政府网站"},
        "deliver": {"method": DeliveryMethod.EMAIL},
        "archive": {},
        "note": {"text": "电话联系了申请人。"},
        "transfer": {"to_agency": other_agency},
        "propose_proactive": {},
    }[action]


def snapshot(request):
    request = DisclosureRequest.objects.get(pk=request.pk)
    return request.state, request.events.count(), request.extension_working_days, request.handler_id


def message(msgid, **params):
    with translation.override("zh-hans"):
        text = gettext(msgid)
    return text % params if params else text


# Who may act ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", sorted(BY_NAME))
def test_strangers_cannot_act_on_a_request(desk, agency, other_agency, handler, today, action):
    request = registered(agency, handler, today)
    data = valid_data(action, request, other_agency)
    before = snapshot(request)
    with FEES:
        desk.login(handler_of(other_agency))
        assert desk.act(request, action, **data).status_code == 404
        desk.login(make_user(f"editor-{action}", agency, AgencyRole.EDITOR))
        assert desk.act(request, action, **data).status_code == 404
        desk.logout()
        response = desk.act(request, action, **data)
        assert response.status_code == 302 and "login" in response.url
    assert snapshot(request) == before


@pytest.mark.parametrize("action", sorted(set(BY_NAME) - {"approve_extension", "reject_extension"}))
def test_a_leader_reads_but_does_not_handle(desk, agency, other_agency, handler, today, action):
    request = registered(agency, handler, today)
    before = snapshot(request)
    with FEES:
        response = desk.login(leader_of(agency)).act(request, action, **valid_data(action, request, other_agency))
    assert refused(response)
    assert snapshot(request) == before


def test_a_handler_without_the_permission_cannot_extend_and_a_leader_can(desk, agency, handler, today):
    request = registered(agency, handler, today)
    transitions.propose_extension(request, handler, days=10, reason="需要调取档案。")
    desk.login(handler)
    assert 'data-desk-action="approve_extension"' not in desk.detail(request).content.decode()
    assert refused(desk.act(request, "approve_extension", days=10, reason="需要调取档案。"))
    request.refresh_from_db()
    assert request.extension_working_days == 0
    due_before = request.due_date

    leader = leader_of(agency)
    desk.login(leader)
    html = desk.detail(request).content.decode()
    assert 'data-desk-action="approve_extension"' in html and 'data-desk-action="decide"' not in html
    response = desk.act(request, "approve_extension", days=10, reason="需要调取档案。")
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.extension_working_days == 10 and request.extension_approved_by == leader
    assert request.due_date > due_before
    assert (
        request.events.exclude(kind=EventKind.NOTICE_SENT).last().kind == EventKind.EXTENDED
        and request.events.exclude(kind=EventKind.NOTICE_SENT).last().actor == leader
    )


def test_fee_actions_are_offered_only_when_fees_are_enabled(desk, agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    assert 'data-desk-action="notify_fee"' not in desk.detail(request).content.decode()
    response = desk.act(request, "notify_fee", method="per_application", amount="100.00")
    assert response.status_code == 400
    assert message("Fees are not enabled on this site: disclosure is free of charge.") in form_errors(response)
    assert DisclosureRequest.objects.get(pk=request.pk).state == S.RECEIVED
    with FEES:
        assert 'data-desk-action="notify_fee"' in desk.detail(request).content.decode()


# Each action changes the state and logs an event --------------------------------------------------------


def test_a_request_walks_through_every_action_of_the_desk(desk, agency, other_agency, handler, today):
    colleague, leader = handler_of(agency), leader_of(agency)
    request = submitted(agency)

    def step(actor, action, state, event, **data):
        desk.login(actor)
        assert f'data-desk-action="{action}"' in desk.detail(request).content.decode(), action
        response = desk.act(request, action, **data)
        assert response.status_code == 302, (action, form_errors(response))
        current = DisclosureRequest.objects.get(pk=request.pk)
        assert current.state == state, action
        last = current.events.exclude(kind=EventKind.NOTICE_SENT).last()
        assert (last.kind, last.actor) == (event, actor), action
        return current

    step(handler, "confirm_receipt", S.RECEIVED, EventKind.RECEIVED, received_on=today)
    assert step(handler, "assign", S.RECEIVED, EventKind.ASSIGNED, handler=colleague).handler == colleague
    step(colleague, "start", S.IN_PROGRESS, EventKind.STARTED, note="开始办理")
    supplement_due = today + datetime.timedelta(days=10)
    current = step(
        colleague,
        "request_supplement",
        S.AWAITING_SUPPLEMENT,
        EventKind.SUPPLEMENT_REQUESTED,
        what="请写明文号。",
        applicant_due=supplement_due,
    )
    assert current.applicant_due == supplement_due
    step(colleague, "receive_supplement", S.IN_PROGRESS, EventKind.SUPPLEMENT_RECEIVED, received_on=today)
    step(colleague, "consult_third_party", S.CONSULTING_THIRD_PARTY, EventKind.PAUSED, party="某建设公司")
    assert current.pauses.get().reply_due
    step(colleague, "resume", S.IN_PROGRESS, EventKind.RESUMED)
    step(colleague, "consult_agency", S.CONSULTING_AGENCY, EventKind.PAUSED, party="县住建局")
    step(colleague, "resume", S.IN_PROGRESS, EventKind.RESUMED)
    step(colleague, "request_reasons", S.AWAITING_REASONS, EventKind.REASONS_REQUESTED, what="请说明理由。")
    step(colleague, "resume", S.IN_PROGRESS, EventKind.REASONS_RECEIVED)
    step(colleague, "propose_extension", S.IN_PROGRESS, EventKind.EXTENSION_PROPOSED, days=5, reason="档案在外地。")
    step(leader, "approve_extension", S.IN_PROGRESS, EventKind.EXTENDED, days=5, reason="档案在外地。")
    step(colleague, "note", S.IN_PROGRESS, EventKind.NOTE, text="电话联系了申请人。")
    current = step(
        colleague,
        "decide",
        S.DECIDED,
        EventKind.DECIDED,
        outcome=Outcome.DISCLOSED,
        already_public_at="县政府网站/信息公开/2025",
        decided_on=today,
    )
    assert (current.outcome, current.decided_on) == (Outcome.DISCLOSED, today)
    current = step(colleague, "deliver", S.DELIVERED, EventKind.DELIVERED, method=DeliveryMethod.EMAIL, proof="已发送")
    assert (current.delivery_method, current.delivery_proof) == (DeliveryMethod.EMAIL, "已发送")
    step(colleague, "archive", S.ARCHIVED, EventKind.ARCHIVED)
    desk.login(colleague)
    assert not re.findall(r'data-desk-action="(?!note|propose_proactive)\w+"', desk.detail(request).content.decode())


def test_a_submission_that_is_no_application_is_discarded(desk, agency, handler):
    request = submitted(agency)
    desk.login(handler)
    assert desk.act(request, "discard", note="").status_code == 400
    assert desk.act(request, "discard", note="广告信息").status_code == 302
    request.refresh_from_db()
    assert request.state == S.DISCARDED and request.events.exclude(kind=EventKind.NOTICE_SENT).last().note == "广告信息"


def test_a_fee_is_notified_and_paid(desk, agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    with FEES:
        assert desk.act(request, "notify_fee", method="per_page", pages=20).status_code == 400
        assert desk.act(request, "notify_fee", method="per_page", pages=42).status_code == 302
        request.refresh_from_db()
        assert (request.state, str(request.fee_amount)) == (S.AWAITING_FEE, "120.00")
        assert desk.act(request, "record_payment", paid_on=today).status_code == 302
        assert desk.act(request, "notify_fee", method="per_page", pages=42, amount="120.50").status_code == 400
        assert (
            desk.act(request, "notify_fee", method="per_page", pages=42, amount="120.50", note="另计邮寄。").status_code
            == 302
        )
        request.refresh_from_db()
        assert (request.state, str(request.fee_amount)) == (S.AWAITING_FEE, "120.50")
        assert desk.act(request, "record_payment", paid_on=today).status_code == 302
    request.refresh_from_db()
    assert (request.state, request.fee_paid_on) == (S.IN_PROGRESS, today)
    assert request.events.exclude(kind=EventKind.NOTICE_SENT).last().kind == EventKind.FEE_PAID


def test_a_request_is_transferred_to_the_agency_that_holds_the_information(desk, agency, other_agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    assert desk.act(request, "transfer", to_agency=agency).status_code == 400
    assert desk.act(request, "transfer", to_agency=other_agency, note="属县卫健局职责").status_code == 302
    request.refresh_from_db()
    assert (request.state, request.outcome) == (S.DECIDED, Outcome.NOT_HELD)
    copy = DisclosureRequest.objects.get(transferred_from=request)
    assert (copy.agency_id, copy.state) == (other_agency.pk, S.SUBMITTED)
    assert desk.detail(copy).status_code == 404
    assert desk.login(handler_of(other_agency)).detail(copy).status_code == 200


# Refusals: the message on the form, what was typed kept, nothing changed ----------------------------------------


def test_a_second_supplement_is_refused_with_the_statutes_reason(desk, agency, handler, today):
    request = registered(agency, handler, today)
    due = today + datetime.timedelta(days=10)
    transitions.request_supplement(request, handler, what="请写明文号。", applicant_due=due)
    transitions.receive_supplement(request, handler)
    before = snapshot(request)
    response = desk.login(handler).act(request, "request_supplement", what="再补充一次：年份", applicant_due=due)
    assert response.status_code == 400
    assert message("A supplement can be requested only once (Art 30).") in form_errors(response)
    assert "再补充一次：年份" in response.content.decode()
    assert snapshot(request) == before


def test_a_refusal_naming_a_field_is_shown_on_that_field(desk, agency, handler, today):
    request = registered(agency, handler, today)
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    response = desk.login(handler).act(
        request,
        "deliver",
        method=DeliveryMethod.POST,
        delivered_on=today - datetime.timedelta(days=3),
        proof="EMS1234567890",
    )
    assert response.status_code == 400
    html = response.content.decode()
    field = re.search(r'<div class="w-field[^"]*w-field--error[^"]*".*?</div>\s*</div>', html, re.S).group()
    assert "deliver-delivered_on" in field
    assert message("Delivery cannot be dated before the decision.") in form_errors(response)
    assert "EMS1234567890" in html
    assert DisclosureRequest.objects.get(pk=request.pk).state == S.DECIDED


def test_partial_disclosure_without_a_redacted_file_is_refused_and_the_basis_typed_is_kept(
    desk, agency, handler, today
):
    request = registered(agency, handler, today)
    before = snapshot(request)
    response = desk.login(handler).act(
        request, "decide", outcome=Outcome.PARTLY_DISCLOSED, legal_basis="《条例》第三十七条：涉及个人隐私部分不予公开"
    )
    assert response.status_code == 400
    assert message(
        "Partial disclosure needs at least one released file with its withheld parts redacted."
    ) in form_errors(response)
    assert "《条例》第三十七条：涉及个人隐私部分不予公开" in response.content.decode()
    assert 'id="action-decide" open' in response.content.decode()
    assert snapshot(request) == before


def test_an_invalid_form_and_an_unknown_action_are_client_errors(desk, agency, other_agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    assert desk.act(request, "assign", handler=handler_of(other_agency)).status_code == 400
    assert desk.act(request, "decide", outcome="free text").status_code == 400
    assert desk.act(request, "propose_extension", days=99, reason="太久").status_code == 400
    assert desk.act(request, "launch_rocket").status_code == 404
    assert snapshot(request)[0] == S.RECEIVED
