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
from disclosure.requests.choices import IntakeChannel, NoticeKind, Outcome, OutcomeGroup
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
from disclosure.requests.notices.document import NoticeDocument
from disclosure.requests.notices.pdf import render_pdf
from disclosure.requests.redaction import marks_for_text, redact
from tests import factories

from .helpers import application_data, day, handler_of, leader_of, registered
from .public_site import make_form_page
from .test_redaction import NAME, two_page_pdf

pytestmark = pytest.mark.django_db(transaction=False)

YEAR = timezone.localdate().year
REMEDY = "如对本答复不服，可以自知道该行政行为之日起六十日内向"
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
    assert "查询办理进度" in receipt.body and "查询码" not in receipt.body  # no page, no phone: ask the agency
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
    (
        Outcome.PARTLY_DISCLOSED,
        _partly_disclosed,
        [
            "第三十七条",
            "其中涉及第三方个人信息的内容，依据《中华人民共和国政府信息公开条例》第十五条不予公开。",
            "法律依据：《中华人民共和国政府信息公开条例》第十五条、第三十七条",
            "招标文件（区分处理）",
        ],
    ),
    (
        Outcome.STATE_SECRET,
        lambda request, handler: {"legal_basis": "《中华人民共和国保守国家秘密法》第二条"},
        [
            "属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。",
            "法律依据：《中华人民共和国保守国家秘密法》第二条",
        ],
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
    decision = "本告知" if outcome.group == OutcomeGroup.OTHER else "本答复"  # a 处理告知书 is not an 答复
    assert notice.body.endswith(
        f"如对{decision}不服，可以自知道该行政行为之日起六十日内向本级人民政府申请行政复议，"
        "或者自知道该行政行为之日起六个月内向有管辖权的人民法院提起行政诉讼。"
    )
    assert "收到本告知书" not in notice.body
    remedy = f"如对{decision}不服，可以自知道该行政行为之日起六十日内向"
    assert_everywhere(notice, notice.number, "2025年9月26日", started.number, remedy, "六个月内", *expected)
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


@pytest.mark.parametrize(
    ("kind", "review_body"),
    [
        (AgencyPage.Kind.GOVERNMENT, "上一级人民政府"),  # 行政复议法 Art 24: a government's acts go one level up
        (AgencyPage.Kind.TOWNSHIP, "上一级人民政府"),
        (AgencyPage.Kind.DEPARTMENT, "本级人民政府"),  # a department's to the government of its level
        (AgencyPage.Kind.INSTITUTION, "本级人民政府"),
    ],
)
def test_without_a_named_body_the_review_goes_where_the_2023_law_sends_it(handler, kind, review_body):
    county = factories.make_agency(title="青溪县人民政府", short_name="县政府", kind=AgencyPage.Kind.GOVERNMENT)
    # A township records its county as parent: it is still reviewed one level up, not "by" the county's title.
    parent = county if kind == AgencyPage.Kind.TOWNSHIP else None
    agency = factories.make_agency(kind=kind, parent_agency=parent)
    request = registered(agency, handler_of(agency), RECEIVED)
    transitions.decide(request, request.handler, outcome=Outcome.DISCLOSED, already_public_at="本机关网站")
    assert (
        f"六十日内向{review_body}申请行政复议，或者自知道该行政行为之日起六个月内"
        in only(request, NoticeKind.REPLY_DISCLOSED).body
    )


def test_a_partial_disclosure_states_each_ground_of_what_it_withholds(agency, started, handler):
    for title, reasons in (("合同", ["personal_information", "third_party"]), ("请示", ["internal_affairs"])):
        marks = [{"page": 0, "rect": [60, 700 - 40 * n, 300, 720 - 40 * n], "reason": r} for n, r in enumerate(reasons)]
        released = ReleasedFile.objects.create(
            request=started,
            title=title,
            original=two_page_pdf(),
            original_name=f"{title}.pdf",
            content_type="application/pdf",
            redactions=marks + marks_for_text(two_page_pdf(), NAME, "personal_information"),
        )
        redact(released, handler)
    transitions.decide(
        started,
        handler,
        outcome=Outcome.PARTLY_DISCLOSED,
        legal_basis="《中华人民共和国政府信息公开条例》第十五条、第十六条、第三十七条",
    )
    notice = only(started, NoticeKind.REPLY_PARTLY_DISCLOSED)
    assert_everywhere(
        notice,
        "其中涉及公开会对第三方合法权益造成损害的事项、第三方个人信息的内容，"
        "依据《中华人民共和国政府信息公开条例》第十五条不予公开；"
        "涉及内部事务信息的内容，依据《中华人民共和国政府信息公开条例》第十六条不予公开。",
        "法律依据：《中华人民共和国政府信息公开条例》第十五条、第十六条、第三十七条。",
    )
    assert "商业秘密" not in notice.body and "third_party" not in notice.body


def test_an_edited_reply_can_list_the_grounds_by_their_labels(agency, started, handler):
    NoticeTemplate.objects.create(
        agency=agency,
        kind=NoticeKind.REPLY_PARTLY_DISCLOSED,
        title="答复书",
        body="{% for ground in withheld_grounds %}{{ ground.label }}（{{ ground.article }}）；{% endfor %}",
    )
    _partly_disclosed(started, handler)
    transitions.decide(started, handler, outcome=Outcome.PARTLY_DISCLOSED, legal_basis="第三十七条")
    assert only(started, NoticeKind.REPLY_PARTLY_DISCLOSED).body.startswith("第三方个人信息（第十五条）；")


def test_a_query_matter_is_answered_under_article_36_7(started, handler):
    transitions.decide(started, handler, outcome=Outcome.QUERY_MATTER, legal_basis="《不动产登记暂行条例》第二十七条")
    notice = only(started, NoticeKind.REPLY_NOT_DISCLOSED)
    assert "根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定" in notice.body
    assert "第三十六条第（三）项" not in notice.body


def test_the_receipt_says_where_to_follow_the_application_but_never_the_query_code(agency, handler):
    receipt = intake.submit_online(agency, application_data(), id_number="11010519491231002X")
    assert receipt.request.notices.count() == 0  # the online receipt waits for the confirmation
    transitions.confirm_receipt(receipt.request, handler, received_on=RECEIVED)
    by_phone = only(receipt.request, NoticeKind.RECEIPT)
    assert by_phone.body.count("查询办理进度") == 1
    page = make_form_page(agency)
    agency.phone = "0578-6123456"
    agency.save_revision().publish()
    agency.refresh_from_db()
    letter = only(registered(agency, handler, RECEIVED, channel=IntakeChannel.LETTER), NoticeKind.RECEIPT)
    assert_everywhere(letter, f"您可以登录http://localhost{page.url}status/，凭申请编号和查询码查询办理进度。")
    page.unpublish()
    in_person = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    assert_everywhere(in_person, "您可以拨打0578-6123456，凭申请编号查询办理进度。")
    for notice in Notice.objects.all():
        texts = (notice.body, *pdf_texts(bytes(notice.pdf)), docx_text(bytes(notice.docx)))
        assert not any(code in text for code in (receipt.query_code, receipt.query_code_display) for text in texts)


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
        "六十日内向青溪县人民政府申请行政复议，或者自知道该行政行为之日起六个月内向丽水市莲都区人民法院提起行政诉讼。",
    )


