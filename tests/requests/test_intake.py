"""Applications enter the desk numbered, with a secret 查询码, and with identity data encrypted."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from disclosure.requests import encryption, identity, intake, query_codes, transitions
from disclosure.requests.choices import EventKind, IdentityDocument, IntakeChannel, RequestState
from disclosure.requests.models import DisclosureRequest

from .helpers import VALID_ID, application_data, day, handler_of, registered

pytestmark = pytest.mark.django_db


def test_an_online_application_gets_a_sequential_number_and_a_strong_code(agency):
    first = intake.submit_online(agency, application_data(), id_number=VALID_ID)
    second = intake.submit_online(agency, application_data(), id_number=VALID_ID)
    year = first.request.submitted_at.year
    short = agency.short_name
    assert first.request.number == f"{short}依申〔{year}〕1号"
    assert second.request.number == f"{short}依申〔{year}〕2号"
    assert first.request.state == RequestState.SUBMITTED
    assert first.request.received_on is None  # Art 31: not received until confirmed to the applicant
    assert len(first.query_code) == 12 and first.query_code != second.query_code
    assert set(first.query_code) <= set(query_codes.ALPHABET)
    assert query_codes.matches(first.query_code_display.lower(), first.request.query_code_digest)
    assert not query_codes.matches(second.query_code, first.request.query_code_digest)
    assert first.query_code not in first.request.query_code_digest


def test_numbers_are_per_agency(agency, other_agency):
    ours = intake.submit_online(agency, application_data()).request
    theirs = intake.submit_online(other_agency, application_data()).request
    assert ours.number.endswith(f"〔{ours.submitted_at.year}〕1号")
    assert theirs.number.endswith(f"〔{theirs.submitted_at.year}〕1号")


def test_identity_numbers_are_stored_encrypted_and_shown_masked(agency):
    request = intake.submit_online(agency, application_data(), id_number=VALID_ID).request
    assert request.id_number_masked == "1101**********002X"
    assert encryption.decrypt_text(request.id_number_token) == VALID_ID
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM disclosure_disclosurerequest WHERE id = %s", [request.pk])
        row = cursor.fetchone()
    assert not any(
        VALID_ID in (bytes(value).decode("latin-1") if isinstance(value, (bytes, memoryview)) else str(value))
        for value in row
    )


@pytest.mark.parametrize(
    "kind,number,code",
    [
        (IdentityDocument.RESIDENT_ID, "110105194912310021", "checksum"),
        (IdentityDocument.RESIDENT_ID, "1101051949123100", "length"),
        (IdentityDocument.RESIDENT_ID, "110105194913310021", "component"),
        (IdentityDocument.CREDIT_CODE, "91110000600037341A", "checksum"),
    ],
)
def test_identity_checksums_are_checked(kind, number, code):
    with pytest.raises(ValidationError) as refused:
        identity.validate_identity_number(kind, number)
    assert refused.value.code == code


def test_valid_numbers_are_normalised():
    assert identity.validate_identity_number(IdentityDocument.RESIDENT_ID, "110105 19491231 002x") == VALID_ID
    assert identity.validate_identity_number(IdentityDocument.CREDIT_CODE, "91110000600037341L") == "91110000600037341L"


def test_staff_registration_starts_the_clock_on_the_channels_receipt_date(agency):
    handler = handler_of(agency)
    request = registered(agency, handler, day("2025-03-03"), channel=IntakeChannel.LETTER)
    assert request.state == RequestState.RECEIVED and request.channel == IntakeChannel.LETTER
    assert request.received_on == day("2025-03-03") and request.due_date is not None
    assert request.events.first().kind == EventKind.REGISTERED


def test_only_the_agencys_handlers_register_and_confirm(agency, other_agency):
    stranger = handler_of(other_agency)
    with pytest.raises(PermissionDenied):
        registered(agency, stranger, day("2025-03-03"))
    request = intake.submit_online(agency, application_data()).request
    with pytest.raises(PermissionDenied):
        transitions.confirm_receipt(request, stranger)
    transitions.confirm_receipt(request, handler_of(agency))
    request.refresh_from_db()
    assert request.state == RequestState.RECEIVED and request.received_on is not None


def test_a_transfer_closes_as_not_held_and_opens_at_the_other_agency_with_the_same_code(agency, other_agency):
    receipt = intake.submit_online(agency, application_data())
    handler = handler_of(agency)
    transitions.confirm_receipt(receipt.request, handler)
    moved = intake.transfer(receipt.request, handler, to_agency=other_agency).request
    original = DisclosureRequest.objects.get(pk=receipt.request.pk)
    assert original.state == RequestState.DECIDED and original.outcome == "unavailable.not_held"
    assert moved.agency_id == other_agency.pk and moved.state == RequestState.SUBMITTED
    assert moved.transferred_from_id == original.pk
    assert query_codes.matches(receipt.query_code, moved.query_code_digest)


def test_a_code_copied_down_with_a_look_alike_still_matches(agency):
    receipt = intake.submit_online(agency, application_data())
    assert not set("SZOIL01UV") & set(receipt.query_code)
    copied = receipt.query_code.replace("5", "S").replace("2", "Z")
    assert query_codes.matches(copied, receipt.request.query_code_digest)


def test_a_credit_code_with_letters_it_never_uses_says_so():
    with pytest.raises(ValidationError) as refused:
        identity.validate_identity_number(IdentityDocument.CREDIT_CODE, "9111000060003734O1")
    assert refused.value.code == "format"


def test_a_partial_disclosure_must_say_why(agency):
    from disclosure.requests.models import ReleasedFile

    handler = handler_of(agency)
    request = registered(agency, handler, day("2025-09-26"))
    ReleasedFile.objects.create(
        request=request,
        title="招标文件",
        original=b"%PDF",
        original_name="a.pdf",
        content_type="application/pdf",
        redactions=[{"page": 0, "rect": [0, 0, 10, 10], "reason": "third_party"}],
        redacted=b"%PDF redacted",
    )
    with pytest.raises(transitions.TransitionRefused) as refused:
        transitions.decide(request, handler, outcome="partly_disclosed")
    assert refused.value.field == "legal_basis"
