"""The values a notice's placeholders take for one request: computed here, once, from the request.

Dates are written the Chinese way (2026年11月30日). Notices to a third party or another agency get
no applicant data in their context at all (see ``placeholders``), so a template cannot leak it.
"""

import copy
import datetime

from django.utils import timezone

from ... import conf
from .. import clock
from ..choices import DeliveryChannel, DeliveryForm, EventKind, IntakeChannel, NoticeKind, Outcome
from .defaults import OUTCOME_LABELS, OUTCOME_REASONS, REMEDY_CLAUSE, REMEDY_WORDS, REMEDY_WORDS_DEFAULT
from .placeholders import NOT_FOR_APPLICANT, REMEDY_KINDS, REPLY_KINDS, placeholders_for

K = NoticeKind

DATE_FIELDS = frozenset(
    {
        "issued_on",
        "submitted_on",
        "received_on",
        "due_date",
        "applicant_due",
        "original_due_date",
        "new_due_date",
        "consultation_started_on",
        "party_reply_due",
        "decided_on",
    }
)

CHANNEL_WORDS = {
    IntakeChannel.IN_PERSON: "当面提交",
    IntakeChannel.ONLINE: "通过互联网提交",
    IntakeChannel.LETTER: "以信函方式提交",
    IntakeChannel.FAX: "以传真方式提交",
    IntakeChannel.EMAIL: "以电子邮件方式提交",
    IntakeChannel.OTHER: "提交",
}
DELIVERY_FORM_WORDS = {DeliveryForm.PAPER: "纸质", DeliveryForm.ELECTRONIC: "电子", DeliveryForm.INSPECTION: "现场查阅"}
DELIVERY_CHANNEL_WORDS = {
    DeliveryChannel.POST: "邮寄",
    DeliveryChannel.EMAIL: "电子邮件",
    DeliveryChannel.PICKUP: "自行领取",
    DeliveryChannel.DOWNLOAD: "网站下载",
}
#: Why parts of a released file are withheld, in the reply's words (keys: ``redaction.RedactionReason``).
WITHHELD_WORDS = {
    "state_secret": "属于国家秘密",
    "prohibited_by_law": "属于法律、行政法规禁止公开的信息",
    "security_stability": "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "third_party": "涉及商业秘密等公开会对第三方合法权益造成损害的内容",
    "internal_affairs": "属于内部事务信息",
    "process_information": "属于过程性信息",
    "enforcement_file": "属于行政执法案卷信息",
    "query_matter": "属于行政查询事项",
    "personal_information": "涉及第三方个人信息",
}


