"""The wording every agency starts with: one notice per ``NoticeKind``, in the agency's voice.

These are documents, not interface strings: they are issued in Chinese whatever the language of
the admin, and an agency changes them by saving its own ``NoticeTemplate`` (or the site's, with no
agency), not through the message catalogues. The statutory rules they cite are those of the
2019 政府信息公开条例, of 国办函〔2020〕109号 (fees), of the 行政复议法 revised in 2023 (in force
2024-01-01) and of the 行政诉讼法 (the remedy clause).

The remedy clause is not part of any body: ``REMEDY_CLAUSE`` is added after the body of every
notice in ``placeholders.REMEDY_KINDS`` so that no edit can drop it.
"""

from dataclasses import dataclass

from ..choices import NoticeKind

K = NoticeKind


@dataclass(frozen=True)
class DefaultTemplate:
    title: str
    number_pattern: str
    body: str


#: Replies share one numbering (公复), as agencies number their replies in one register.
REPLY_PATTERN = "{agency_short}公复〔{year}〕{serial}号"

#: Where the applicant may appeal when the template names no body (行政复议法 2023, Art 24): a people's
#: government's acts (a township's, a subdistrict office's too) go to the government one level up, a
#: department's to the government of its own level, named by ``templates`` when the agency records it.
REVIEW_BODY_OF_GOVERNMENT = "上一级人民政府"
REVIEW_BODY_OF_DEPARTMENT = "本级人民政府"
DEFAULT_COURT = "有管辖权的人民法院"

#: Added after the body of replies and of the fee notice: the time limits run from the day the applicant
#: knew of the act (行政复议法 Art 20 ¶1: sixty days; 行政诉讼法 Art 46 ¶1: six months).
REMEDY_CLAUSE = (
    "如对{decision}不服，可以自知道该行政行为之日起六十日内向{review_body}申请行政复议，"
    "或者自知道该行政行为之日起六个月内向{court}提起行政诉讼。"
)
#: What the applicant may contest, as the notice calls itself: 答复书 → 本答复, 告知书 → 本告知, 通知书 → 本通知.
REMEDY_DECISIONS = {K.FEE: "本通知", K.REPLY_OTHER: "本告知"}
REMEDY_DECISION_DEFAULT = "本答复"

_APPLICATION = (
    "本机关于{{ received_on }}收到您提出的政府信息公开申请（申请编号：{{ request_number }}），"
    "您申请获取“{{ description }}”的政府信息。"
)
_CONTACT = (
    "{% if agency_phone %}联系电话：{{ agency_phone }}。{% endif %}"
    "{% if agency_address %}联系地址：{{ agency_address }}"
    "{% if agency_postcode %}（邮政编码：{{ agency_postcode }}）{% endif %}。{% endif %}"
)
_BASIS = "{% if legal_basis %}法律依据：{{ legal_basis }}。{% endif %}"
_PROVIDED = (
    "{% if provided_items %}现向您提供以下政府信息：\n"
    "{% for item in provided_items %}{{ forloop.counter }}．{{ item }}\n{% endfor %}{% endif %}"
    "{% if delivery_form %}提供形式：{{ delivery_form }}"
    "{% if delivery_channel %}；获取方式：{{ delivery_channel }}{% endif %}。{% endif %}"
)

