"""Deleting applicants' personal data once the retention period is over.

``REQUEST_RETENTION_YEARS`` (5) after a request was archived, its applicant's personal data
goes (a discarded submission's, the same time after it was submitted); what the annual report counts stays (applicant type, channel, dates, outcome, legal
basis, the number, the history of states), so past reports can be reproduced and the desk's
statistics do not change. A request with a reconsideration or lawsuit still pending is kept
whole until the case is concluded: the agency needs the file to defend its decision.

What is deleted, and why the rest is kept:

- the identity proof (the scan), the encrypted identity number, its masked form and the
  fingerprint that linked the applicant's requests; name → "（已删除）"; phone, e-mail, postal
  address, postcode, legal representative, contact person, the fee-waiver reason and the
  proof of delivery (a tracking number leads to an address) are emptied;
- the description and the history notes keep their words, without the applicant's values and
  without any identity number, mobile number or e-mail address found in them;
- notices (告知书) are official records: their number, date, title and text are kept, with the
  applicant's name, number and contacts replaced in the text and the recipient; the PDF and
  DOCX files are emptied, since the name is printed in them and they cannot be edited;
- released files lose their contents (original and redacted copy): the information itself is
  kept by the agency in its own records, while a file released to an applicant is often about
  the applicant (their own 征收 or 社保 file). Their titles (scrubbed) and the withheld areas
  with their legal reasons stay as the record of what was released and why something was not.

The purge writes notices with ``update()``: a sent notice is otherwise immutable (``Notice.save``
refuses), and this is the one change the retention rule requires of it.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from .choices import AppealResult, EventKind, RequestState
from .models import DisclosureRequest, IdentityProof, Notice, RequestEvent
from .personal_data import personal_values, scrub

DELETED = "（已删除）"
#: Applicant fields emptied by the purge (the name is replaced by ``DELETED``, being required).
CLEARED_FIELDS = (
    "id_number_masked",
    "applicant_fingerprint",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "fee_waiver_reason",
    "delivery_proof",
)


def years_before(day, years):
    """The same calendar day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def expired(today=None):
    """Requests whose retention period ended before ``today`` and still hold personal data: archived
    ones counted from archiving, discarded submissions (never a case) from their submission."""
    today = today or timezone.localdate()
    cutoff = years_before(today, conf.get("REQUEST_RETENTION_YEARS"))
    ended = Q(state=RequestState.ARCHIVED, archived_on__lt=cutoff) | Q(
        state=RequestState.DISCARDED, submitted_at__date__lt=cutoff
    )
    return (
        DisclosureRequest.objects.filter(ended, personal_data_purged_at__isnull=True)
        .exclude(appeals__result=AppealResult.PENDING)
        .order_by("archived_on", "pk")
    )


def _scrub_data(value, values):
    if isinstance(value, str):
        return scrub(value, values, DELETED)
    if isinstance(value, list):
        return [_scrub_data(item, values) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_data(item, values) for key, item in value.items()}
    return value


@transaction.atomic
def purge_request(request, now=None):
    """Delete ``request``'s personal data as the module docstring says; returns the request."""
    now = now or timezone.now()
    request = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
    values = personal_values(request)
    IdentityProof.objects.filter(request=request).delete()
    for notice in request.notices.all():
        Notice.objects.filter(pk=notice.pk).update(
            body=scrub(notice.body, values, DELETED),
            recipient=scrub(notice.recipient, values, DELETED),
            title=scrub(notice.title, values, DELETED),
            pdf=b"",
            docx=b"",
        )
    for released in request.released_files.all():
        released.title = scrub(released.title, values, DELETED)
        released.original_name = scrub(released.original_name, values, DELETED)
        released.original = b""
        released.redacted = None
        released.save(update_fields=["title", "original_name", "original", "redacted"])
    for event in request.events.all():
        note, data = scrub(event.note, values, DELETED), _scrub_data(event.data, values)
        if (note, data) != (event.note, event.data):
            RequestEvent.objects.filter(pk=event.pk).update(note=note, data=data)
    request.description = scrub(request.description, values, DELETED)
    request.applicant_name = DELETED
    request.id_number_token = None
    for name in CLEARED_FIELDS:
        setattr(request, name, "")
    request.notify_by_email = False
    request.personal_data_purged_at = now
    request.save()
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.PERSONAL_DATA_PURGED,
        state_before=request.state,
        state_after=request.state,
        note=_("Personal data deleted %(years)d years after archiving.")
        % {"years": conf.get("REQUEST_RETENTION_YEARS")},
        data={"archived_on": str(request.archived_on)},
    )
    return request


def purge_expired_personal_data(today=None):
    """The daily task: purge every expired request; returns how many were purged."""
    today = today or timezone.localdate()
    now = timezone.now() if today == timezone.localdate() else _noon(today)
    purged = 0
    for request in expired(today):
        purge_request(request, now=now)
        purged += 1
    return purged


def _noon(day):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 12))
