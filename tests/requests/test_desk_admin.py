"""The handlers' desk in the admin, as its users meet it: the queue, a request's page, personal data,
registration by staff, released files, the appeal register, the notice templates and the dashboard."""

import datetime
import io
import re

import pypdfium2 as pdfium
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from disclosure.agencies.models import AgencyRole
from disclosure.requests import intake, query_codes, transitions
from disclosure.requests.choices import (
    AppealKind,
    AppealResult,
    EventKind,
    IntakeChannel,
    NoticeKind,
    Outcome,
    RequestState,
)
from disclosure.requests.models import AppealCase, DisclosureRequest, NoticeTemplate, PersonalDataView, ReleasedFile
from tests.factories import make_user

from .desk import form_errors, refused, registration_data, submitted
from .helpers import VALID_ID, application_data, day, handler_of, leader_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser("root", "root@example.com", "pw")


def overdue(agency, handler):
    """Received in early September: its 20 working days ended long ago."""
    return registered(agency, handler, day("2026-09-01"))


def paused(agency, handler):
    """Waiting for a third party since September, its stored due date long past (it is recomputed
    only when something happens): lawful, so never overdue."""
    request = registered(agency, handler, day("2026-09-01"))
    transitions.start(request, handler)
    transitions.consult_third_party(request, handler, party="某建设公司", started_on=day("2026-09-10"))
    DisclosureRequest.objects.filter(pk=request.pk).update(due_date=day("2026-10-20"))
    return DisclosureRequest.objects.get(pk=request.pk)


def due_on(agency, handler, due, **overrides):
    request = registered(agency, handler, timezone.localdate(), **overrides)
    DisclosureRequest.objects.filter(pk=request.pk).update(due_date=due)
    return DisclosureRequest.objects.get(pk=request.pk)


def due_statuses(response):
    """{request pk: the due status shown in its queue row}."""
    html = response.content.decode()
    rows = re.findall(r'href="/admin/requests/(\d+)/".*?<td\s+data-due-status="(\w+)"', html, re.S)
    return {int(pk): status for pk, status in rows}


# The queue ---------------------------------------------------------------------------------------


def test_the_queue_lists_only_the_requests_of_the_users_agencies(desk, agency, other_agency, handler, root, today):
    own = registered(agency, handler, today)
    theirs = registered(other_agency, handler_of(other_agency), today)
    assert desk.login(handler).queue_pks() == [own.pk]
    assert desk.login(leader_of(agency)).queue_pks() == [own.pk]
    assert set(desk.login(root).queue_pks()) == {own.pk, theirs.pk}


def test_staff_without_a_request_role_see_neither_the_queue_nor_a_request(desk, agency, handler, today):
    own = registered(agency, handler, today)
    desk.login(make_user("editor", agency, AgencyRole.EDITOR))
    assert refused(desk.queue())
    assert desk.detail(own).status_code == 404
    response = desk.client.get("/admin/")
    assert "gongkai-request-desk" not in response.content.decode()


def test_another_agencys_request_is_not_found_at_its_address(desk, agency, other_agency, handler):
    theirs = overdue(other_agency, handler_of(other_agency))
    desk.login(handler)
    assert desk.detail(theirs).status_code == 404
    assert desk.act(theirs, "note", text="看看").status_code == 404
    for name in ("reveal_id_number", "identity_proof"):
        url = reverse(f"disclosure_requests:{name}", args=[theirs.pk])
        assert desk.client.post(url).status_code == 404
    assert not theirs.events.filter(kind=EventKind.NOTE).exists()
    assert not PersonalDataView.objects.exists()


def test_no_generic_view_shows_a_request_by_its_id(desk, agency, other_agency, handler):
    theirs = overdue(other_agency, handler_of(other_agency))
    desk.login(handler)
    for view in ("edit", "delete", "history", "usage"):
        assert desk.client.get(f"/admin/requests/{view}/{theirs.pk}/").status_code == 404
    assert theirs.number not in desk.client.get(f"/admin/requests/{theirs.pk}/").content.decode()


