"""告知书: each transition's notice carries the right number, dates and remedy clause, in PDF and Word
alike; sent notices never change; an agency's own wording wins; a broken wording is refused on save."""

import datetime
import io
import re
from decimal import Decimal

import docx
import pypdf
import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx.oxml.ns import qn

from disclosure.agencies.models import AgencyPage
from disclosure.calendar.working_days import add_working_days
from disclosure.requests import intake, transitions
from disclosure.requests.choices import NoticeKind, Outcome, OutcomeGroup
from disclosure.requests.models import Notice, NoticeTemplate, ReleasedFile
from disclosure.requests.notices import (
    issue_notice,
    notices_suspended,
    placeholders_for,
    send,
    template_for,
    validate_number_pattern,
    validate_template_body,
)
from disclosure.requests.notices.defaults import DEFAULTS
from disclosure.requests.redaction import marks_for_text, redact
from tests import factories

from .helpers import application_data, day, handler_of, leader_of, registered
from .test_redaction import two_page_pdf

pytestmark = pytest.mark.django_db(transaction=False)

YEAR = timezone.localdate().year
REMEDY = "如对本答复不服，可以在收到本告知书之日起六十日内向"
RECEIVED = day("2025-09-26")


def compact(text):
    """Text without white space: a PDF line may break inside a date."""
    return re.sub(r"\s+", "", text)


def pdf_texts(content):
    """The PDF's text as pypdf and as PDFium read it."""
    by_pypdf = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    document = pypdfium2.PdfDocument(content)
    by_pdfium = "".join(page.get_textpage().get_text_range() for page in document)
    return compact(by_pypdf), compact(by_pdfium)


