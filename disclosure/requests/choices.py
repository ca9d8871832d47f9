"""Enumerations of the request desk. The outcomes are report table 三's 21 outcome rows, in their order."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..catalogue.choices import NonDisclosureReason, UnavailableReason


class ApplicantType(models.TextChoices):
    """The columns of report table 三: a natural person, or one of five kinds of organisation."""

    PERSON = "person", _("Natural person (自然人)")
    COMMERCIAL = "commercial", _("Commercial enterprise (商业企业)")
    RESEARCH = "research", _("Research institution (科研机构)")
    PUBLIC_WELFARE = "public_welfare", _("Public welfare organisation (社会公益组织)")
    LEGAL_SERVICE = "legal_service", _("Legal service institution (法律服务机构)")
    OTHER = "other", _("Other organisation (其他)")

    @classmethod
    def organisations(cls):
        return [member for member in cls if member != cls.PERSON]


class IdentityDocument(models.TextChoices):
    RESIDENT_ID = "resident_id", _("Resident identity card (居民身份证)")
    PASSPORT = "passport", _("Passport (护照)")
    HK_MACAO_PERMIT = "hk_macao_permit", _("Mainland travel permit for Hong Kong and Macao residents")
    TAIWAN_PERMIT = "taiwan_permit", _("Mainland travel permit for Taiwan residents")
    FOREIGN_PERMANENT = "foreign_permanent", _("Foreign permanent resident ID card")
    OTHER = "other", _("Other identity document")
    CREDIT_CODE = "credit_code", _("Unified social credit code (统一社会信用代码)")


class IntakeChannel(models.TextChoices):
    """How the application reached the agency (Art 29, 31); the online form is 网络."""

    IN_PERSON = "in_person", _("In person (当面)")
    ONLINE = "online", _("Online (网络)")
    LETTER = "letter", _("Letter (信函)")
    FAX = "fax", _("Fax (传真)")
    EMAIL = "email", _("E-mail (电子邮件)")
    OTHER = "other", _("Other (其他)")


class DeliveryForm(models.TextChoices):
    PAPER = "paper", _("On paper (纸质)")
    ELECTRONIC = "electronic", _("Electronic (电子)")
    INSPECTION = "inspection", _("Inspection on site (查阅)")


class DeliveryChannel(models.TextChoices):
    POST = "post", _("By post (邮寄)")
    EMAIL = "email", _("By e-mail (电子邮件)")
    PICKUP = "pickup", _("Collect in person (自行领取)")
    DOWNLOAD = "download", _("Download from the website (网站下载)")


class RequestState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, receipt not yet confirmed")
    RECEIVED = "received", _("Received (已登记)")
    IN_PROGRESS = "in_progress", _("In progress (办理中)")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Awaiting supplement (待补正)")
    AWAITING_REASONS = "awaiting_reasons", _("Awaiting the applicant's reasons (待说明理由)")
    CONSULTING_THIRD_PARTY = "consulting_third_party", _("Consulting a third party (征求第三方意见)")
    CONSULTING_AGENCY = "consulting_agency", _("Consulting another agency (征求其他机关意见)")
    AWAITING_FEE = "awaiting_fee", _("Awaiting payment of the fee (待缴费)")
    DECIDED = "decided", _("Decided (已答复)")
    DELIVERED = "delivered", _("Delivered (已送达)")
    ARCHIVED = "archived", _("Archived (已归档)")
    DISCARDED = "discarded", _("Discarded as not an application (已作废)")


#: States in which the request waits for the agency or for someone else, before a decision.
OPEN_STATES = (
    RequestState.RECEIVED,
    RequestState.IN_PROGRESS,
    RequestState.AWAITING_SUPPLEMENT,
    RequestState.AWAITING_REASONS,
    RequestState.CONSULTING_THIRD_PARTY,
    RequestState.CONSULTING_AGENCY,
    RequestState.AWAITING_FEE,
)
#: States in which the reply clock does not run (the applicant or a consulted party has the turn).
PAUSE_STATES = (
    RequestState.AWAITING_SUPPLEMENT,
    RequestState.AWAITING_REASONS,
    RequestState.CONSULTING_THIRD_PARTY,
    RequestState.CONSULTING_AGENCY,
)
CLOSED_STATES = (RequestState.DECIDED, RequestState.DELIVERED, RequestState.ARCHIVED, RequestState.DISCARDED)


class OutcomeGroup(models.TextChoices):
    """Report table 三's groups (一)–(六); each reply notice is written per group."""

    DISCLOSED = "disclosed", _("(一) Disclosed (予以公开)")
    PARTLY_DISCLOSED = "partly_disclosed", _("(二) Partly disclosed (部分公开)")
    NOT_DISCLOSED = "not_disclosed", _("(三) Not disclosed (不予公开)")
    UNAVAILABLE = "unavailable", _("(四) Cannot be provided (无法提供)")
    NOT_PROCESSED = "not_processed", _("(五) Not processed (不予处理)")
    OTHER = "other", _("(六) Otherwise handled (其他处理)")


