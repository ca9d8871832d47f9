"""The applicant's optional e-mail on a change of state: short, after the commit, never the 查询码 or personal data."""

import pytest
from django.core import mail

from disclosure.requests import intake, transitions

from .helpers import VALID_ID, application_data, day, handler_of, leader_of
from .public_site import make_form_page, scan

pytestmark = pytest.mark.django_db

PERSONAL = {"applicant_name": "令狐冲甲乙", "phone": "13987654321", "address": "青溪县独一无二路987号"}


def apply(agency, **overrides):
    data = application_data(**PERSONAL, email="applicant@example.com", notify_by_email=True)
    data.update(overrides)
    return intake.submit_online(agency, data, id_number=VALID_ID, proof=scan())


def test_each_change_of_state_is_mailed_after_the_commit_without_code_or_personal_data(
    agency, django_capture_on_commit_callbacks
):
    page = make_form_page(agency)
    handler = handler_of(agency)
    with django_capture_on_commit_callbacks(execute=True):
        receipt = apply(agency)
    assert mail.outbox == []  # the receipt page said it all
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        transitions.confirm_receipt(receipt.request, handler, received_on=day("2025-09-26"))
        assert mail.outbox == []  # not before the commit
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    request = receipt.request
    request.refresh_from_db()
    assert message.to == ["applicant@example.com"]
    text = message.subject + message.body
    assert request.number in text
    assert "已登记" in text  # the new state
    assert f"{request.due_date:%Y-%m-%d}" in text
    # The number's 〔〕 are encoded, so mail programs do not cut the link there.
    assert f"http://localhost{page.url}status/?number=%E5%8E%BF" in text and "〔" not in text.split("http")[-1]
    for secret in (receipt.query_code, receipt.query_code_display, VALID_ID, *PERSONAL.values()):
        assert secret not in text


def test_an_extension_is_mailed_a_note_is_not(agency, django_capture_on_commit_callbacks):
    make_form_page(agency)
    handler = handler_of(agency)
    receipt = apply(agency)
    transitions.confirm_receipt(receipt.request, handler, received_on=day("2025-09-26"))
    with django_capture_on_commit_callbacks(execute=True):
        transitions.note(receipt.request, handler, text="内部备注")
    assert mail.outbox == []
    transitions.propose_extension(receipt.request, handler, days=5, reason="需调取档案。")
    with django_capture_on_commit_callbacks(execute=True):
        transitions.approve_extension(receipt.request, leader_of(agency))
    assert len(mail.outbox) == 1


def test_no_mail_without_the_box_ticked(agency, django_capture_on_commit_callbacks):
    handler = handler_of(agency)
    receipt = apply(agency, notify_by_email=False)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.confirm_receipt(receipt.request, handler, received_on=day("2025-09-26"))
    assert mail.outbox == []


def test_a_refused_transition_sends_nothing(agency, django_capture_on_commit_callbacks):
    handler = handler_of(agency)
    receipt = apply(agency)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(transitions.TransitionRefused):
        transitions.start(receipt.request, handler)  # not yet received
    assert mail.outbox == []


def test_internal_steps_send_nothing_and_a_supplement_says_what_and_by_when(agency, django_capture_on_commit_callbacks):
    make_form_page(agency)
    handler = handler_of(agency)
    receipt = apply(agency)
    transitions.confirm_receipt(receipt.request, handler)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.start(receipt.request, handler)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        transitions.request_supplement(receipt.request, handler, what="请写明所需文件的文号。")
    (message,) = mail.outbox
    request = receipt.request
    request.refresh_from_db()
    assert "请写明所需文件的文号。" in message.body
    assert f"{request.applicant_due:%Y-%m-%d}" in message.body
    assert "重新" in message.body  # the reply period starts again from the supplement