DEFAULTS = {
    K.RECEIPT: DefaultTemplate(
        "政府信息公开申请登记回执",
        "{agency_short}依申回〔{year}〕{serial}号",
        "{{ applicant_name }}：\n"
        "本机关于{{ received_on }}收到您{{ channel }}的政府信息公开申请，已予登记，"
        "申请编号为{{ request_number }}。您申请获取的政府信息为：“{{ description }}”。\n"
        "根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起"
        "{{ reply_working_days }}个工作日内予以答复{% if due_date %}，答复期限至{{ due_date }}{% endif %}。"
        "需要延长答复期限的，本机关将书面告知您，延长的期限最长不超过二十个工作日。"
        "征求第三方和其他机关意见所需时间不计算在答复期限内。\n"
        "{% if status_url %}您可以登录{{ status_url }}，凭申请编号和查询码查询办理进度。"
        "查询码已在提交或者登记申请时告知您，本回执不载明查询码，请妥善保管。"
        "{% elif agency_phone %}您可以拨打{{ agency_phone }}，凭申请编号查询办理进度。"
        "{% else %}您可以凭申请编号向本机关查询办理进度。{% endif %}\n" + _CONTACT,
    ),
    K.SUPPLEMENT: DefaultTemplate(
        "政府信息公开申请补正告知书",
        "{agency_short}依申补〔{year}〕{serial}号",
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，"
        "请您对申请作出如下补正：\n"
        "{{ what }}\n"
        "请于{{ applicant_due }}前将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。\n"
        "特此告知。\n" + _CONTACT,
    ),
    K.REASONS: DefaultTemplate(
        "政府信息公开申请说明理由告知书",
        "{agency_short}依申说〔{year}〕{serial}号",
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》"
        "第三十五条的规定，请您就以下事项书面说明理由：\n"
        "{{ what }}\n"
        "本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在规定期限内答复的，"
        "将确定延迟答复的合理期限并告知您。等待您说明理由的时间不计算在答复期限内。\n"
        "特此告知。\n" + _CONTACT,
    ),
    K.EXTENSION: DefaultTemplate(
        "政府信息公开申请延期答复告知书",
        "{agency_short}依申延〔{year}〕{serial}号",
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "因{{ extension_reason }}，本机关不能在{% if original_due_date %}{{ original_due_date }}前{% else %}"
        "规定期限内{% endif %}作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，"
        "经政府信息公开工作机构负责人同意，答复期限延长{{ extension_days }}个工作日"
        "{% if new_due_date %}，延长后的答复期限至{{ new_due_date }}{% endif %}。\n"
        "特此告知。\n" + _CONTACT,
    ),
    K.THIRD_PARTY: DefaultTemplate(
        "政府信息公开征求第三方意见书",
        "{agency_short}依申征〔{year}〕{serial}号",
        "{{ party }}：\n"
        "本机关于{{ received_on }}收到政府信息公开申请（申请编号：{{ request_number }}），"
        "申请获取“{{ description }}”的政府信息。经审查，公开该政府信息可能损害贵方合法权益。"
        "根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。\n"
        "请于{% if party_reply_due %}{{ party_reply_due }}前（{% endif %}自收到本意见书之日起"
        "{{ consultation_working_days }}个工作日内{% if party_reply_due %}）{% endif %}"
        "将是否同意公开的书面意见及理由反馈本机关。逾期未提出意见的，由本机关依照"
        "《中华人民共和国政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的，"
        "本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
        "并将决定公开的政府信息内容和理由书面告知贵方。\n"
        "特此函告。\n" + _CONTACT,
    ),
    K.AGENCY: DefaultTemplate(
        "政府信息公开征求意见书",
        "{agency_short}依申征函〔{year}〕{serial}号",
        "{{ party }}：\n"
        "本机关于{{ received_on }}收到政府信息公开申请（申请编号：{{ request_number }}），"
        "申请获取“{{ description }}”的政府信息。该政府信息涉及贵单位，根据《中华人民共和国政府信息公开条例》"
        "第三十四条的规定，现征求贵单位意见。\n"
        "请贵单位于{% if party_reply_due %}{{ party_reply_due }}前（{% endif %}自收到本征求意见书之日起"
        "{{ consultation_working_days }}个工作日内{% if party_reply_due %}）{% endif %}"
        "提出是否同意公开的书面意见；逾期未提出意见的，视为同意公开。\n"
        "特此函告。\n" + _CONTACT,
    ),
    K.FEE: DefaultTemplate(
        "政府信息公开信息处理费收费通知书",
        "{agency_short}依申费〔{year}〕{serial}号",
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》"
        "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，"
        "本机关依法收取信息处理费人民币{{ fee_amount }}元。"
        "{% if fee_explanation %}计算方法：{{ fee_explanation }}{% endif %}\n"
        "请您自收到本通知之日起二十个工作日内缴纳上述费用。逾期未缴纳的，视为放弃申请，"
        "本机关将不再处理该政府信息公开申请。\n" + _CONTACT,
    ),
    K.REPLY_DISCLOSED: DefaultTemplate(
        "政府信息公开申请答复书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "{% if already_public_at %}经审查，您申请获取的政府信息本机关已经主动公开。根据《中华人民共和国"
        "政府信息公开条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径："
        "{{ already_public_at }}。"
        "{% else %}经审查，您申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》"
        "第三十六条第（二）项的规定，本机关决定予以公开。{% endif %}" + _BASIS + "\n" + _PROVIDED + "\n" + _CONTACT,
    ),
    K.REPLY_PARTLY_DISCLOSED: DefaultTemplate(
        "政府信息公开申请答复书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据《中华人民共和国"
        "政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容（区分处理件），"
        "对不予公开的内容作遮盖处理。"
        "{% if withheld_reasons %}其中{{ withheld_reasons }}。{% endif %}"
        + _BASIS
        + "\n"
        + _PROVIDED
        + "\n"
        + _CONTACT,
    ),
    K.REPLY_NOT_DISCLOSED: DefaultTemplate(
        "政府信息公开申请答复书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您申请获取的政府信息{{ outcome_reason }}。根据《中华人民共和国政府信息公开条例》"
        "{{ outcome_articles }}的规定，本机关决定不予公开。" + _BASIS + "\n" + _CONTACT,
    ),
    K.REPLY_UNAVAILABLE: DefaultTemplate(
        "政府信息公开申请答复书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，{{ outcome_reason }}，本机关无法向您提供该政府信息。" + _BASIS + "\n" + _CONTACT,
    ),
    K.REPLY_NOT_PROCESSED: DefaultTemplate(
        "政府信息公开申请答复书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "经审查，您的申请{{ outcome_reason }}，本机关不予处理。" + _BASIS + "\n" + _CONTACT,
    ),
    K.REPLY_OTHER: DefaultTemplate(
        "政府信息公开申请处理告知书",
        REPLY_PATTERN,
        "{{ applicant_name }}：\n" + _APPLICATION + "\n"
        "{% if outcome_reason %}经审查，{{ outcome_reason }}，{% endif %}本机关不再处理您的该项政府信息公开申请。"
        + _BASIS
        + "\n"
        + _CONTACT,
    ),
}