def docx_text(content):
    return compact("\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs))


def assert_everywhere(notice, *strings):
    """Every string is in both readings of the PDF and in the Word file."""
    texts = {"docx": docx_text(bytes(notice.docx))}
    texts["pypdf"], texts["pdfium"] = pdf_texts(bytes(notice.pdf))
    for where, text in texts.items():
        for expected in strings:
            assert compact(expected) in text, f"{expected!r} missing from the {where}"


def only(request, kind):
    notices = list(request.notices.filter(kind=kind))
    assert len(notices) == 1, f"{len(notices)} notices of kind {kind}"
    return notices[0]


def chinese(date):
    return f"{date.year}年{date.month}月{date.day}日"


@pytest.fixture
def started(agency, handler):
    request = registered(agency, handler, RECEIVED)
    transitions.start(request, handler)
    return request


# 登记回执 -------------------------------------------------------------------------------------------


def test_registration_issues_a_receipt_with_number_receipt_date_and_due_date(agency, handler):
    request = registered(agency, handler, RECEIVED)
    receipt = only(request, NoticeKind.RECEIPT)
    assert receipt.number == f"县教育局依申回〔{YEAR}〕1号"
    assert receipt.for_applicant and receipt.recipient == "张三" and receipt.sent_at is not None
    assert_everywhere(
        receipt,
        "政府信息公开申请登记回执",
        receipt.number,
        request.number,
        "张三：",
        "2025年9月26日",  # receipt
        "2025年10月30日",  # due: 20 working days across National Day
        "青溪县教育局",
        chinese(timezone.localdate()),  # signature date
    )
    assert REMEDY not in receipt.body  # a receipt decides nothing
    normal = docx.Document(io.BytesIO(bytes(receipt.docx))).styles["Normal"].element
    assert normal.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"  # Chinese text in 宋体, not a Latin fallback


def test_receipt_numbers_are_sequential_per_agency_and_year(agency, other_agency, handler):
    first = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    second = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    elsewhere = only(registered(other_agency, handler_of(other_agency), RECEIVED), NoticeKind.RECEIPT)
    assert (first.number, second.number) == (f"县教育局依申回〔{YEAR}〕1号", f"县教育局依申回〔{YEAR}〕2号")
    assert elsewhere.number == f"县卫健局依申回〔{YEAR}〕1号"


def test_an_online_application_gets_its_receipt_when_receipt_is_confirmed(agency, handler):
    request = intake.submit_online(agency, application_data()).request
    assert not request.notices.exists()
    transitions.confirm_receipt(request, handler, received_on=day("2025-09-26"))
    assert_everywhere(only(request, NoticeKind.RECEIPT), "通过互联网提交", "2025年9月26日", "2025年10月30日")


# Notices on the way ----------------------------------------------------------------------------------


def test_supplement_notice_says_what_and_by_when(started, handler):
    applicant_due = timezone.localdate() + datetime.timedelta(days=10)
    transitions.request_supplement(started, handler, what="请写明所需文件的文号。", applicant_due=applicant_due)
    notice = only(started, NoticeKind.SUPPLEMENT)
    assert notice.number == f"县教育局依申补〔{YEAR}〕1号" and notice.sent_at is not None
    assert_everywhere(
        notice, notice.number, "请写明所需文件的文号。", chinese(applicant_due), "2025年9月26日", "第三十条"
    )


def test_reasons_notice_says_what_to_explain(started, handler):
    transitions.request_reasons(started, handler, what="请说明一次申请三百件执法文书的理由。")
    assert_everywhere(only(started, NoticeKind.REASONS), "请说明一次申请三百件执法文书的理由。", "第三十五条")


def test_extension_notice_gives_the_old_and_the_new_due_date(agency, started, handler):
    transitions.propose_extension(started, handler, days=15, reason="涉及档案调取")
    transitions.approve_extension(started, leader_of(agency))
    started.refresh_from_db()
    new_due = add_working_days(RECEIVED, 35).end
    assert started.due_date == new_due
    notice = only(started, NoticeKind.EXTENSION)
    assert notice.number == f"县教育局依申延〔{YEAR}〕1号"
    assert_everywhere(notice, "2025年10月30日", chinese(new_due), "延长15个工作日", "涉及档案调取", "第三十三条第二款")
    assert REMEDY not in notice.body


def test_third_party_consultation_writes_to_the_third_party_without_the_applicants_data(started, handler):
    transitions.consult_third_party(started, handler, party="青溪县宏达建设有限公司", started_on=day("2025-10-09"))
    notice = only(started, NoticeKind.THIRD_PARTY)
    assert not notice.for_applicant and notice.recipient == "青溪县宏达建设有限公司"
    assert notice.sent_at is None  # the handler sends it by post and records when
    reply_due = add_working_days(day("2025-10-09"), 15).end
    assert_everywhere(notice, "青溪县宏达建设有限公司：", chinese(reply_due), "第三十二条", notice.number)
    for personal in ("张三", "13800000000", "zhangsan@example.com", "人民路1号"):
        assert personal not in notice.body and personal not in pdf_texts(bytes(notice.pdf))[0]
    send(notice, handler)
    notice.refresh_from_db()
    assert notice.sent_at is not None


def test_consulting_another_agency_issues_a_request_for_its_opinion(started, handler):
    transitions.consult_agency(started, handler, party="青溪县财政局", started_on=day("2025-10-09"))
    notice = only(started, NoticeKind.AGENCY)
    assert not notice.for_applicant and notice.recipient == "青溪县财政局"
    assert_everywhere(notice, "青溪县财政局：", "第三十四条", "视为同意公开")


def test_fee_notice_states_the_amount_and_the_remedy(started, handler, settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_FEES_ENABLED": True}
    transitions.notify_fee(started, handler, amount=Decimal("100"))
    notice = only(started, NoticeKind.FEE)
    assert_everywhere(notice, "人民币100.00元", "国办函〔2020〕109号", "如对本通知不服", "六十日内", "六个月内")


# Replies --------------------------------------------------------------------------------------------


def _partly_disclosed(request, handler):
    released = ReleasedFile.objects.create(
        request=request,
        title="招标文件（区分处理）",
        original=two_page_pdf(),
        original_name="招标文件.pdf",
        content_type="application/pdf",
    )
    released.redactions = marks_for_text(two_page_pdf(), "李四", "personal_information")
    released.save()
    redact(released, handler)
    return {"legal_basis": "《中华人民共和国政府信息公开条例》第十五条、第三十七条"}


REPLIES = [
    (
        Outcome.DISCLOSED,
        lambda request, handler: {"already_public_at": "青溪县人民政府门户网站政府信息公开专栏"},
        ["第三十六条第（一）项", "青溪县人民政府门户网站政府信息公开专栏"],
    ),
    (Outcome.PARTLY_DISCLOSED, _partly_disclosed, ["第三十七条", "涉及第三方个人信息", "招标文件（区分处理）"]),
    (
        Outcome.STATE_SECRET,
        lambda request, handler: {"legal_basis": "《中华人民共和国政府信息公开条例》第十四条"},
        ["属于国家秘密", "法律依据：《中华人民共和国政府信息公开条例》第十四条", "决定不予公开"],
    ),
    (
        Outcome.NOT_HELD,
        lambda request, handler: {"legal_basis": "《中华人民共和国政府信息公开条例》第三十六条第（四）项"},
        ["本机关未制作、获取", "无法向您提供"],
    ),
    (
        Outcome.REPEATED,
        lambda request, handler: {"legal_basis": "《中华人民共和国政府信息公开条例》第三十六条第（六）项。"},
        ["重复申请", "法律依据：《中华人民共和国政府信息公开条例》第三十六条第（六）项。", "不予处理"],
    ),
    (
        Outcome.OTHER,
        lambda request, handler: {"legal_basis": "申请人书面撤回申请"},
        ["法律依据：申请人书面撤回申请", "不再处理"],
    ),
]


@pytest.mark.parametrize(("outcome", "prepare", "expected"), REPLIES, ids=[o.value for o, _p, _e in REPLIES])
def test_each_outcome_group_gets_its_reply_with_number_dates_and_remedy_clause(
    agency, started, handler, outcome, prepare, expected
):
    decision = prepare(started, handler)
    transitions.decide(started, handler, outcome=outcome, decided_on=day("2025-10-20"), **decision)
    notice = only(started, NoticeKind.reply_for(outcome))
    assert notice.number == f"县教育局公复〔{YEAR}〕1号"
    assert notice.title in {"政府信息公开申请答复书", "政府信息公开申请处理告知书"}
    assert notice.sent_at is not None
    assert notice.body.endswith(
        "如对本答复不服，可以在收到本告知书之日起六十日内向本机关的上一级行政机关或者本级人民政府申请行政复议，"
        "或者在六个月内向有管辖权的人民法院提起行政诉讼。"
    )
    assert_everywhere(notice, notice.number, "2025年9月26日", started.number, REMEDY, "六个月内", *expected)
    assert "。。" not in notice.body and "，。" not in notice.body


def test_every_outcome_group_has_a_reply_kind_and_default_wording():
    for group in OutcomeGroup:
        assert NoticeKind(f"reply_{group.value}") in DEFAULTS


def test_replies_share_one_numbering_whatever_the_outcome(agency, handler):
    numbers = []
    for basis in ("第十四条", "第十五条"):
        request = registered(agency, handler, RECEIVED)
        transitions.decide(request, handler, outcome=Outcome.STATE_SECRET, legal_basis=basis)
        numbers.append(only(request, NoticeKind.REPLY_NOT_DISCLOSED).number)
    request = registered(agency, handler, RECEIVED)
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="本机关网站")
    numbers.append(only(request, NoticeKind.REPLY_DISCLOSED).number)
    assert numbers == [f"县教育局公复〔{YEAR}〕{n}号" for n in (1, 2, 3)]


def test_the_remedy_clause_names_the_parent_government_when_the_agency_records_it(handler):
    county = factories.make_agency(title="青溪县人民政府", short_name="县政府", kind=AgencyPage.Kind.GOVERNMENT)
    bureau = factories.make_agency(title="青溪县自然资源局", short_name="县资规局", parent_agency=county)
    request = registered(bureau, handler_of(bureau), RECEIVED)
    transitions.decide(request, request.handler, outcome=Outcome.STATE_SECRET, legal_basis="第十四条")
    assert "六十日内向青溪县人民政府申请行政复议" in only(request, NoticeKind.REPLY_NOT_DISCLOSED).body


def test_imported_history_gets_no_new_notices(agency, handler):
    with notices_suspended():
        request = registered(agency, handler, RECEIVED)
        transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="本机关网站")
    assert not request.notices.exists()
    transitions.note(request, handler, text="导入后补记")
    assert only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT).number == f"县教育局依申回〔{YEAR}〕1号"