def test_the_menu_shows_the_desk_to_its_users_only(desk, agency, handler):
    html = desk.login(handler).client.get("/admin/").content.decode()
    assert "/admin/requests/" in html and "/admin/appeal_cases/" in html and "/admin/notice_templates/" in html
    html = desk.login(make_user("editor", agency, AgencyRole.EDITOR)).client.get("/admin/").content.decode()
    assert "/admin/requests/" not in html and "/admin/appeal_cases/" not in html


def test_open_requests_come_first_by_due_date_and_those_without_one_after(desk, agency, handler, today):
    fresh = registered(agency, handler, today)
    late = overdue(agency, handler)
    closed = overdue(agency, handler)
    transitions.decide(closed, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    unconfirmed = submitted(agency)
    desk.login(handler)
    assert desk.queue_pks() == [late.pk, fresh.pk, unconfirmed.pk, closed.pk]
    assert desk.queue_pks(ordering="-due_date") == [fresh.pk, late.pk, unconfirmed.pk, closed.pk]
    assert desk.queue_pks(ordering="received_on")[-1] == unconfirmed.pk


def test_a_lawful_pause_is_shown_as_paused_never_as_overdue(desk, agency, handler, today):
    late, waiting = overdue(agency, handler), paused(agency, handler)
    soon = due_on(agency, handler, today + datetime.timedelta(days=1))
    later = registered(agency, handler, today)
    assert waiting.due_date < today
    response = desk.login(handler).queue()
    assert due_statuses(response) == {
        late.pk: "overdue",
        waiting.pk: "paused",
        soon.pk: "at_risk",
        later.pk: "normal",
    }
    assert (
        "w-bg-critical-50" in re.search(rf"/admin/requests/{late.pk}/.*?</tr>", response.content.decode(), re.S).group()
    )
    paused_row = re.search(rf"/admin/requests/{waiting.pk}/.*?</tr>", response.content.decode(), re.S).group()
    assert "critical" not in paused_row


def test_the_queue_filters_by_due_status_in_the_database(desk, agency, handler, today):
    late, waiting = overdue(agency, handler), paused(agency, handler)
    soon = due_on(agency, handler, today + datetime.timedelta(days=1))
    this_week = due_on(agency, handler, today + datetime.timedelta(days=6 - today.weekday()))
    later = due_on(agency, handler, today + datetime.timedelta(days=40))
    desk.login(handler)
    assert desk.queue_pks(due="overdue") == [late.pk]
    assert desk.queue_pks(due="paused") == [waiting.pk]
    assert set(desk.queue_pks(due="this_week")) == {soon.pk, this_week.pk}
    assert soon.pk in desk.queue_pks(due="at_risk") and later.pk not in desk.queue_pks(due="at_risk")
    assert late.pk not in desk.queue_pks(due="at_risk")


def test_the_queue_filters_by_state_channel_handler_and_agency(desk, agency, other_agency, handler, today):
    colleague = handler_of(agency)
    letter = registered(agency, handler, today, channel=IntakeChannel.LETTER)
    by_colleague = registered(agency, colleague, today)
    waiting = paused(agency, handler)
    unconfirmed = submitted(agency)
    registered(other_agency, handler_of(other_agency), today, channel=IntakeChannel.LETTER)
    desk.login(handler)
    assert desk.queue_pks(state=RequestState.CONSULTING_THIRD_PARTY) == [waiting.pk]
    assert desk.queue_pks(state=RequestState.SUBMITTED) == [unconfirmed.pk]
    assert set(desk.queue_pks(state="open")) == {letter.pk, by_colleague.pk, waiting.pk, unconfirmed.pk}
    assert desk.queue_pks(channel=IntakeChannel.LETTER) == [letter.pk]
    assert desk.queue_pks(handler=colleague.pk) == [by_colleague.pk]
    assert desk.queue_pks(received_on_after=f"{today:%Y-%m-%d}") == [letter.pk, by_colleague.pk]
    assert len(desk.queue_pks(agency=agency.pk)) == 4
    # Another agency is not among the choices: the filter is refused and shows nothing of theirs.
    assert set(desk.queue_pks(agency=other_agency.pk)) <= {letter.pk, by_colleague.pk, waiting.pk, unconfirmed.pk}


def test_the_queue_finds_a_request_by_number_or_applicant(desk, agency, handler, today):
    zhang = registered(agency, handler, today)
    li = registered(agency, handler, today, applicant_name="李四")
    desk.login(handler)
    assert desk.queue_pks(q=zhang.number) == [zhang.pk]
    assert desk.queue_pks(q="李四") == [li.pk]
    assert reverse("disclosure_requests:add") in desk.queue().content.decode()
    assert reverse("disclosure_requests:add") not in desk.login(leader_of(agency)).queue().content.decode()


def test_the_queue_paginates(desk, agency, handler, today):
    for _ in range(52):
        registered(agency, handler, today)
    desk.login(handler)
    first, second = desk.queue_pks(), desk.queue_pks(p=2)
    assert len(first) == 50 and len(second) == 2 and not set(first) & set(second)


# A request's page ----------------------------------------------------------------------------------------


def test_the_request_page_shows_the_explained_due_date_the_pauses_and_the_history(desk, agency, handler):
    request = registered(agency, handler, day("2025-09-26"))
    transitions.start(request, handler, note="开始办理")
    transitions.consult_third_party(request, handler, party="某建设公司", started_on=day("2025-10-09"))
    html = desk.login(handler).detail(request).content.decode()
    request.refresh_from_db()
    assert request.due_explanation and request.due_explanation in html.replace("&#x27;", "'")
    assert 'data-due-status="paused"' in html
    assert "某建设公司" in html and "2025-10-09" in html
    history = re.search(r"<table class=\"listing\" data-history>.*?</table>", html, re.S).group()
    # registered, its 登记回执 sent, started, consultation (the letter to the third party is not sent yet)
    assert history.count("<tr data-event=") == 4 and "开始办理" in history and handler.get_username() in history


def test_a_clock_problem_is_shown_prominently(desk, agency, handler, today):
    request = registered(agency, handler, today)
    DisclosureRequest.objects.filter(pk=request.pk).update(
        due_date=None, clock_problem="工作日历缺少2027年的节假日安排。"
    )
    html = desk.login(handler).detail(request).content.decode()
    assert re.search(r"data-clock-problem>.*工作日历缺少2027年的节假日安排。", html, re.S)


def test_the_page_lists_notices_files_duplicates_and_appeals(desk, agency, handler, today):
    first = registered(agency, handler, today)
    second = registered(agency, handler, today)
    DisclosureRequest.objects.filter(pk=second.pk).update(duplicate_of=first)
    first.notices.create(kind=NoticeKind.RECEIPT, title="登记回执", number="回执1号", body="…", recipient="张三")
    ReleasedFile.objects.create(
        request=first, title="招标文件", original=b"x", original_name="a.pdf", content_type="application/pdf"
    )
    case = AppealCase.objects.create(
        agency=agency, kind=AppealKind.REVIEW, case_number="复字〔2026〕1号", body="县政府", filed_on=today
    )
    case.requests.add(first)
    html = desk.login(handler).detail(first).content.decode()
    assert "登记回执" in html and "回执1号" in html
    assert "招标文件" in html
    assert f"/admin/requests/{second.pk}/" in html
    assert "复字〔2026〕1号" in html


def test_notices_download_as_attachments(desk, agency, handler, today):
    request = registered(agency, handler, today)
    notice = request.notices.create(
        kind=NoticeKind.RECEIPT, title="登记回执", body="…", recipient="张三", pdf=b"%PDF-1.4 x", docx=b"PK docx"
    )
    desk.login(handler)
    response = desk.client.get(reverse("disclosure_requests:notice_download", args=[request.pk, notice.pk, "pdf"]))
    assert response.status_code == 200 and response.content == b"%PDF-1.4 x"
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    response = desk.client.get(reverse("disclosure_requests:notice_download", args=[request.pk, notice.pk, "exe"]))
    assert response.status_code == 404


# Personal data -----------------------------------------------------------------------------------------


def with_proof(agency, handler):
    return intake.register(
        agency,
        handler,
        application_data(),
        channel=IntakeChannel.IN_PERSON,
        received_on=timezone.localdate(),
        id_number=VALID_ID,
        proof=SimpleUploadedFile("身份证.png", PNG, content_type="image/png"),
    ).request


def test_lists_and_pages_show_the_masked_number_only(desk, agency, handler, today):
    request = with_proof(agency, handler)
    desk.login(handler)
    for response in (desk.queue(), desk.detail(request)):
        assert VALID_ID not in response.content.decode()
    assert "1101**********002X" in desk.detail(request).content.decode()
    assert not PersonalDataView.objects.exists()


def test_a_handler_reveals_the_identity_number_and_each_view_is_logged(desk, agency, handler):
    request = with_proof(agency, handler)
    desk.login(handler)
    url = reverse("disclosure_requests:reveal_id_number", args=[request.pk])
    for _ in range(2):
        response = desk.client.post(url)
        assert response.status_code == 200
        assert re.search(rf"data-revealed-id-number>{VALID_ID}<", response.content.decode())
        assert "no-store" in response["Cache-Control"]
    views = PersonalDataView.objects.filter(request=request, user=handler, item=PersonalDataView.Item.ID_NUMBER)
    assert views.count() == 2


def test_the_identity_proof_is_an_uncached_attachment_and_its_view_is_logged(desk, agency, handler):
    request = with_proof(agency, handler)
    response = desk.login(handler).client.get(reverse("disclosure_requests:identity_proof", args=[request.pk]))
    assert response.status_code == 200 and response.content == PNG
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    assert PersonalDataView.objects.get().item == PersonalDataView.Item.PROOF


def test_a_leader_reads_the_request_but_not_the_applicants_identity(desk, agency, handler):
    request = with_proof(agency, handler)
    desk.login(leader_of(agency))
    html = desk.detail(request).content.decode()
    assert "1101**********002X" in html and "identity-number/" not in html and "identity-proof/" not in html
    assert refused(desk.client.post(reverse("disclosure_requests:reveal_id_number", args=[request.pk])))
    assert refused(desk.client.get(reverse("disclosure_requests:identity_proof", args=[request.pk])))
    assert not PersonalDataView.objects.exists()


# Registration by staff --------------------------------------------------------------------------------------


def test_staff_registration_creates_a_received_request_with_the_clock_from_the_given_date(desk, agency, handler):
    desk.login(handler)
    response = desk.register(registration_data(agency, day("2025-09-26"), channel=IntakeChannel.LETTER))
    assert response.status_code == 200, form_errors(response)
    request = DisclosureRequest.objects.get()
    assert (request.state, request.channel, request.received_on) == (
        RequestState.RECEIVED,
        IntakeChannel.LETTER,
        day("2025-09-26"),
    )
    assert request.due_date == day("2025-10-30")
    assert request.events.first().kind == EventKind.REGISTERED
    html = response.content.decode()
    assert re.search(rf"data-application-number><strong>{re.escape(request.number)}<", html)
    code = re.search(r"data-query-code><strong>([A-Z0-9-]+)<", html).group(1)
    assert query_codes.matches(code, request.query_code_digest)
    assert "no-store" in response["Cache-Control"]
    # The 查询码 is shown once: the request's page never shows it again.
    assert code not in desk.detail(request).content.decode()


def test_a_wrong_identity_number_is_refused_and_nothing_typed_is_lost(desk, agency, handler, today):
    desk.login(handler)
    data = registration_data(agency, today, id_number="110105194912310021", applicant_name="李四五")
    response = desk.register(data)
    assert response.status_code == 400
    assert "李四五" in response.content.decode() and "110105194912310021" in response.content.decode()
    assert form_errors(response)
    assert not DisclosureRequest.objects.exists()


def test_registration_refuses_a_future_date_and_an_online_channel(desk, agency, handler, today):
    desk.login(handler)
    assert desk.register(registration_data(agency, today + datetime.timedelta(days=1))).status_code == 400
    assert desk.register(registration_data(agency, today, channel=IntakeChannel.ONLINE)).status_code == 400
    assert not DisclosureRequest.objects.exists()


def test_registration_is_for_handlers_of_the_chosen_agency(desk, agency, other_agency, handler, today):
    desk.login(handler)
    assert desk.register(registration_data(other_agency, today)).status_code == 400
    desk.login(leader_of(agency))
    assert refused(desk.client.get(reverse("disclosure_requests:add")))
    assert refused(desk.register(registration_data(agency, today)))
    assert not DisclosureRequest.objects.exists()


# Released files -----------------------------------------------------------------------------------------


def pdf_bytes(text="张三 13800000000"):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def upload(desk, request, name, content, title=""):
    url = reverse("disclosure_requests:file_upload", args=[request.pk])
    return desk.client.post(url, {"upload-title": title, "upload-file": SimpleUploadedFile(name, content)})


def test_files_are_checked_by_their_content(desk, agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    content = pdf_bytes()
    assert upload(desk, request, "招标文件.pdf", content, "招标文件").status_code == 302
    response = upload(desk, request, "伪装.pdf", b"MZ\x90\x00 not a pdf")
    assert response.status_code == 400 and form_errors(response)
    released = ReleasedFile.objects.get()
    assert (released.title, released.content_type, bytes(released.original)) == ("招标文件", "application/pdf", content)
    assert request.events.filter(kind=EventKind.NOTE).count() == 1


def two_lines_pdf():
    """One A4 page: a phone number on a line 100 pt from the top, an ordinary line far below it."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 841.89 - 100, "Applicant phone 13800000000")
    page.drawString(72, 400, "Road works schedule for 2025")
    page.save()
    return buffer.getvalue()


def extracted_text(content):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_an_area_marked_from_the_top_of_the_page_is_withheld_and_a_new_mark_needs_a_new_copy(
    desk, agency, handler, today
):
    request = registered(agency, handler, today)
    desk.login(handler)
    upload(desk, request, "a.pdf", two_lines_pdf())
    released = ReleasedFile.objects.get()
    url = reverse("disclosure_requests:file_mark", args=[request.pk, released.pk, "area"])
    # As a person measures on the page: from the top-left corner, page 1.
    area = {"page": 1, "x0": 60, "y0": 85, "x1": 320, "y1": 104, "reason": "third_party"}
    response = desk.client.post(url, {f"area-{released.pk}-{key}": value for key, value in area.items()})
    assert response.status_code == 302
    released.refresh_from_db()
    assert released.redactions == [{"page": 0, "rect": [60.0, 737.89, 320.0, 756.89], "reason": "third_party"}]

    response = desk.client.post(reverse("disclosure_requests:file_redact", args=[request.pk, released.pk]))
    assert response.status_code == 302
    released.refresh_from_db()
    assert "13800000000" not in extracted_text(released.released_content())
    # The marked page is redrawn as an image: black over the mark, the other line still drawn.
    page = pdfium.PdfDocument(released.released_content())[0].render(scale=1).to_pil().convert("L")
    top = round(page.height * 92 / 841.89)
    box = list(page.crop((80, top, 300, top + 8)).get_flattened_data())
    assert sum(value < 60 for value in box) > 0.8 * len(box)  # black, but for the reason code printed in it
    assert (
        page.crop(
            (72, round(page.height * (841.89 - 412) / 841.89), 200, round(page.height * (841.89 - 398) / 841.89))
        ).getextrema()[0]
        < 128
    )
    assert "13800000000" in extracted_text(bytes(released.original))  # the original stays as it was, private

    another = {**area, "y0": 430, "y1": 450}
    desk.client.post(url, {f"area-{released.pk}-{key}": value for key, value in another.items()})
    released.refresh_from_db()
    assert len(released.redactions) == 2 and released.redacted is None and released.released_content() is None

    bad = {**area, "page": 9}
    response = desk.client.post(url, {f"area-{released.pk}-{key}": value for key, value in bad.items()})
    assert response.status_code == 400
    released.refresh_from_db()
    assert len(released.redactions) == 2


def test_marking_by_text_withholds_every_occurrence(desk, agency, handler, today):
    request = registered(agency, handler, today)
    desk.login(handler)
    upload(desk, request, "a.pdf", two_lines_pdf())
    released = ReleasedFile.objects.get()
    url = reverse("disclosure_requests:file_mark", args=[request.pk, released.pk, "text"])
    response = desk.client.post(
        url, {f"text-{released.pk}-text": "13800000000", f"text-{released.pk}-reason": "third_party"}
    )
    assert response.status_code == 302
    desk.client.post(reverse("disclosure_requests:file_redact", args=[request.pk, released.pk]))
    released.refresh_from_db()
    assert "13800000000" not in extracted_text(released.released_content())
    table = desk.detail(request).content.decode().split("data-released-file=")[1].split("</table>")[0]
    cells = [re.sub(r"\s+", "", cell) for cell in re.findall(r"<t[dh](?:\s[^>]*)?>(.*?)</t[dh]>", table, re.S)]
    assert cells[:3] == ["页码", "不予公开内容", "不予公开理由"]  # not the catalogue's 暂停公开
    assert cells[4:7] == ["1", "“13800000000”", "保护第三方合法权益（第十五条）"]  # pages counted from 1
    response = desk.client.post(
        url, {f"text-{released.pk}-text": "不存在的文字", f"text-{released.pk}-reason": "third_party"}
    )
    assert response.status_code == 400


def test_files_of_a_closed_request_cannot_change(desk, agency, handler, today):
    request = registered(agency, handler, today)
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    desk.login(handler)
    assert upload(desk, request, "a.pdf", pdf_bytes()).status_code == 400
    assert not ReleasedFile.objects.exists()


# The appeal register and the notice templates ------------------------------------------------------------------


def appeal_form(agency, requests=(), **overrides):
    data = {
        "agency": agency.pk,
        "kind": AppealKind.REVIEW,
        "case_number": "青政复〔2026〕3号",
        "body": "青溪县人民政府",
        "requests": [request.pk for request in requests],
        "filed_on": "2026-10-08",
        "result": AppealResult.PENDING,
        "concluded_on": "",
        "note": "",
    }
    data.update(overrides)
    return data


def test_appeals_are_registered_for_the_agencys_own_requests(desk, agency, other_agency, handler, today):
    own = registered(agency, handler, today)
    theirs = registered(other_agency, handler_of(other_agency), today)
    desk.login(handler)
    response = desk.client.post(reverse("appeal_cases:add"), appeal_form(agency, [theirs]))
    assert response.status_code == 200 and not AppealCase.objects.exists()
    response = desk.client.post(reverse("appeal_cases:add"), appeal_form(other_agency, [own]))
    assert response.status_code == 200 and not AppealCase.objects.exists()
    response = desk.client.post(reverse("appeal_cases:add"), appeal_form(agency, [own]))
    assert response.status_code == 302
    case = AppealCase.objects.get()
    assert list(case.requests.all()) == [own]


def test_the_appeal_register_shows_each_agency_its_own_cases(desk, agency, other_agency, handler):
    own = AppealCase.objects.create(
        agency=agency, kind=AppealKind.REVIEW, case_number="本局案", body="县政府", filed_on=day("2025-05-01")
    )
    theirs = AppealCase.objects.create(
        agency=other_agency,
        kind=AppealKind.LAWSUIT_DIRECT,
        case_number="他局案",
        body="县法院",
        filed_on=day("2026-05-01"),
    )
    desk.login(handler)
    html = desk.client.get(reverse("appeal_cases:index")).content.decode()
    assert "本局案" in html and "他局案" not in html
    assert refused(desk.client.get(reverse("appeal_cases:edit", args=[theirs.pk])))
    assert desk.client.get(reverse("appeal_cases:edit", args=[own.pk])).status_code == 200
    for view in ("history", "usage", "delete"):
        response = desk.client.get(reverse(f"appeal_cases:{view}", args=[theirs.pk]))
        assert refused(response) and "他局案" not in response.content.decode()
    assert "本局案" not in desk.client.get(reverse("appeal_cases:index"), {"year": "2026"}).content.decode()
    assert "本局案" in desk.client.get(reverse("appeal_cases:index"), {"kind": AppealKind.REVIEW}).content.decode()
    desk.login(leader_of(agency))
    assert "本局案" in desk.client.get(reverse("appeal_cases:index")).content.decode()
    assert refused(desk.client.get(reverse("appeal_cases:edit", args=[own.pk])))


def notice_template_form(agency, **overrides):
    data = {
        "agency": agency.pk if agency else "",
        "kind": NoticeKind.RECEIPT,
        "title": "登记回执",
        "number_pattern": "",
        "body": "{{ applicant_name }}：您的申请已登记。",
        "review_body": "",
        "court": "",
    }
    data.update(overrides)
    return data


def test_notice_templates_are_the_agencys_own_and_site_defaults_the_superusers(
    desk, agency, other_agency, handler, root
):
    NoticeTemplate.objects.create(agency=None, kind=NoticeKind.RECEIPT, title="全站默认回执", body="…")
    NoticeTemplate.objects.create(agency=other_agency, kind=NoticeKind.RECEIPT, title="他局回执", body="…")
    desk.login(handler)
    assert desk.client.post(reverse("notice_templates:add"), notice_template_form(None)).status_code == 200
    assert desk.client.post(reverse("notice_templates:add"), notice_template_form(other_agency)).status_code == 200
    assert desk.client.post(reverse("notice_templates:add"), notice_template_form(agency)).status_code == 302
    html = desk.client.get(reverse("notice_templates:index")).content.decode()
    assert "登记回执" in html and "他局回执" not in html and "全站默认回执" not in html
    desk.login(root)
    html = desk.client.get(reverse("notice_templates:index")).content.decode()
    assert "全站默认回执" in html and "他局回执" in html
    response = desk.client.post(reverse("notice_templates:add"), notice_template_form(None))
    assert response.status_code == 200 and NoticeTemplate.objects.filter(agency=None).count() == 1


# The dashboard -------------------------------------------------------------------------------------------------


def panel_counts(html):
    return {
        status: int(count)
        for status, count in re.findall(r'data-panel-section="(\w+)">.*?<span data-count>(\d+)</span>', html, re.S)
    }


def test_the_dashboard_panel_shows_what_is_overdue_due_this_week_and_paused(desk, agency, other_agency, handler, today):
    overdue(agency, handler)
    paused(agency, handler)
    due_on(agency, handler, today)
    overdue(other_agency, handler_of(other_agency))
    html = desk.login(handler).client.get("/admin/").content.decode()
    assert panel_counts(html) == {"overdue": 1, "this_week": 1, "paused": 1}
    assert "data-per-agency" not in html


def test_leaders_see_the_overdue_count_per_agency(desk, agency, other_agency, handler, root):
    overdue(agency, handler)
    overdue(agency, handler)
    overdue(other_agency, handler_of(other_agency))
    html = desk.login(leader_of(agency)).client.get("/admin/").content.decode()
    assert re.search(rf'data-agency="{agency.pk}">.*?<td data-overdue>2<', html, re.S)
    assert f'data-agency="{other_agency.pk}"' not in html
    html = desk.login(root).client.get("/admin/").content.decode()
    assert re.search(rf'data-agency="{other_agency.pk}">.*?<td data-overdue>1<', html, re.S)