#: The outcome's reason as a clause of the reply's sentence (see the reply bodies above).
OUTCOME_REASONS = {
    "disclosed": "属于公开范围",
    "partly_disclosed": "含有不应当公开的内容，但是能够作区分处理",
    "not_disclosed.state_secret": "属于国家秘密",
    "not_disclosed.prohibited_by_law": "属于法律、行政法规禁止公开的政府信息",
    "not_disclosed.security_stability": "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "not_disclosed.third_party": "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容",
    "not_disclosed.internal_affairs": "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
    "not_disclosed.process_information": (
        "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
    ),
    "not_disclosed.enforcement_file": "属于行政执法案卷信息",
    "not_disclosed.query_matter": (
        "属于有关法律、行政法规对信息的获取有特别规定的行政查询事项，请您依照有关法律、行政法规的规定办理"
    ),
    "unavailable.not_held": "本机关未制作、获取您申请获取的政府信息",
    "unavailable.would_need_creating": "本机关没有您申请获取的现成政府信息，需要对现有信息进行加工、分析或者另行制作",
    "unavailable.still_unclear": "您的申请经补正后内容仍不明确，本机关无法确定您申请获取的政府信息",
    "not_processed.petition": "属于以政府信息公开申请的形式进行信访、投诉、举报等活动，请您通过相应渠道提出",
    "not_processed.repeated": "属于重复申请公开本机关已作出答复的相同政府信息",
    "not_processed.publication": "属于要求提供政府公报、报刊、书籍等公开出版物，您可以通过公开发行渠道获取",
    "not_processed.excessive": "申请公开政府信息的数量、频次明显超过合理范围，且无正当理由",
    "not_processed.confirmation": "属于要求本机关确认或者重新出具您已获取的信息",
    "other.no_supplement": "您无正当理由逾期未补正申请，视为放弃申请",
    "other.fee_unpaid": "您逾期未按收费通知要求缴纳信息处理费，视为放弃申请",
    "other.other": "",
}

#: The articles of the 条例 a 不予公开 reply rests on: the ground (Art 14, 15, 16) and Art 36(三); a
#: 行政查询事项 is answered under Art 36(七) (the law that governs the query applies).
NOT_DISCLOSED_ARTICLES = {
    "not_disclosed.query_matter": "第三十六条第（七）项",
}
NOT_DISCLOSED_ARTICLES_DEFAULT = "{article}、第三十六条第（三）项"

#: What a withheld part is, set in “其中涉及……的内容” (keys: ``redaction.REASONS``).
WITHHELD_MATTERS = {
    "state_secret": "国家秘密",
    "prohibited_by_law": "法律、行政法规禁止公开的事项",
    "security_stability": "公开后可能危及国家安全、公共安全、经济安全、社会稳定的事项",
    "third_party": "公开会对第三方合法权益造成损害的事项",
    "personal_information": "第三方个人信息",
    "internal_affairs": "内部事务信息",
    "process_information": "过程性信息",
    "enforcement_file": "行政执法案卷信息",
    "query_matter": "行政查询事项",
}

#: Short Chinese names of the outcomes (the report's words, without the row numbers).
OUTCOME_LABELS = {
    "disclosed": "予以公开",
    "partly_disclosed": "部分公开",
    "not_disclosed": "不予公开",
    "unavailable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
}