def chinese_date(value):
    """2026-11-30 → 2026年11月30日 (dates in the context may come as ``date`` or ISO text from an event)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.year}年{value.month}月{value.day}日"


def _basis(text):
    """Free text set inside a sentence of the notice: without its own closing punctuation."""
    return (text or "").strip().rstrip("。.;；,，")


def _latest_event_data(request, kind):
    event = request.events.filter(kind=kind).order_by("-at", "-pk").first()
    return ({**event.data, "note": event.note} if event else {}), event


def _consultation(request, kind):
    pause = (
        request.pauses.filter(kind="third_party" if kind == K.THIRD_PARTY else "agency")
        .order_by("-started_on", "-pk")
        .first()
    )
    if pause is None:
        return {}
    return {"party": pause.party, "consultation_started_on": pause.started_on, "party_reply_due": pause.reply_due}


def _due_date(request):
    """The stored due date; staff registration announces itself before storing it, so compute it then."""
    if request.due_date is None and request.clock_start is not None:
        return clock.compute(request).due
    return request.due_date


def _original_due(request):
    before = copy.copy(request)
    before.extension_working_days = 0
    return clock.compute(before).due


def _provided_items(request):
    items = []
    for page in request.provided_pages.all():
        specific = page.specific
        index_number = getattr(specific, "index_number", "")
        items.append(f"《{page.title}》（索引号：{index_number}）" if index_number else f"《{page.title}》")
    for released in request.released_files.all():
        items.append(released.title)
    return items


def _withheld_reasons(request):
    reasons = []
    for released in request.released_files.all():
        for mark in released.redactions or []:
            words = WITHHELD_WORDS.get(mark.get("reason"), "")
            if words and words not in reasons:
                reasons.append(words)
    return "；".join(reasons)


def _reply(request):
    if not request.outcome:
        return {}
    outcome = Outcome(request.outcome)
    return {
        "outcome_label": OUTCOME_LABELS[outcome.group.value],
        "outcome_reason": OUTCOME_REASONS.get(outcome.value, ""),
        "legal_basis": _basis(request.legal_basis),
        "decided_on": request.decided_on,
        "provided_items": _provided_items(request),
        "already_public_at": request.already_public_at.strip().rstrip("。."),
        "withheld_reasons": _withheld_reasons(request),
        "delivery_form": DELIVERY_FORM_WORDS.get(request.delivery_form, ""),
        "delivery_channel": DELIVERY_CHANNEL_WORDS.get(request.delivery_channel, ""),
    }


def remedy_clause(kind, review_body, court):
    decision, document = REMEDY_WORDS.get(NoticeKind(kind), REMEDY_WORDS_DEFAULT)
    return REMEDY_CLAUSE.format(decision=decision, document=document, review_body=review_body, court=court)


def build(request, kind, template, *, number="", issued_on=None, extra=None):
    """Every placeholder of ``kind`` with its value for ``request``; ``extra`` (e.g. an event's data) wins."""
    kind = NoticeKind(kind)
    agency = request.agency
    values = {
        "request_number": request.number,
        "notice_number": number,
        "issued_on": issued_on or timezone.localdate(),
        "agency_name": agency.title,
        "agency_short": agency.short_name or agency.title,
        "agency_address": agency.address,
        "agency_postcode": agency.postcode,
        "agency_phone": agency.phone,
        "agency_email": agency.email,
        "description": _basis(request.description),
        "submitted_on": request.submitted_at,
        "received_on": request.received_on,
        "reply_working_days": conf.get("REQUEST_REPLY_WORKING_DAYS"),
        "due_date": _due_date(request),
        "review_body": template.review_body,
        "court": template.court,
        "remedy_clause": remedy_clause(kind, template.review_body, template.court) if kind in REMEDY_KINDS else "",
    }
    if kind not in NOT_FOR_APPLICANT:
        values.update(
            applicant_name=request.applicant_name,
            channel=CHANNEL_WORDS.get(request.channel, "提交"),
            reference=request.reference,
        )
    if kind == K.SUPPLEMENT:
        data, _event = _latest_event_data(request, EventKind.SUPPLEMENT_REQUESTED)
        values.update(what=data.get("what", ""), applicant_due=request.applicant_due or data.get("applicant_due"))
    elif kind == K.REASONS:
        data, _event = _latest_event_data(request, EventKind.REASONS_REQUESTED)
        values.update(what=data.get("what") or data.get("note", ""))
    elif kind == K.EXTENSION:
        values.update(
            extension_days=request.extension_working_days,
            extension_reason=_basis(request.extension_reason),
            original_due_date=_original_due(request) if request.extension_working_days else None,
            new_due_date=_due_date(request),
        )
    elif kind in NOT_FOR_APPLICANT:
        values.update(
            _consultation(request, kind), consultation_working_days=conf.get("REQUEST_CONSULTATION_WORKING_DAYS")
        )
    elif kind == K.FEE:
        data, _event = _latest_event_data(request, EventKind.FEE_NOTIFIED)
        values.update(
            fee_amount=f"{request.fee_amount:.2f}" if request.fee_amount is not None else "",
            fee_explanation=data.get("fee_explanation", ""),
        )
    elif kind in REPLY_KINDS:
        values.update(_reply(request))
    values.update(extra or {})
    allowed = {placeholder.name for placeholder in placeholders_for(kind)}
    context = {}
    for name in allowed:
        value = values.get(name, "")
        if name in DATE_FIELDS:
            value = chinese_date(value)
        context[name] = "" if value is None else value
    return context