# Sent notices, edited wording ---------------------------------------------------------------------


def test_a_sent_notice_cannot_be_changed_or_sent_again(agency, handler):
    receipt = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    receipt.body = "改过的文字"
    with pytest.raises(ValidationError):
        receipt.save()
    with pytest.raises(ValidationError):
        send(receipt)
    assert "改过的文字" not in Notice.objects.get(pk=receipt.pk).body


def test_an_agencys_own_template_overrides_the_site_default_and_the_code(agency, other_agency, handler):
    NoticeTemplate.objects.create(
        agency=agency,
        kind=NoticeKind.RECEIPT,
        title="依申请公开受理通知书",
        number_pattern="{agency_short}受〔{year}〕第{serial}号",
        body="{{ applicant_name }}：\n我局已于{{ received_on }}受理您的申请（{{ request_number }}）。",
    )
    NoticeTemplate.objects.create(
        agency=None,
        kind=NoticeKind.RECEIPT,
        title="全站统一登记回执",
        number_pattern="{agency_short}回〔{year}〕{serial}号",
        body="{{ applicant_name }}：\n已收到。",
    )
    own = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    assert (own.title, own.number) == ("依申请公开受理通知书", f"县教育局受〔{YEAR}〕第1号")
    assert_everywhere(own, "依申请公开受理通知书", "我局已于2025年9月26日受理您的申请")
    site = only(registered(other_agency, handler_of(other_agency), RECEIVED), NoticeKind.RECEIPT)
    assert (site.title, site.number) == ("全站统一登记回执", f"县卫健局回〔{YEAR}〕1号")
    assert template_for(agency, NoticeKind.SUPPLEMENT).source == "default"