def test_a_template_broken_around_the_form_falls_back_to_the_default_wording(agency, handler):
    NoticeTemplate.objects.create(
        agency=agency, kind=NoticeKind.RECEIPT, title="登记回执", body="{% include 'secrets.html' %}"
    )
    receipt = only(registered(agency, handler, RECEIVED), NoticeKind.RECEIPT)
    assert "2025年10月30日" in receipt.body


def _pages_of(content):
    """Each page's lines as PDFium reads them."""
    document = pypdfium2.PdfDocument(content)
    return [page.get_textpage().get_text_range().split("\r\n") for page in document]


@pytest.mark.parametrize("filler", range(14, 20))
def test_the_signature_stays_on_the_page_of_the_last_paragraph(filler):
    """However long the body, the agency and the date are printed together under the end of the last
    paragraph: a signature alone at the top of a page signs nothing."""
    last = "如对本答复不服，可以自知道该行政行为之日起六十日内向本级人民政府申请行政复议，或者自知道该行政行为之日起六个月内向有管辖权的人民法院提起行政诉讼。"
    document = NoticeDocument(
        title="政府信息公开申请答复书",
        number="县教育局公复〔2025〕1号",
        paragraphs=("张三：", *[f"第{n}段文字。" for n in range(filler)], last),
        agency_name="青溪县教育局",
        date_text="2025年10月20日",
    )
    pages = _pages_of(render_pdf(document))
    (signed,) = [page for page in pages if "青溪县教育局" in page]
    assert "2025年10月20日" in signed and signed[-2:] == ["青溪县教育局", "2025年10月20日"]
    assert "提起行政诉讼。" in "".join(signed) and "如对本答复不服" in "".join(signed)


def test_no_line_begins_with_a_closing_punctuation_mark():
    text = "经审查，您申请获取的政府信息中含有不应当公开的内容：但是能够作区分处理；“区分处理件”》）。"
    document = NoticeDocument(
        "答复书", "", tuple("查" + text[n:] + text[:n] for n in range(len(text))), "青溪县教育局", "2025年10月20日"
    )
    lines = [line.strip() for page in _pages_of(render_pdf(document)) for line in page]
    assert len(lines) > 2 * len(text)  # every paragraph wraps
    assert [line for line in lines if line[:1] in "，。、：；？！）》”"] == []


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
