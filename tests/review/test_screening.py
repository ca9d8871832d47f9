"""Pre-screening on realistic texts: what it must catch, and what it must leave alone."""

import pytest
from wagtail.models import get_page_models

from disclosure.api import PublicPageMixin, ScreenedPageForm
from disclosure.document_text import UnreadableDocument, extract_bytes
from disclosure.models import SensitiveWord
from disclosure.screening.scan import scan_text
from tests.review.documents import docx_bytes, pdf_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db  # the sensitive-word list lives in the database


def kinds(text):
    return sorted({finding.kind for finding in scan_text(text, "正文")})


def matches(text, kind):
    return [finding.match for finding in scan_text(text, "正文") if finding.kind == kind]


MARKED = {
    "starred period at the head": "机密★5年\n青溪县人民政府办公室文件\n青政办发〔2025〕8号\n关于做好防汛工作的通知",
    "starred, long term": "绝密★长期\n关于某工程的批复",
    "starred, months, spaced": "秘密 ★ 6个月\n会议纪要",
    "level alone on the first line": "秘密\n青溪县教育局\n关于调整学区划分的请示",
    "labelled in a header table": "文件编号：QX-2025-031\n密级：机密\n紧急程度：特急",
    "internal material": "内部资料 注意保存\n2025年第三季度经济运行分析",
    "internal, comma": "内部资料，请勿外传\n",
}

CLEAN = {
    "the secrecy law by name": "根据《中华人民共和国保守国家秘密法》及其实施条例，制定本办法。",
    "secrets in prose": "各单位要严格保守国家秘密和工作秘密，依法保护商业秘密和个人隐私。",
    "a sentence ending with the word": "本次培训重点讲解如何识别和保护秘密。\n参训人员应认真学习。",
    "secrecy office": "县保密局、县机要局联合开展保密检查，重点检查涉密人员管理。",
    "secret as adjective": "该系统采用机密性、完整性、可用性三项指标评估。",
    "level word deep in the text": "\n".join([f"第{i}条 内容" for i in range(1, 9)]) + "\n秘密\n",
    "internal affairs": "内部资料室位于三楼，开放时间为工作日。",
}


@pytest.mark.parametrize("text", MARKED.values(), ids=MARKED.keys())
def test_secrecy_markings_are_caught(text):
    findings = [finding for finding in scan_text(text, "正文") if finding.kind == "marking"]
    assert findings and all(finding.blocking for finding in findings)


@pytest.mark.parametrize("text", CLEAN.values(), ids=CLEAN.keys())
def test_ordinary_prose_is_not_a_marking(text):
    assert matches(text, "marking") == []


def test_personal_data_is_found_and_validated():
    text = (
        "经审核，拟对以下人员发放临时救助金：张某某，身份证号332522198503120013，联系电话138 1234 5678；"
        "李某，身份证号 110105194912310029，手机+86 159-0000-1234，收款账号6222 0212 3456 7890 128。"
    )
    assert matches(text, "id_number") == ["332522198503120013"]  # the second fails its checksum
    assert sorted(matches(text, "mobile")) == ["+86 159-0000-1234", "138 1234 5678"]
    assert matches(text, "bank_card") == ["6222 0212 3456 7890 128"]


def test_numbers_of_government_documents_are_not_personal_data():
    text = (
        "索引号：11441700007280420Y/2021-00050，文号：青政发〔2025〕12号，统一社会信用代码11330000002482019J。"
        "全年完成固定资产投资1234567890123456元，办公电话0578-1234567，传真0578-7654321，"
        "邮政编码323000，项目编号20250301000123。发布日期2025-03-01。"
    )
    assert kinds(text) == []


def test_sensitive_words_come_from_the_admin_list():
    assert matches("本次会议讨论了拆迁补偿方案。", "sensitive_word") == []
    SensitiveWord.objects.create(word="拆迁补偿", note="涉及群众切身利益，需核对口径")
    found = scan_text("本次会议讨论了拆迁补偿方案。", "正文")
    assert [(f.match, f.note) for f in found] == [("拆迁补偿", "涉及群众切身利益，需核对口径")]
    SensitiveWord.objects.filter(word="拆迁补偿").update(active=False)
    SensitiveWord.objects.get(word="拆迁补偿").save()
    assert matches("拆迁补偿方案", "sensitive_word") == []


def test_findings_are_highlighted_in_escaped_context():
    (finding,) = scan_text("<b>联系人</b>：王某，电话13812345678，请勿外传。", "附件：a.docx")
    html = finding.highlighted()
    assert '<mark class="screening-match">13812345678</mark>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_attachment_text_is_read_from_pdf_docx_and_xlsx():
    pdf = extract_bytes(pdf_bytes("机密★1年", "关于某事项的报告"), "pdf")
    assert "机密★1年" in pdf
    docx = extract_bytes(docx_bytes("资助名单", table=[("姓名", "身份证号"), ("赵某", "332522198503120013")]), "docx")
    assert "332522198503120013" in docx
    xlsx = extract_bytes(xlsx_bytes([("姓名", "手机"), ("钱某", "13912345678")]), "xlsx")
    assert "13912345678" in xlsx


def test_a_damaged_attachment_is_reported_not_skipped():
    with pytest.raises(UnreadableDocument):
        extract_bytes(b"not really a pdf", "pdf")
    with pytest.raises(UnreadableDocument):
        extract_bytes(b"PK\x03\x04 broken", "docx")


def test_every_page_type_screens_what_is_submitted():
    """The screening form is declared by each page type (the visibility rule does not set it):
    a type that forgot would publish secrecy markings unchecked."""
    page_types = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    assert sum(issubclass(model, PublicPageMixin) for model in page_types) >= 8  # every app's types are seen
    unscreened = [model.__name__ for model in page_types if not issubclass(model.base_form_class, ScreenedPageForm)]
    assert not unscreened
