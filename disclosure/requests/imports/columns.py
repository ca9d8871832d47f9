"""The columns of a request-history file and the words accepted in its cells.

Old systems and hand-kept registers (台账) name things in many ways: each column is known by
its key and by the Chinese headings such registers use; each choice by its code, its label
(in any of the site's languages), the Chinese term in the label's brackets, and the usual
synonyms. Cells are compared without spaces and punctuation, full-width or not, so
"不予公开-国家秘密", "不予公开：属于国家秘密", "（三）1" and "三(三)1" are the same outcome.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from ...catalogue.imports.columns import in_every_language
from ..choices import ApplicantType, DeliveryChannel, DeliveryForm, IdentityDocument, IntakeChannel, Outcome


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # a msgid: the Chinese heading, accepted as written and as translated
    synonyms: tuple = ()
    required: bool = False


COLUMNS = (
    Column("number", gettext_noop("申请编号"), ("编号", "受理编号", "申请号")),
    Column("agency_code", gettext_noop("机构代码"), ("组织机构代码", "统一社会信用代码（机构）")),
    Column("applicant_type", gettext_noop("申请人类型"), ("申请人类别", "申请主体类型"), required=True),
    Column("applicant_name", gettext_noop("申请人"), ("申请人姓名", "申请人名称", "姓名", "名称"), required=True),
    Column("id_type", gettext_noop("证件类型"), ("证件名称", "身份证件类型")),
    Column("id_number", gettext_noop("证件号码"), ("身份证号", "身份证号码", "证件号")),
    Column("legal_representative", gettext_noop("法定代表人"), ("法人代表",)),
    Column("contact_person", gettext_noop("联系人"), ("联系人姓名",)),
    Column("phone", gettext_noop("联系电话"), ("电话", "手机", "手机号码")),
    Column("email", gettext_noop("电子邮箱"), ("邮箱", "电子邮件地址", "e-mail")),
    Column("address", gettext_noop("通信地址"), ("通讯地址", "地址", "联系地址")),
    Column("postcode", gettext_noop("邮政编码"), ("邮编",)),
    Column(
        "received_on", gettext_noop("收到日期"), ("收到申请日期", "受理日期", "申请日期", "登记日期"), required=True
    ),
    Column("channel", gettext_noop("渠道"), ("申请方式", "申请渠道", "提交方式")),
    Column(
        "description", gettext_noop("申请内容"), ("所需信息", "所需政府信息", "申请公开内容", "内容描述"), required=True
    ),
    Column("reference", gettext_noop("文号或索引号"), ("文号", "索引号")),
    Column("delivery_form", gettext_noop("获取信息方式"), ("提供形式", "获取方式")),
    Column("delivery_channel", gettext_noop("获取信息途径"), ("获取途径", "提供途径")),
    Column("outcome", gettext_noop("办理结果"), ("状态", "状态/办理结果", "答复结果", "处理结果", "办理状态")),
    Column("legal_basis", gettext_noop("法律依据"), ("依据", "答复依据")),
    Column("decided_on", gettext_noop("答复日期"), ("办结日期", "答复时间")),
    Column("archived_on", gettext_noop("归档日期"), ("归档时间",)),
    Column("carried_over", gettext_noop("转入下年"), ("结转下年", "结转下年度继续办理", "是否结转")),
)
KEYS = [column.key for column in COLUMNS]
REQUIRED = [column.key for column in COLUMNS if column.required]


def key(text):
    """A cell or heading as compared: NFKC (full-width → half-width), lower case, letters and digits only."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower()
    return "".join(ch for ch in text if ch.isalnum())


def header_aliases():
    aliases = {}
    for column in COLUMNS:
        for name in (column.key, *in_every_language(column.heading), *column.synonyms):
            aliases[key(name)] = column.key
    return aliases


def named(column_key):
    """A column as messages name it: ``received_on（收到日期）``."""
    column = next(column for column in COLUMNS if column.key == column_key)
    return f"{column.key}（{column.heading}）"


_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")


def _choice_aliases(choices, synonyms):
    aliases = {}
    for value, label in choices.choices:
        aliases[key(value)] = value
        for text in in_every_language(label):
            aliases[key(text)] = value
            bracketed = _BRACKETED.search(unicodedata.normalize("NFKC", text))
            if bracketed:
                aliases[key(bracketed.group(1))] = value
    for word, value in synonyms.items():
        aliases[key(word)] = value
    return aliases


