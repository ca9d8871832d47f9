"""Files the handler releases to the applicant, and the areas withheld from them (区分处理, Art 37).

The original stays private; marks are appended to ``ReleasedFile.redactions``, each with its
legal reason; any change of marks discards the redacted copy, so a decision of 部分公开 cannot
go out with a copy that misses a later mark (``transitions.decide`` requires a fresh one).
Every change is written in the request's history.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from .. import redaction
from ..choices import CLOSED_STATES, EventKind
from ..models import ReleasedFile, RequestEvent
from ..permissions import require_handler
from ..transitions import TransitionRefused

PDF = "application/pdf"


def _require_open(request):
    if request.state in CLOSED_STATES:
        raise TransitionRefused(_("The files of a closed request cannot be changed."))


def _log(request, actor, note, **data):
    return RequestEvent.objects.create(
        request=request,
        kind=EventKind.NOTE,
        state_before=request.state,
        state_after=request.state,
        actor=actor,
        note=note,
        data=data,
    )


@transaction.atomic
def add_file(request, actor, *, title, name, content_type, content):
    require_handler(actor, request)
    _require_open(request)
    released = ReleasedFile.objects.create(
        request=request,
        title=(title or name)[:200],
        original=content,
        original_name=name[-200:],
        content_type=content_type,
    )
    _log(request, actor, _("Released file added: %(title)s") % {"title": released.title}, released_file=released.pk)
    return released


def _require_pdf(released):
    if released.content_type != PDF:
        raise TransitionRefused(_("Only PDF files can be marked for redaction; convert the file to PDF first."))


def _set_marks(released, actor, marks, note):
    released.redactions = marks
    released.redacted = None
    released.redacted_at = None
    released.redacted_by = None
    released.save(update_fields=["redactions", "redacted", "redacted_at", "redacted_by"])
    _log(released.request, actor, note, released_file=released.pk, marks=len(marks))


@transaction.atomic
def mark_text(released, actor, *, text, reason):
    """Withhold every occurrence of ``text``; the redaction module finds where it is on the pages."""
    request = released.request
    require_handler(actor, request)
    _require_open(request)
    _require_pdf(released)
    try:
        found = redaction.marks_for_text(bytes(released.original), text, reason)
    except redaction.RedactionRefused as refusal:
        raise TransitionRefused(refusal.message, "text") from refusal
    if not found:
        raise TransitionRefused(_("This text was not found in the file."), "text")
    _set_marks(
        released,
        actor,
        [*released.redactions, *found],
        _("%(n)d areas withheld in %(title)s") % {"n": len(found), "title": released.title},
    )
    return found


@transaction.atomic
def mark_area(released, actor, *, page, x0, y0, x1, y1, reason):
    """Withhold a rectangle of page ``page`` (counted from 1), in PDF points (1/72 inch) measured from
    the page's top-left corner as people read a page; stored in PDF space (origin bottom left, pages
    from 0), the form ``redaction`` works in."""
    request = released.request
    require_handler(actor, request)
    _require_open(request)
    _require_pdf(released)
    try:
        left, _bottom, _right, top = redaction.page_box(bytes(released.original), page - 1)
    except redaction.RedactionRefused as refusal:
        raise TransitionRefused(refusal.message, "page") from refusal
    rect = [left + x0, top - y1, left + x1, top - y0]
    mark = {"page": page - 1, "rect": [round(value, 2) for value in rect], "reason": reason}
    _set_marks(
        released,
        actor,
        [*released.redactions, mark],
        _("An area of page %(page)d withheld in %(title)s") % {"page": page, "title": released.title},
    )
    return mark


@transaction.atomic
def remove_mark(released, actor, index):
    request = released.request
    require_handler(actor, request)
    _require_open(request)
    marks = list(released.redactions)
    if not 0 <= index < len(marks):
        raise TransitionRefused(_("This mark no longer exists."))
    del marks[index]
    _set_marks(released, actor, marks, _("A withheld area removed from %(title)s") % {"title": released.title})


def produce_redacted(released, actor):
    """The redacted copy the applicant receives, made by the redaction module from the marks."""
    request = released.request
    require_handler(actor, request)
    _require_open(request)
    _require_pdf(released)
    if not released.redactions:
        raise TransitionRefused(_("Mark what to withhold first."))
    try:
        redaction.redact(released, actor)
    except redaction.RedactionRefused as refusal:
        raise TransitionRefused(refusal.message) from refusal
    _log(request, actor, _("Redacted copy produced: %(title)s") % {"title": released.title}, released_file=released.pk)
    return released
