"""Personal data goes REQUEST_RETENTION_YEARS after archiving; what the annual report counts stays."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from disclosure.models import AppealCase, DisclosureRequest, IdentityProof, Notice, ReleasedFile
from disclosure.requests import intake, transitions
from disclosure.requests.choices import AppealKind, AppealResult, EventKind, Outcome, RequestState
from disclosure.requests.retention import DELETED, purge_expired_personal_data
from disclosure.tasks import purge_request_personal_data
from tests.requests.helpers import VALID_ID, application_data, handler_of

pytestmark = pytest.mark.django_db

PERSONAL = {
    "applicant_name": "司马青溪",
    "legal_representative": "诸葛代表",
    "contact_person": "欧阳联系",
    "phone": "13912345678",
    "email": "sima@example.com",
    "address": "青溪县梧桐巷88号",
    "postcode": "323301",
}


def archived_request(agency, handler, **overrides):
    """A request decided, delivered and archived today, with a proof, a sent notice and a released file."""
    today = timezone.localdate()
    data = application_data(
        **PERSONAL,
        description="申请公开梧桐巷88号房屋征收补偿协议，联系人司马青溪，电话13912345678。",
        fee_waiver_reason="家庭困难",
        **overrides,
    )
    request = intake.register(agency, handler, data, channel="letter", received_on=today, id_number=VALID_ID).request
    IdentityProof.objects.create(
        request=request, token=b"encrypted", filename="id.jpg", content_type="image/jpeg", size=9
    )
    ReleasedFile.objects.create(
        request=request,
        title="司马青溪房屋征收补偿协议",
        original=b"%PDF original naming the applicant",
        original_name="司马青溪补偿协议.pdf",
        content_type="application/pdf",
    )
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, decided_on=today)
    transitions.deliver(request, handler, method="post", delivered_on=today, proof="EMS 1234567890")
    transitions.archive(request, handler)
    Notice.objects.create(
        request=request,
        kind="reply_disclosed",
        number="县教育局公复〔2026〕99号",
        title="政府信息公开申请答复书",
        body=f"司马青溪（身份证号 {VALID_ID}，电话 13912345678）：你于某日提出的申请收悉。经审查，予以公开。",
        recipient="司马青溪",
        pdf="%PDF 司马青溪".encode(),
        docx=b"PK docx",
        sent_at=timezone.now(),
    )
    return DisclosureRequest.objects.get(pk=request.pk)


def later(years, days=1):
    today = timezone.localdate()
    return today.replace(year=today.year + years) + datetime.timedelta(days=days)


def test_personal_data_goes_after_the_retention_period_and_the_statistics_stay(agency):
    handler = handler_of(agency)
    request = archived_request(agency, handler)
    counted = {
        name: getattr(request, name)
        for name in ("number", "applicant_type", "channel", "received_on", "due_date", "decided_on", "outcome", "state")
    }

    assert purge_expired_personal_data(today=later(5, days=0)) == 0  # the last day of the period
    assert purge_expired_personal_data(today=later(5)) == 1

    request.refresh_from_db()
    assert request.applicant_name == DELETED
    assert request.id_number_token is None
    for name in ("id_number_masked", "applicant_fingerprint", "phone", "email", "address", "postcode"):
        assert getattr(request, name) == "", name
    assert request.legal_representative == request.contact_person == request.fee_waiver_reason == ""
    assert request.delivery_proof == ""
    assert "司马青溪" not in request.description and "13912345678" not in request.description
    assert "房屋征收补偿协议" in request.description
    assert request.personal_data_purged_at is not None
    assert {name: getattr(request, name) for name in counted} == counted
    assert not IdentityProof.objects.filter(request=request).exists()
    assert request.events.filter(kind=EventKind.PERSONAL_DATA_PURGED).count() == 1

    # Every notice (the desk's own receipt and reply, and the one written above) keeps its number and text,
    # without the applicant.
    notices = list(request.notices.all())
    assert len(notices) >= 3
    for notice in notices:
        assert "司马青溪" not in notice.body + notice.recipient and VALID_ID not in notice.body
        assert "13912345678" not in notice.body
        assert bytes(notice.pdf) == b"" and bytes(notice.docx) == b""
    written = request.notices.get(number="县教育局公复〔2026〕99号")
    assert "予以公开" in written.body

    released = request.released_files.get()
    assert bytes(released.original) == b"" and released.redacted is None
    assert "司马青溪" not in released.title + released.original_name

    # Nothing is purged twice.
    assert purge_expired_personal_data(today=later(6)) == 0


def test_a_pending_appeal_keeps_the_file_until_it_is_concluded(agency):
    handler = handler_of(agency)
    request = archived_request(agency, handler)
    appeal = AppealCase.objects.create(
        agency=agency,
        kind=AppealKind.LAWSUIT_DIRECT,
        case_number="（2026）浙0000行初1号",
        body="县人民法院",
        filed_on=timezone.localdate(),
    )
    appeal.requests.add(request)
    assert purge_expired_personal_data(today=later(6)) == 0
    appeal.result = AppealResult.UPHELD
    appeal.save()
    assert purge_expired_personal_data(today=later(6)) == 1


def test_open_and_decided_requests_are_kept_and_discarded_submissions_go(agency):
    handler = handler_of(agency)
    open_request = intake.register(
        agency, handler, application_data(**PERSONAL), channel="letter", received_on=timezone.localdate()
    ).request
    spam = intake.submit_online(agency, application_data(**PERSONAL), id_number=VALID_ID).request
    transitions.discard(spam, handler, note="测试提交")

    assert purge_expired_personal_data(today=later(5)) == 1
    open_request.refresh_from_db()
    spam.refresh_from_db()
    assert open_request.applicant_name == "司马青溪" and open_request.personal_data_purged_at is None
    assert spam.applicant_name == DELETED and spam.state == RequestState.DISCARDED


def test_the_task_runs_daily(agency):
    schedule = settings.CELERY_BEAT_SCHEDULE["purge-request-personal-data"]
    assert schedule["task"] == "disclosure.tasks.purge_request_personal_data"
    assert purge_request_personal_data() == 0  # nothing has expired today