class NotProcessedReason(models.TextChoices):
    """Report table 三(五) (不予处理)."""

    PETITION = "petition", _("Petition, report or complaint (信访举报投诉类申请)")
    REPEATED = "repeated", _("Repeated application (重复申请)")
    PUBLICATION = "publication", _("Asks for public publications (要求提供公开出版物)")
    EXCESSIVE = "excessive", _("Large numbers of repeated applications without good reason")
    CONFIRMATION = "confirmation", _("Asks to confirm or re-issue information already obtained")


class OtherHandling(models.TextChoices):
    """Report table 三(六) (其他处理)."""

    NO_SUPPLEMENT = "no_supplement", _("Not supplemented in time (申请人无正当理由逾期不补正)")
    FEE_UNPAID = "fee_unpaid", _("Fee not paid in time (申请人逾期未按收费通知要求缴纳费用)")
    OTHER = "other", _("Other (其他)")


def _outcomes():
    rows = [
        (OutcomeGroup.DISCLOSED, "disclosed", _("予以公开")),
        (OutcomeGroup.PARTLY_DISCLOSED, "partly_disclosed", _("部分公开（区分处理的）")),
    ]
    for group, enum in (
        (OutcomeGroup.NOT_DISCLOSED, NonDisclosureReason),
        (OutcomeGroup.UNAVAILABLE, UnavailableReason),
        (OutcomeGroup.NOT_PROCESSED, NotProcessedReason),
        (OutcomeGroup.OTHER, OtherHandling),
    ):
        rows.extend((group, f"{group.value}.{member.value}", member.label) for member in enum)
    return rows


#: (group, value, label) for the 21 outcome rows, in report order.
OUTCOME_ROWS = _outcomes()
OUTCOME_GROUP = {value: group for group, value, _label in OUTCOME_ROWS}


