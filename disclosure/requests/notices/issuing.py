"""Issuing a notice: the wording chosen, the number allocated, the text rendered to PDF and Word,
all saved as one ``Notice``; and sending it, after which nothing of it changes.

Numbers come from ``numbers.allocate_notice_number``, one sequence per agency, year and number
*pattern*: the six reply notices share 公复〔2026〕n号 by default, and two kinds given the same
pattern by an editor still never get the same number.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import EventKind, NoticeKind
from ..models import Notice, RequestEvent
from ..numbers import allocate_notice_number
from . import context as notice_context
from .document import NoticeDocument
from .pdf import render_pdf
from .placeholders import NOT_FOR_APPLICANT, REMEDY_KINDS
from .templates import render_body, template_for
from .word import render_docx


def number_series(pattern):
    """The numbering sequence a pattern draws from (fits ``RequestNumberSequence.series``)."""
    return hashlib.sha256(pattern.encode()).hexdigest()[:20]


def _recipient(request, kind, context):
    if kind in NOT_FOR_APPLICANT:
        return context.get("party") or ""
    return request.applicant_name


@transaction.atomic
def issue_notice(request, kind, actor, extra_context=None, *, recipient=None, sent=False):
    """Render and save a notice of ``kind`` for ``request``; ``extra_context`` overrides placeholder
    values (an event's data). With ``sent`` the notice is sent at once (see ``send``)."""
    kind = NoticeKind(kind)
    template = template_for(request.agency, kind)
    issued_on = timezone.localdate()
    number = allocate_notice_number(request.agency, number_series(template.number_pattern), template.number_pattern)
    context = notice_context.build(request, kind, template, number=number, issued_on=issued_on, extra=extra_context)
    paragraphs = render_body(template, context)
    if kind in REMEDY_KINDS:
        paragraphs.append(context["remedy_clause"])
    document = NoticeDocument(
        title=template.title,
        number=number,
        paragraphs=tuple(paragraphs),
        agency_name=request.agency.title,
        date_text=context["issued_on"],
    )
    notice = Notice.objects.create(
        request=request,
        kind=kind,
        number=number,
        title=template.title,
        body="\n".join(paragraphs),
        recipient=(recipient or _recipient(request, kind, context))[:200],
        for_applicant=kind not in NOT_FOR_APPLICANT,
        pdf=render_pdf(document),
        docx=render_docx(document),
        created_by=actor,
    )
    if sent:
        send(notice, actor)
    return notice


@transaction.atomic
def send(notice, actor=None, *, at=None):
    """Record that the notice left the agency; from then on it is what the recipient holds and cannot change."""
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.sent_at is not None:
        raise ValidationError(_("This notice was already sent on %(date)s.") % {"date": f"{notice.sent_at:%Y-%m-%d}"})
    notice.sent_at = at or timezone.now()
    notice.save(update_fields=["sent_at"])
    RequestEvent.objects.create(
        request=notice.request,
        kind=EventKind.NOTICE_SENT,
        state_before=notice.request.state,
        state_after=notice.request.state,
        actor=actor,
        note=str(notice),
        data={"notice": notice.pk, "kind": notice.kind, "number": notice.number, "to_applicant": notice.for_applicant},
    )
    return notice
