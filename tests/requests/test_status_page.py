"""The applicant's status page: opened only by number + 查询码, rate-limited, vague on failure, free of personal data."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from disclosure.requests import intake, transitions
from disclosure.requests.choices import NoticeKind, RequestState
from disclosure.requests.models import DisclosureRequest, Notice, ReleasedFile
from disclosure.requests.public_form import MESSAGES
from tests import factories

from .helpers import VALID_ID, application_data, day, leader_of
from .public_site import make_form_page, pdf_bytes, scan, shown, submit

pytestmark = pytest.mark.django_db

#: Unique tokens in every personal field: none may appear on any page of the public side.
PERSONAL = {
    "applicant_name": "令狐冲甲乙",
    "phone": "13987654321",
    "email": "linghu-token@example.com",
    "address": "青溪县独一无二路987号",
    "postcode": "323399",
    "description": "申请公开某某事项的独特描述词。",
    "legal_representative": "",
}
PERSONAL_TOKENS = [value for value in PERSONAL.values() if value] + [VALID_ID, "1101**********002X", "linghu-token"]


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_SUBMIT_RATE": "100000/h", "REQUEST_LOOKUP_RATE": "100000/h"}


@pytest.fixture
def page(agency):
    return make_form_page(agency)


@pytest.fixture
def receipt(agency, page):
    return intake.submit_online(agency, application_data(**PERSONAL), id_number=VALID_ID, proof=scan())


def status_url(page):
    return page.url + "status/"


def look_up(client, page, number, code):
    return client.post(status_url(page), {"number": number, "query_code": code})


def opened(client, page, receipt):
    response = look_up(client, page, receipt.request.number, receipt.query_code_display)
    assert response.status_code == 302 and response["Location"].endswith("/status/")
    return client.get(status_url(page))


def private(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives


def assert_no_personal_data(html):
    for token in PERSONAL_TOKENS:
        assert token not in html, token


def test_without_a_look_up_the_status_page_shows_only_the_form(client, page, receipt):
    response = client.get(status_url(page) + "?number=" + receipt.request.number)
    assert response.status_code == 200 and private(response)
    html = response.content.decode()
    assert 'name="query_code"' in html
    assert f'value="{receipt.request.number}"' in html  # the number from the e-mail's link, filled in
    assert shown(RequestState.SUBMITTED.label) not in html


def test_number_and_code_open_the_state_and_no_personal_data(client, page, receipt):
    response = opened(client, page, receipt)
    assert response.status_code == 200 and private(response)
    html = response.content.decode()
    assert receipt.request.number in html
    assert shown(RequestState.SUBMITTED.label) in html
    assert_no_personal_data(html)
    # The code may be typed in lower case, without its dashes, with spaces.
    client.post(status_url(page), {"action": "close"})
    relaxed = look_up(
        client,
        page,
        f" {receipt.request.number} ",
        receipt.query_code.lower()[:6] + " " + receipt.query_code.lower()[6:],
    )
    assert relaxed.status_code == 302


def test_a_wrong_code_and_an_unknown_number_fail_alike_and_open_nothing(client, page, receipt, other_agency):
    wrong_code = look_up(client, page, receipt.request.number, "ABCD-EFGH-JKMN")
    unknown_number = look_up(client, page, "县教育局依申〔2026〕999号", receipt.query_code)
    for response in (wrong_code, unknown_number):
        assert response.status_code == 400 and private(response)
        html = response.content.decode()
        assert shown(MESSAGES["lookup"]) in html
        assert shown(RequestState.SUBMITTED.label) not in html
    assert wrong_code.content.decode().count(shown(MESSAGES["lookup"])) == 1
    assert client.get(status_url(page)).content.decode().count('name="query_code"') == 1  # still closed

    # Another agency's page does not open this agency's application.
    other_page = make_form_page(other_agency)
    assert look_up(client, other_page, receipt.request.number, receipt.query_code).status_code == 400


def test_look_ups_are_rate_limited_even_with_the_right_code(client, page, receipt, settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_LOOKUP_RATE": "3/h"}
    for _attempt in range(3):
        assert look_up(client, page, receipt.request.number, "ABCD-EFGH-JKMN").status_code == 400
    response = look_up(client, page, receipt.request.number, receipt.query_code)
    assert response.status_code == 429 and private(response)
    assert int(response["Retry-After"]) > 0
    assert shown("Too many look-ups have been made from your network.") in response.content.decode()


def test_the_state_the_statutory_dates_a_pause_and_an_extension_are_shown(client, agency, page, receipt, handler):
    request = receipt.request
    transitions.confirm_receipt(request, handler, received_on=day("2025-09-26"))
    transitions.start(request, handler)
    transitions.consult_third_party(request, handler, party="某建设公司（第三方）", started_on=day("2025-10-09"))
    transitions.resume(request, handler, ended_on=day("2025-10-16"))
    transitions.propose_extension(request, handler, days=10, reason="涉及档案调取。")
    transitions.approve_extension(request, leader_of(agency))
    request.refresh_from_db()
    html = opened(client, page, receipt).content.decode()
    assert shown(RequestState.IN_PROGRESS.label) in html
    assert "2025-09-26" in html  # 受理日
    assert f"{request.due_date:%Y-%m-%d}" in html
    assert shown(request.due_explanation)[:40] in html
    assert "2025-10-09" in html and "2025-10-16" in html
    assert "涉及档案调取。" in html
    assert "某建设公司" not in html  # the consulted third party is not the applicant's business here
    assert_no_personal_data(html)


def test_a_supplement_request_is_shown_with_the_applicant_s_date(client, page, receipt, handler):
    request = receipt.request
    transitions.confirm_receipt(request, handler, received_on=day("2025-09-26"))
    due = timezone.localdate() + datetime.timedelta(days=10)
    transitions.request_supplement(request, handler, what="请写明文号。", applicant_due=due)
    html = opened(client, page, receipt).content.decode()
    assert shown(RequestState.AWAITING_SUPPLEMENT.label) in html
    assert "待补正" in html
    assert f"{due:%Y-%m-%d}" in html


def sent_notice(request, **fields):
    values = {
        "kind": NoticeKind.RECEIPT,
        "title": "登记回执",
        "number": "县教育局依申回〔2026〕1号",
        "body": f"{request.applicant_name}：您的申请已登记。",
        "recipient": request.applicant_name,
        "pdf": b"%PDF-1.4 receipt",
        "docx": b"PK docx bytes",
        "sent_at": timezone.now(),
    }
    values.update(fields)
    return Notice.objects.create(request=request, **values)


def test_a_sent_notice_is_downloadable_only_by_the_browser_that_opened_the_application(client, page, receipt):
    notice = sent_notice(receipt.request)
    unsent = sent_notice(receipt.request, sent_at=None, title="草稿")
    internal = sent_notice(receipt.request, for_applicant=False, title="征求第三方意见书")
    url = f"{status_url(page)}notices/{notice.pk}/pdf/"

    anonymous = client.get(url)
    assert anonymous.status_code == 403 and private(anonymous)
    assert b"%PDF" not in anonymous.content

    html = opened(client, page, receipt).content.decode()
    assert "登记回执" in html and "草稿" not in html and "征求第三方意见书" not in html
    assert url in html
    pdf = client.get(url)
    assert pdf.status_code == 200 and pdf.content == b"%PDF-1.4 receipt"
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert private(pdf)
    docx = client.get(f"{status_url(page)}notices/{notice.pk}/docx/")
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    for other in (unsent, internal):
        assert client.get(f"{status_url(page)}notices/{other.pk}/pdf/").status_code == 404
    assert client.get(f"{status_url(page)}notices/{notice.pk}/exe/").status_code == 404

    # Another browser (without the look-up) gets nothing, and closing the application closes the downloads.
    assert Client().get(url).status_code == 403
    client.post(status_url(page), {"action": "close"})
    assert client.get(url).status_code == 403


def test_another_application_s_notice_is_not_reachable_with_one_s_own_code(client, agency, page, receipt):
    other = intake.submit_online(agency, application_data(), id_number=VALID_ID, proof=scan())
    notice = sent_notice(other.request)
    opened(client, page, receipt)
    assert client.get(f"{status_url(page)}notices/{notice.pk}/pdf/").status_code == 404


def test_released_files_after_the_decision_are_the_redacted_copies_never_the_originals(client, page, receipt, handler):
    request = receipt.request
    transitions.confirm_receipt(request, handler, received_on=day("2025-09-26"))
    redacted = ReleasedFile.objects.create(
        request=request,
        title="招标文件（区分处理）",
        original=b"%PDF original with secrets",
        original_name="original.pdf",
        content_type="application/pdf",
        redactions=[{"page": 1, "box": [0, 0, 10, 10], "reason": "第三方商业秘密"}],
        redacted=pdf_bytes(),
    )
    plain = ReleasedFile.objects.create(
        request=request,
        title="中标公告",
        original=b"%PDF plain",
        original_name="plain.pdf",
        content_type="application/pdf",
    )
    opened(client, page, receipt)
    assert client.get(f"{status_url(page)}files/{plain.pk}/").status_code == 404  # not before the decision

    transitions.decide(
        request, handler, outcome="partly_disclosed", legal_basis="第三十七条", decided_on=day("2025-10-20")
    )
    html = client.get(status_url(page)).content.decode()
    assert shown(RequestState.DECIDED.label) in html
    assert "部分公开" in html
    assert "招标文件（区分处理）" in html and "中标公告" in html
    response = client.get(f"{status_url(page)}files/{redacted.pk}/")
    assert response.status_code == 200 and private(response)
    assert response.content == bytes(redacted.redacted)
    assert b"secrets" not in response.content
    assert client.get(f"{status_url(page)}files/{plain.pk}/").content == b"%PDF plain"


def test_a_decision_shows_the_outcome_and_the_public_items_provided(client, agency, catalogue, page, receipt, handler):
    item = factories.make_item(catalogue, title="2025年城区道路改造工程招标公告")
    draft = factories.make_item(catalogue, title="尚未发布的草稿条目", live=False)
    request = receipt.request
    transitions.confirm_receipt(request, handler, received_on=day("2025-09-26"))
    transitions.decide(
        request, handler, outcome="disclosed", provided_pages=[item, draft], decided_on=day("2025-10-10")
    )
    html = opened(client, page, receipt).content.decode()
    assert "予以公开" in html and "2025-10-10" in html
    assert "2025年城区道路改造工程招标公告" in html and item.url in html
    assert "尚未发布的草稿条目" not in html
    assert_no_personal_data(html)


def test_the_receipt_carries_no_personal_data(client, page):
    response = submit(client, page, **{key: value for key, value in PERSONAL.items() if value})
    assert response.status_code == 302, response.content.decode()
    receipt_html = client.get(response["Location"]).content.decode()
    assert_no_personal_data(receipt_html)
    assert DisclosureRequest.objects.get().applicant_name == PERSONAL["applicant_name"]


def test_nothing_of_an_application_reaches_the_public_search(client, page, receipt):
    for token in [*PERSONAL_TOKENS, receipt.request.number]:
        found = client.get(reverse("search_api:search"), {"q": token}).json()
        assert token not in json.dumps(found["results"], ensure_ascii=False), token