class Outcome(models.TextChoices):
    """Exactly one per decided request: a row of report table 三. No free text."""

    DISCLOSED = "disclosed", _("(一) 予以公开")
    PARTLY_DISCLOSED = "partly_disclosed", _("(二) 部分公开")
    STATE_SECRET = "not_disclosed.state_secret", _("(三)1 不予公开：属于国家秘密")
    PROHIBITED_BY_LAW = "not_disclosed.prohibited_by_law", _("(三)2 不予公开：其他法律行政法规禁止公开")
    SECURITY_STABILITY = "not_disclosed.security_stability", _("(三)3 不予公开：危及“三安全一稳定”")
    THIRD_PARTY = "not_disclosed.third_party", _("(三)4 不予公开：保护第三方合法权益")
    INTERNAL_AFFAIRS = "not_disclosed.internal_affairs", _("(三)5 不予公开：属于三类内部事务信息")
    PROCESS_INFORMATION = "not_disclosed.process_information", _("(三)6 不予公开：属于四类过程性信息")
    ENFORCEMENT_FILE = "not_disclosed.enforcement_file", _("(三)7 不予公开：属于行政执法案卷")
    QUERY_MATTER = "not_disclosed.query_matter", _("(三)8 不予公开：属于行政查询事项")
    NOT_HELD = "unavailable.not_held", _("(四)1 无法提供：本机关不掌握相关政府信息")
    WOULD_NEED_CREATING = "unavailable.would_need_creating", _("(四)2 无法提供：没有现成信息需要另行制作")
    STILL_UNCLEAR = "unavailable.still_unclear", _("(四)3 无法提供：补正后申请内容仍不明确")
    PETITION = "not_processed.petition", _("(五)1 不予处理：信访举报投诉类申请")
    REPEATED = "not_processed.repeated", _("(五)2 不予处理：重复申请")
    PUBLICATION = "not_processed.publication", _("(五)3 不予处理：要求提供公开出版物")
    EXCESSIVE = "not_processed.excessive", _("(五)4 不予处理：无正当理由大量反复申请")
    CONFIRMATION = "not_processed.confirmation", _("(五)5 不予处理：要求行政机关确认或重新出具已获取信息")
    NO_SUPPLEMENT = (
        "other.no_supplement",
        _("(六)1 其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    FEE_UNPAID = (
        "other.fee_unpaid",
        _("(六)2 其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    )
    OTHER = "other.other", _("(六)3 其他处理：其他")

    @property
    def group(self):
        return OutcomeGroup(OUTCOME_GROUP[self.value])


class PauseKind(models.TextChoices):
    """Time the statute does not count (Art 33 ¶3, Art 34, Art 35; the fee pause is a setting)."""

    THIRD_PARTY = "third_party", _("Third-party consultation (Art 32)")
    AGENCY = "agency", _("Consultation of another agency (Art 34)")
    REASONS = "reasons", _("Applicant asked for reasons (Art 35)")
    FEE = "fee", _("Waiting for the fee (Art 42)")


class NoticeKind(models.TextChoices):
    RECEIPT = "receipt", _("Acknowledgement of receipt (登记回执)")
    SUPPLEMENT = "supplement", _("Request to supplement (补正告知书)")
    REASONS = "reasons", _("Request for reasons (说明理由告知书)")
    EXTENSION = "extension", _("Notice of extension (延期答复告知书)")
    THIRD_PARTY = "third_party", _("Consultation of a third party (征求第三方意见书)")
    AGENCY = "agency", _("Consultation of another agency (征求意见书)")
    FEE = "fee", _("Fee notice (收费通知书)")
    REPLY_DISCLOSED = "reply_disclosed", _("Reply: disclosed (予以公开告知书)")
    REPLY_PARTLY_DISCLOSED = "reply_partly_disclosed", _("Reply: partly disclosed (部分公开告知书)")
    REPLY_NOT_DISCLOSED = "reply_not_disclosed", _("Reply: not disclosed (不予公开告知书)")
    REPLY_UNAVAILABLE = "reply_unavailable", _("Reply: cannot be provided (无法提供告知书)")
    REPLY_NOT_PROCESSED = "reply_not_processed", _("Reply: not processed (不予处理告知书)")
    REPLY_OTHER = "reply_other", _("Reply: otherwise handled (其他处理告知书)")

    @classmethod
    def reply_for(cls, outcome):
        return cls(f"reply_{Outcome(outcome).group.value}")


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted online")
    REGISTERED = "registered", _("Registered by staff")
    RECEIVED = "received", _("Receipt confirmed")
    ASSIGNED = "assigned", _("Handler assigned")
    STARTED = "started", _("Handling started")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Supplement requested")
    SUPPLEMENT_RECEIVED = "supplement_received", _("Supplement received, clock restarted")
    REASONS_REQUESTED = "reasons_requested", _("Reasons requested (Art 35)")
    REASONS_RECEIVED = "reasons_received", _("Reasons received")
    PAUSED = "paused", _("Clock paused")
    RESUMED = "resumed", _("Clock resumed")
    EXTENSION_PROPOSED = "extension_proposed", _("Extension proposed")
    EXTENDED = "extended", _("Extension approved")
    EXTENSION_REJECTED = "extension_rejected", _("Extension refused")
    FEE_NOTIFIED = "fee_notified", _("Fee notified")
    FEE_PAID = "fee_paid", _("Fee paid")
    DECIDED = "decided", _("Decided")
    DELIVERED = "delivered", _("Delivered")
    ARCHIVED = "archived", _("Archived")
    TRANSFERRED = "transferred", _("Transferred to another agency")
    DISCARDED = "discarded", _("Discarded")
    NOTICE_SENT = "notice_sent", _("Notice sent")
    CLOCK_RECOMPUTED = "clock_recomputed", _("Deadline recomputed")
    DUPLICATE_FLAGGED = "duplicate_flagged", _("Possible duplicate flagged")
    PROACTIVE_DRAFTED = "proactive_drafted", _("Draft for proactive disclosure created (Art 44)")
    PERSONAL_DATA_PURGED = "personal_data_purged", _("Personal data deleted after the retention period")
    NOTE = "note", _("Note")


class AppealKind(models.TextChoices):
    """The three groups of report table 四."""

    REVIEW = "review", _("Administrative reconsideration (行政复议)")
    LAWSUIT_DIRECT = "lawsuit_direct", _("Lawsuit without reconsideration (未经复议直接起诉)")
    LAWSUIT_AFTER_REVIEW = "lawsuit_after_review", _("Lawsuit after reconsideration (复议后起诉)")


class AppealResult(models.TextChoices):
    UPHELD = "upheld", _("Upheld (维持)")
    CORRECTED = "corrected", _("Corrected (纠正)")
    OTHER = "other", _("Other result (其他)")
    PENDING = "pending", _("Not yet concluded (尚未审结)")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("By post (邮寄)")
    EMAIL = "email", _("By e-mail (电子邮件)")
    IN_PERSON = "in_person", _("Handed over in person (当面送达)")
    DOWNLOAD = "download", _("Made available for download (网站下载)")
    FAX = "fax", _("By fax (传真)")