APPLICANT_TYPE_SYNONYMS = {
    "个人": ApplicantType.PERSON,
    "公民": ApplicantType.PERSON,
    "企业": ApplicantType.COMMERCIAL,
    "公司": ApplicantType.COMMERCIAL,
    "律师事务所": ApplicantType.LEGAL_SERVICE,
    "其他组织": ApplicantType.OTHER,
    "其他": ApplicantType.OTHER,
}
ID_TYPE_SYNONYMS = {
    "身份证": IdentityDocument.RESIDENT_ID,
    "港澳通行证": IdentityDocument.HK_MACAO_PERMIT,
    "港澳居民来往内地通行证": IdentityDocument.HK_MACAO_PERMIT,
    "台胞证": IdentityDocument.TAIWAN_PERMIT,
    "台湾居民来往大陆通行证": IdentityDocument.TAIWAN_PERMIT,
    "外国人永久居留身份证": IdentityDocument.FOREIGN_PERMANENT,
    "营业执照": IdentityDocument.CREDIT_CODE,
    "其他": IdentityDocument.OTHER,
}
CHANNEL_SYNONYMS = {
    "现场": IntakeChannel.IN_PERSON,
    "当面提交": IntakeChannel.IN_PERSON,
    "在线": IntakeChannel.ONLINE,
    "网上": IntakeChannel.ONLINE,
    "网上申请": IntakeChannel.ONLINE,
    "邮寄": IntakeChannel.LETTER,
    "信件": IntakeChannel.LETTER,
    "邮件": IntakeChannel.EMAIL,
}
DELIVERY_FORM_SYNONYMS = {
    "纸质文本": DeliveryForm.PAPER,
    "纸面": DeliveryForm.PAPER,
    "电子文本": DeliveryForm.ELECTRONIC,
    "数据电文": DeliveryForm.ELECTRONIC,
    "现场查阅": DeliveryForm.INSPECTION,
}
DELIVERY_CHANNEL_SYNONYMS = {
    "当面领取": DeliveryChannel.PICKUP,
    "现场领取": DeliveryChannel.PICKUP,
    "网上下载": DeliveryChannel.DOWNLOAD,
    "邮件": DeliveryChannel.EMAIL,
}
#: Words an outcome cell holds for a request still being handled: imported as 办理中.
OPEN_WORDS = {key(word) for word in ("办理中", "在办", "正在办理", "未办结", "未答复", "待答复", "受理", "已受理")}
YES = {key(word) for word in ("是", "y", "yes", "true", "1", "√", "结转")}
NO = {key(word) for word in ("否", "n", "no", "false", "0", "×", "不结转")}

_ROW = re.compile(r"^\(([一二三四五六])\)(\d?)\s*(.*)$")


def outcome_aliases():
    """Outcome cell → ``Outcome``: the code, the label, the row (（三）1, 三(三)1), the words with or without 属于."""
    aliases = {}
    reasons = {}
    for outcome in Outcome:
        aliases[key(outcome.value)] = outcome
        for label in in_every_language(outcome.label):
            aliases[key(label)] = outcome
            match = _ROW.match(unicodedata.normalize("NFKC", label))
            if not match:
                continue
            numeral, row, words = match.groups()
            aliases[key(f"{numeral}{row}")] = outcome
            aliases[key(f"三{numeral}{row}")] = outcome  # as the report's table 三 names its rows
            aliases[key(words)] = outcome
            group, _colon, reason = words.partition(":")  # NFKC made the full-width colon ":"
            if reason:
                short = reason.removeprefix("属于")
                for text in {reason, short}:
                    aliases[key(f"{group}{text}")] = outcome
                    reasons.setdefault(key(text), set()).add(outcome)
    aliases[key("部分公开（区分处理的）")] = Outcome.PARTLY_DISCLOSED
    # A reason alone (国家秘密, 重复申请) when only one outcome has it.
    for text, outcomes in reasons.items():
        if len(outcomes) == 1:
            aliases.setdefault(text, next(iter(outcomes)))
    return aliases


def applicant_type_aliases():
    return _choice_aliases(ApplicantType, APPLICANT_TYPE_SYNONYMS)


def id_type_aliases():
    return _choice_aliases(IdentityDocument, ID_TYPE_SYNONYMS)


def channel_aliases():
    return _choice_aliases(IntakeChannel, CHANNEL_SYNONYMS)


def delivery_form_aliases():
    return _choice_aliases(DeliveryForm, DELIVERY_FORM_SYNONYMS)


def delivery_channel_aliases():
    return _choice_aliases(DeliveryChannel, DELIVERY_CHANNEL_SYNONYMS)
