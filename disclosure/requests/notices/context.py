"""The values a notice's placeholders take for one request: computed here, once, from the request.

Dates are written the Chinese way (2026年11月30日). Notices to a third party or another agency get
no applicant data in their context at all (see ``placeholders``), so a template cannot leak it.
"""

import copy
import datetime

from django.utils import timezone, translation

from ... import conf
from .. import clock, redaction
from ..applicant_mail import status_page_url
from ..choices import DeliveryChannel, DeliveryForm, EventKind, IntakeChannel, NoticeKind, Outcome, OutcomeGroup
from .defaults import (
    NOT_DISCLOSED_ARTICLES,
    NOT_DISCLOSED_ARTICLES_DEFAULT,
    OUTCOME_LABELS,
    OUTCOME_REASONS,
    REMEDY_CLAUSE,
    REMEDY_DECISION_DEFAULT,
    REMEDY_DECISIONS,
    WITHHELD_MATTERS,
)
from .placeholders import FOR_APPLICANT, NOT_FOR_APPLICANT, REMEDY_KINDS, REPLY_KINDS, placeholders_for

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
#: The language notices are written in, whatever the language of the person issuing them.
NOTICE_LANGUAGE = "zh-hans"


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


def _withheld_reasons_of(request):
    """The distinct legal grounds of every mark of the request's released files, by article (14, 15, 16,
    then none): what the 部分公开 reply must state as the reasons for what it withholds (Art 37)."""
    reasons = {
        mark.get("reason")
        for marks in request.released_files.values_list("redactions", flat=True)
        for mark in marks or []
        if mark.get("reason") in redaction.REASONS
    }
    return sorted(reasons, key=lambda reason: (redaction.ARTICLES[reason] or 99, list(redaction.REASONS).index(reason)))


def _withheld(request):
    """``withheld_grounds`` (label and article of each ground) and ``withheld_reasons``, the grounds as a
    clause: 涉及第三方个人信息的内容，依据《中华人民共和国政府信息公开条例》第十五条不予公开；……"""
    reasons = _withheld_reasons_of(request)
    with translation.override(NOTICE_LANGUAGE):
        grounds = [
            {"label": str(redaction.REASONS[reason]), "article": redaction.article(reason)} for reason in reasons
        ]
    by_article = {}
    for reason in reasons:
        by_article.setdefault(redaction.article(reason), []).append(WITHHELD_MATTERS[reason])
    clauses = [
        f"涉及{'、'.join(matters)}的内容，依据《中华人民共和国政府信息公开条例》{article}不予公开"
        if article
        else f"涉及{'、'.join(matters)}的内容不予公开，请您依照有关法律、行政法规的规定办理"
        for article, matters in by_article.items()
    ]
    return {"withheld_grounds": grounds, "withheld_reasons": "；".join(clauses)}


def _outcome_articles(outcome):
    """The articles a 不予公开 reply cites: the ground's (第十四条) and Art 36(三)."""
    if outcome.group != OutcomeGroup.NOT_DISCLOSED:
        return ""
    if outcome.value in NOT_DISCLOSED_ARTICLES:
        return NOT_DISCLOSED_ARTICLES[outcome.value]
    return NOT_DISCLOSED_ARTICLES_DEFAULT.format(article=redaction.article(outcome.value.split(".", 1)[1]))


def _reply(request):
    if not request.outcome:
        return {}
    outcome = Outcome(request.outcome)
    return {
        **_withheld(request),
        "outcome_label": OUTCOME_LABELS[outcome.group.value],
        "outcome_reason": OUTCOME_REASONS.get(outcome.value, ""),
        "outcome_articles": _outcome_articles(outcome),
        "legal_basis": _basis(request.legal_basis),
        "decided_on": request.decided_on,
        "provided_items": _provided_items(request),
        "already_public_at": request.already_public_at.strip().rstrip("。."),
        "delivery_form": DELIVERY_FORM_WORDS.get(request.delivery_form, ""),
        "delivery_channel": DELIVERY_CHANNEL_WORDS.get(request.delivery_channel, ""),
    }


def remedy_clause(kind, review_body, court):
    decision = REMEDY_DECISIONS.get(NoticeKind(kind), REMEDY_DECISION_DEFAULT)
    return REMEDY_CLAUSE.format(decision=decision, review_body=review_body, court=court)


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
    if kind in FOR_APPLICANT:
        values.update(
            applicant_name=request.applicant_name,
            channel=CHANNEL_WORDS.get(request.channel, "提交"),
            reference=request.reference,
            # Where to follow the application; never the 查询码 itself, which is kept only as a digest.
            status_url=status_page_url(agency),
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