def test_the_remedy_bodies_are_named_once_per_agency(agency, started, handler):
    NoticeTemplate.objects.create(
        agency=agency,
        kind=NoticeKind.RECEIPT,
        title="登记回执",
        body=DEFAULTS[NoticeKind.RECEIPT].body,
        review_body="青溪县人民政府",
        court="丽水市莲都区人民法院",
    )
    transitions.decide(started, handler, outcome=Outcome.STATE_SECRET, legal_basis="第十四条")
    assert_everywhere(
        only(started, NoticeKind.REPLY_NOT_DISCLOSED),
        "六十日内向青溪县人民政府申请行政复议，或者在六个月内向丽水市莲都区人民法院提起行政诉讼。",
    )


def test_a_template_broken_around_the_form_falls_back_to_the_default_wording(agency, handler):
    NoticeTemplate.objects.create(
        agency=agency, kind=NoticeKind.RECEIPT, title="登记回执", body="{% include 'secrets.html' %}"
    )
    receipt = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    assert "2025年10月30日" in receipt.body


def test_issue_notice_can_be_called_by_the_desk_for_a_new_copy(agency, handler):
    request = registered(agency, handler, RECEIVED)
    copy = issue_notice(request, NoticeKind.RECEIPT, handler)
    assert copy.sent_at is None and copy.number == f"县教育局依申回〔{YEAR}〕2号"
    assert len(pypdf.PdfReader(io.BytesIO(bytes(copy.pdf))).pages) >= 1
    width, height = pypdf.PdfReader(io.BytesIO(bytes(copy.pdf))).pages[0].mediabox[2:]
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4


# Checking edited wording -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_default_wording_passes_the_editors_check(kind):
    validate_template_body(DEFAULTS[kind].body, kind)
    validate_number_pattern(DEFAULTS[kind].number_pattern)


@pytest.mark.parametrize(
    ("body", "kind", "message"),
    [
        ("{{ applicant_name }}：\n{% if due_date %}期限{{ due_date }}", None, "line 2"),
        ("您好{{ applicant_name }}\n{% endfor %}", None, "line 2"),
        ("{{ applicant_nmae }}：", None, "applicant_nmae"),
        ("{{ applicant_name }}", NoticeKind.THIRD_PARTY, "applicant_name"),
        ("{% load static %}", None, "static"),
        ("{% include 'x.html' %}", None, "x.html"),
        ("{% debug %}", None, "debug"),
        ("{{ fee_amount|date:'Y' }}{{ due_date|truncatechars }}", NoticeKind.FEE, "truncatechars"),
    ],
)
def test_a_broken_template_is_refused_with_a_clear_message(body, kind, message):
    with pytest.raises(ValidationError) as refused:
        validate_template_body(body, kind)
    assert message in " ".join(refused.value.messages)


def test_loops_and_their_variables_are_accepted():
    validate_template_body(
        "{% for item in provided_items %}{{ forloop.counter }}．{{ item }}{% endfor %}"
        "{% with name=agency_name %}{{ name }}{% endwith %}",
        NoticeKind.REPLY_DISCLOSED,
    )


@pytest.mark.parametrize("pattern", ["{agency_short}〔{year}〕号", "{agency}〔{year}〕{serial}号", "{year〕{serial}"])
def test_a_number_pattern_without_serial_or_with_unknown_names_is_refused(pattern):
    with pytest.raises(ValidationError):
        validate_number_pattern(pattern)


def test_placeholders_are_described_for_the_editors():
    names = {placeholder.name: str(placeholder.description) for placeholder in placeholders_for(NoticeKind.SUPPLEMENT)}
    assert {"request_number", "received_on", "applicant_due", "what", "applicant_name"} <= set(names)
    assert all(names.values())
    third_party = {placeholder.name for placeholder in placeholders_for(NoticeKind.THIRD_PARTY)}
    assert "applicant_name" not in third_party and "party_reply_due" in third_party
