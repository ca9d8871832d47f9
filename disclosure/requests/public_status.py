"""What the applicant sees of their application after giving its number and 查询码 — and nothing more.

The status page is reached with two strings anyone could type, so it shows the request's course
(state, statutory dates, pauses, extension, notices sent, released files, outcome) and no personal
data at all: no name, identity number, contact or address, not even the consulted third party's
name. ``PublicStatus`` is built here field by field, and templates get only it, never the request.
"""

import datetime
from dataclasses import dataclass, field

from ..catalogue.doc_numbers import normalise_doc_number
from ..visibility import public_pages
from . import query_codes
from .choices import CLOSED_STATES, PAUSE_STATES, Outcome, RequestState
from .clock import due_status
from .models import DisclosureRequest, Notice, ReleasedFile

#: Compared against when the number is unknown, so that both failures take the same time.
_NO_DIGEST = query_codes.digest("no application has this number")
#: States after which the reply and any released files are the applicant's to download.
DECIDED_STATES = (RequestState.DECIDED, RequestState.DELIVERED, RequestState.ARCHIVED)


def lookup(agency, number, code):
    """The agency's request with this number if ``code`` is its 查询码; None otherwise (either way)."""
    candidates = {number, normalise_doc_number(number)}
    request = DisclosureRequest.objects.filter(agency=agency, number__in=candidates).first()
    matched = query_codes.matches(code, request.query_code_digest if request else _NO_DIGEST)
    return request if request is not None and matched else None


@dataclass(frozen=True)
class PublicPause:
    kind_label: str
    started_on: datetime.date
    ended_on: datetime.date | None


@dataclass(frozen=True)
class PublicNotice:
    pk: int
    title: str
    number: str
    sent_at: datetime.datetime
    has_pdf: bool
    has_docx: bool


@dataclass(frozen=True)
class PublicFile:
    pk: int
    title: str


@dataclass(frozen=True)
class PublicStatus:
    number: str
    state: str
    state_label: str
    submitted_at: datetime.datetime
    received_on: datetime.date | None
    due_date: datetime.date | None
    due_explanation: str
    due_status: str
    applicant_due: datetime.date | None
    is_closed: bool
    is_paused: bool
    extension_working_days: int
    extension_reason: str
    outcome_label: str
    decided_on: datetime.date | None
    delivered_on: datetime.date | None
    already_public_at: str
    pauses: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    files: list = field(default_factory=list)
    provided_pages: list = field(default_factory=list)


def sent_notices(request):
    """The notices the applicant was sent: what they may download."""
    return Notice.objects.filter(request=request, for_applicant=True, sent_at__isnull=False)


def released_files(request):
    """Files the applicant may download: after the decision, and only what ``released_content`` gives."""
    if request.state not in DECIDED_STATES:
        return ReleasedFile.objects.none()
    return ReleasedFile.objects.filter(request=request)


def status_of(request):
    decided = request.state in DECIDED_STATES
    notices = [
        PublicNotice(
            pk=notice.pk,
            title=notice.title,
            number=notice.number,
            sent_at=notice.sent_at,
            has_pdf=bool(notice.pdf),
            has_docx=bool(notice.docx),
        )
        for notice in sent_notices(request).defer("body", "recipient")
    ]
    files = [
        PublicFile(pk=file.pk, title=file.title)
        for file in released_files(request)
        if file.released_content() is not None
    ]
    pauses = [PublicPause(pause.get_kind_display(), pause.started_on, pause.ended_on) for pause in request.pauses.all()]
    provided = list(public_pages(request.provided_pages.all()).specific()) if decided else []
    return PublicStatus(
        number=request.number,
        state=request.state,
        state_label=request.get_state_display(),
        submitted_at=request.submitted_at,
        received_on=request.received_on,
        due_date=None if request.state == RequestState.DISCARDED else request.due_date,
        due_explanation=request.due_explanation,
        due_status=due_status(request),
        applicant_due=request.applicant_due if request.state == RequestState.AWAITING_SUPPLEMENT else None,
        is_closed=request.state in CLOSED_STATES,
        is_paused=request.state in PAUSE_STATES,
        extension_working_days=request.extension_working_days,
        extension_reason=request.extension_reason if request.extension_working_days else "",
        outcome_label=Outcome(request.outcome).label if decided and request.outcome else "",
        decided_on=request.decided_on if decided else None,
        delivered_on=request.delivered_on if decided else None,
        already_public_at=request.already_public_at if decided else "",
        pauses=pauses,
        notices=notices,
        files=files,
        provided_pages=provided,
    )
