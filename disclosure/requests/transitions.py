"""Every change of a request's state, each a function that checks who may make it and from which
state, writes the ``RequestEvent`` (actor, time, note), moves the clock and announces itself.

Views and commands call these; nothing else writes ``state``. A refusal is a ``TransitionRefused``
whose message can be shown to the handler as it is.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from ..calendar.working_days import CalendarNotCovered, add_working_days
from . import clock
from .choices import (
    CLOSED_STATES,
    OPEN_STATES,
    EventKind,
    Outcome,
    OutcomeGroup,
    PauseKind,
    RequestState,
)
from .models import ClockPause, DisclosureRequest, RequestEvent
from .permissions import can_approve_extension, can_handle, require_handler
from .signals import request_transitioned

S = RequestState

#: The outcomes that need a legal basis written into the reply.
#: Art 36–37: every reply that withholds anything says why, partial disclosure included.
OUTCOMES_NEEDING_BASIS = {
    OutcomeGroup.PARTLY_DISCLOSED,
    OutcomeGroup.NOT_DISCLOSED,
    OutcomeGroup.UNAVAILABLE,
    OutcomeGroup.NOT_PROCESSED,
}
#: Where the clock runs: decisions, pauses and extensions are made from these.
WORKING_STATES = (S.RECEIVED, S.IN_PROGRESS)


class TransitionRefused(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def _locked(request):
    return DisclosureRequest.objects.select_for_update().get(pk=request.pk)


def _require_state(request, allowed, action):
    if request.state not in allowed:
        raise TransitionRefused(
            _("%(action)s is not possible while the request is “%(state)s”.")
            % {"action": action, "state": request.get_state_display()}
        )


def _log(request, kind, actor, before, note="", **data):
    event = RequestEvent.objects.create(
        request=request,
        kind=kind,
        state_before=before,
        state_after=request.state,
        actor=actor,
        note=note,
        data={key: (str(value) if isinstance(value, datetime.date) else value) for key, value in data.items()},
    )
    request_transitioned.send(sender=DisclosureRequest, request=request, event=event)
    return event


def _today(on, field=None):
    """The date an act happened: today unless given, and never a day still to come (the clock and
    the annual report count what happened, not what is planned)."""
    today = timezone.localdate()
    if on is not None and on > today:
        raise TransitionRefused(
            _("The date %(date)s is in the future: record what has happened, on the day it happened.")
            % {"date": f"{on:%Y-%m-%d}"},
            field,
        )
    return on or today


def _move(request, state, kind, actor, note="", refresh=True, **data):
    before = request.state
    request.state = state
    request.save()
    if refresh:
        clock.refresh(request)
    return _log(request, kind, actor, before, note, **data)


def _end_open_pauses(request, on):
    for pause in request.pauses.filter(ended_on=None):
        pause.ended_on = max(on, pause.started_on)
        pause.save(update_fields=["ended_on"])


# Intake ---------------------------------------------------------------------------------------


@transaction.atomic
def confirm_receipt(request, actor, *, received_on=None, note=""):
    """Art 31: online and fax applications count from the day receipt is confirmed to the applicant."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.SUBMITTED,), _("Confirming receipt"))
    request.received_on = _today(received_on, "received_on") if received_on else clock.receipt_date(timezone.now())
    request.clock_start = request.received_on
    return _move(request, S.RECEIVED, EventKind.RECEIVED, actor, note, received_on=request.received_on)


@transaction.atomic
def discard(request, actor, *, note):
    """An online submission that is not an application (spam, a test, a blank form); never counted."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.SUBMITTED,), _("Discarding"))
    if not note.strip():
        raise TransitionRefused(_("Say why this submission is not an application."), "note")
    return _move(request, S.DISCARDED, EventKind.DISCARDED, actor, note, refresh=False)


@transaction.atomic
def assign(request, actor, *, handler, note=""):
    request = _locked(request)
    require_handler(actor, request)
    if request.state in CLOSED_STATES:
        raise TransitionRefused(_("A closed request cannot be reassigned."))
    if not can_handle(handler, request):
        raise TransitionRefused(_("Choose a handler of this agency."), "handler")
    request.handler = handler
    request.save(update_fields=["handler"])
    return _log(request, EventKind.ASSIGNED, actor, request.state, note, handler=handler.get_username())


@transaction.atomic
def start(request, actor, *, note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.RECEIVED,), _("Starting work"))
    if request.handler_id is None:
        request.handler = actor
    return _move(request, S.IN_PROGRESS, EventKind.STARTED, actor, note)


# 补正 (Art 30) -----------------------------------------------------------------------------------


@transaction.atomic
def request_supplement(request, actor, *, what, applicant_due=None, note=""):
    """The one-time request to make the application clear; the applicant gets a set date to reply."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, WORKING_STATES, _("Asking for a supplement"))
    if request.events.filter(kind=EventKind.SUPPLEMENT_REQUESTED).exists():
        raise TransitionRefused(_("A supplement can be requested only once (Art 30)."))
    if not what.strip():
        raise TransitionRefused(_("Say what the applicant must supplement."), "what")
    today = timezone.localdate()
    if applicant_due is None:
        try:
            applicant_due = add_working_days(today, conf.get("REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS")).end
        except CalendarNotCovered as exc:
            raise TransitionRefused(str(exc), "applicant_due") from exc
    if applicant_due <= today:
        raise TransitionRefused(_("The applicant's date to reply must be in the future."), "applicant_due")
    notice_deadline = clock.supplement_notice_deadline(request)
    late = bool(notice_deadline and today > notice_deadline)
    request.applicant_due = applicant_due
    return _move(
        request,
        S.AWAITING_SUPPLEMENT,
        EventKind.SUPPLEMENT_REQUESTED,
        actor,
        note,
        what=what,
        applicant_due=applicant_due,
        late=late,
    )


@transaction.atomic
def receive_supplement(request, actor, *, received_on=None, note=""):
    """The supplement restarts the clock from its receipt: a full reply period again."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.AWAITING_SUPPLEMENT,), _("Recording the supplement"))
    received_on = _today(received_on, "received_on")
    if request.received_on and received_on < request.received_on:
        raise TransitionRefused(_("The supplement cannot arrive before the application."), "received_on")
    request.clock_start = received_on
    request.applicant_due = None
    return _move(request, S.IN_PROGRESS, EventKind.SUPPLEMENT_RECEIVED, actor, note, received_on=received_on)


# Pauses: Art 32, 34, 35 -------------------------------------------------------------------------


def _pause(request, actor, kind, state, event_kind, party, started_on, note, with_reply_due=True, **data):
    started_on = _today(started_on, "started_on")
    reply_due = clock.consultation_reply_due(started_on) if with_reply_due else None
    ClockPause.objects.create(
        request=request, kind=kind, party=party, started_on=started_on, reply_due=reply_due, note=note
    )
    return _move(
        request, state, event_kind, actor, note, party=party, started_on=started_on, reply_due=reply_due, **data
    )


@transaction.atomic
def consult_third_party(request, actor, *, party, started_on=None, note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, WORKING_STATES, _("Consulting a third party"))
    if not party.strip():
        raise TransitionRefused(_("Name the third party consulted."), "party")
    return _pause(
        request, actor, PauseKind.THIRD_PARTY, S.CONSULTING_THIRD_PARTY, EventKind.PAUSED, party, started_on, note
    )


@transaction.atomic
def consult_agency(request, actor, *, party, started_on=None, note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, WORKING_STATES, _("Consulting another agency"))
    if not party.strip():
        raise TransitionRefused(_("Name the agency consulted."), "party")
    return _pause(request, actor, PauseKind.AGENCY, S.CONSULTING_AGENCY, EventKind.PAUSED, party, started_on, note)


@transaction.atomic
def request_reasons(request, actor, *, what, started_on=None, note=""):
    """Art 35: the applicant is asked to explain a request of excessive volume or frequency."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, WORKING_STATES, _("Asking for reasons"))
    if not what.strip():
        raise TransitionRefused(_("Say what the applicant must explain."), "what")
    return _pause(
        request,
        actor,
        PauseKind.REASONS,
        S.AWAITING_REASONS,
        EventKind.REASONS_REQUESTED,
        "",
        started_on,
        note,
        with_reply_due=False,
        what=what,
    )


@transaction.atomic
def resume(request, actor, *, ended_on=None, note=""):
    """The consulted party answered (or its time ran out), or the applicant's reasons arrived."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.CONSULTING_THIRD_PARTY, S.CONSULTING_AGENCY, S.AWAITING_REASONS), _("Resuming"))
    ended_on = _today(ended_on, "ended_on")
    open_pause = request.pauses.filter(ended_on=None).first()
    if open_pause and ended_on < open_pause.started_on:
        raise TransitionRefused(_("The pause cannot end before it began."), "ended_on")
    _end_open_pauses(request, ended_on)
    kind = EventKind.REASONS_RECEIVED if request.state == S.AWAITING_REASONS else EventKind.RESUMED
    return _move(request, S.IN_PROGRESS, kind, actor, note, ended_on=ended_on)


# Extension (Art 33) ------------------------------------------------------------------------------


def _check_extension(request, days):
    if request.extension_working_days:
        raise TransitionRefused(_("The reply period can be extended only once (Art 33)."))
    limit = conf.get("REQUEST_MAX_EXTENSION_WORKING_DAYS")
    if not 1 <= days <= limit:
        raise TransitionRefused(_("An extension is 1 to %(limit)d working days.") % {"limit": limit}, "days")


@transaction.atomic
def propose_extension(request, actor, *, days, reason):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, OPEN_STATES, _("Proposing an extension"))
    _check_extension(request, days)
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for the extension."), "reason")
    request.proposed_extension_working_days = days
    request.extension_reason = reason
    request.save(update_fields=["proposed_extension_working_days", "extension_reason"])
    return _log(request, EventKind.EXTENSION_PROPOSED, actor, request.state, reason, days=days)


@transaction.atomic
def approve_extension(request, actor, *, days=None, reason=None, note=""):
    """Only a holder of the approve-extension permission (the office head) extends; the applicant is told."""
    request = _locked(request)
    if actor is None or not can_approve_extension(actor, request):
        raise TransitionRefused(_("Only a person allowed to approve extensions can extend the reply period."))
    _require_state(request, OPEN_STATES, _("Extending"))
    days = days or request.proposed_extension_working_days
    _check_extension(request, days)
    reason = reason if reason is not None else request.extension_reason
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for the extension."), "reason")
    request.extension_working_days = days
    request.extension_reason = reason
    request.proposed_extension_working_days = 0
    request.extension_approved_by = actor
    request.save()
    clock.refresh(request)
    return _log(request, EventKind.EXTENDED, actor, request.state, note or reason, days=days, due=request.due_date)


@transaction.atomic
def reject_extension(request, actor, *, reason):
    """The approver's "no" to a proposed extension: the proposal is withdrawn and the reply stays due as it was.

    The reason is required so that the handler (and a later 督查) learns why the extra time was refused."""
    request = _locked(request)
    if actor is None or not can_approve_extension(actor, request):
        raise TransitionRefused(_("Only a person allowed to approve extensions can refuse one."))
    _require_state(request, OPEN_STATES, _("Refusing an extension"))
    days = request.proposed_extension_working_days
    if not days:
        raise TransitionRefused(_("No extension has been proposed for this request."))
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for refusing the extension."), "reason")
    request.proposed_extension_working_days = 0
    request.extension_reason = ""
    request.save(update_fields=["proposed_extension_working_days", "extension_reason"])
    return _log(request, EventKind.EXTENSION_REJECTED, actor, request.state, reason, days=days)


# Fees (Art 42) -------------------------------------------------------------------------------------


@transaction.atomic
def notify_fee(request, actor, *, amount, note="", method="", pages=None, explanation=""):
    """``method`` (按件/按量), ``pages`` and ``explanation`` come from ``fees``: the explanation is
    kept in the event and printed in the fee notice, so the applicant can check the amount."""
    request = _locked(request)
    require_handler(actor, request)
    if not conf.get("REQUEST_FEES_ENABLED"):
        raise TransitionRefused(_("Fees are not enabled on this site: disclosure is free of charge."))
    _require_state(request, WORKING_STATES, _("Notifying a fee"))
    if amount is None or amount <= 0:
        raise TransitionRefused(_("The fee must be more than zero."), "amount")
    request.fee_amount = amount
    if conf.get("REQUEST_FEE_PAUSES_CLOCK"):
        ClockPause.objects.create(request=request, kind=PauseKind.FEE, started_on=timezone.localdate(), note=note)
    details = {"method": method, "pages": pages, "fee_explanation": explanation}
    return _move(
        request,
        S.AWAITING_FEE,
        EventKind.FEE_NOTIFIED,
        actor,
        note,
        amount=str(amount),
        **{key: value for key, value in details.items() if value not in (None, "")},
    )


@transaction.atomic
def record_payment(request, actor, *, paid_on=None, note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.AWAITING_FEE,), _("Recording the payment"))
    request.fee_paid_on = _today(paid_on, "paid_on")
    _end_open_pauses(request, request.fee_paid_on)
    return _move(request, S.IN_PROGRESS, EventKind.FEE_PAID, actor, note, paid_on=request.fee_paid_on)


# Decision, delivery, archive --------------------------------------------------------------------------


def _check_outcome(request, outcome, legal_basis, provided_pages, already_public_at, today):
    try:
        outcome = Outcome(outcome)
    except ValueError as exc:
        raise TransitionRefused(_("Choose one of the outcomes of the annual report."), "outcome") from exc
    group = outcome.group
    if outcome == Outcome.NO_SUPPLEMENT:
        if request.state != S.AWAITING_SUPPLEMENT:
            raise TransitionRefused(
                _("Only a request awaiting its supplement can be closed for want of it."), "outcome"
            )
        if request.applicant_due and today <= request.applicant_due:
            raise TransitionRefused(
                _("The applicant has until %(date)s to supplement.") % {"date": f"{request.applicant_due:%Y-%m-%d}"},
                "outcome",
            )
    elif request.state == S.AWAITING_SUPPLEMENT and outcome != Outcome.STILL_UNCLEAR:
        raise TransitionRefused(_("Record the supplement first, or close the request for want of it."), "outcome")
    if outcome == Outcome.FEE_UNPAID and request.state != S.AWAITING_FEE:
        raise TransitionRefused(_("Only a request awaiting its fee can be closed for non-payment."), "outcome")
    if outcome == Outcome.STILL_UNCLEAR and not request.events.filter(kind=EventKind.SUPPLEMENT_REQUESTED).exists():
        raise TransitionRefused(
            _("“Still unclear after supplementation” needs a supplement to have been requested."), "outcome"
        )
    if group in OUTCOMES_NEEDING_BASIS and not legal_basis.strip():
        raise TransitionRefused(_("State the legal basis of this reply."), "legal_basis")
    if outcome == Outcome.PARTLY_DISCLOSED:
        files = list(request.released_files.all())
        if not any(file.redactions and file.redacted for file in files):
            raise TransitionRefused(
                _("Partial disclosure needs at least one released file with its withheld parts redacted."), "outcome"
            )
        if any(file.redactions and not file.redacted for file in files):
            raise TransitionRefused(_("Produce the redacted copy of every file with withheld parts."), "outcome")
    if outcome == Outcome.DISCLOSED and not (
        provided_pages or already_public_at.strip() or request.released_files.exists()
    ):
        raise TransitionRefused(
            _("Say what is disclosed: catalogue items, released files, or where it is already published."), "outcome"
        )
    return outcome


@transaction.atomic
def decide(
    request, actor, *, outcome, legal_basis="", provided_pages=(), already_public_at="", decided_on=None, note=""
):
    """Exactly one of the 21 outcomes of report table 三; the reply notice follows from it."""
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, OPEN_STATES, _("Deciding"))
    if request.state == S.RECEIVED and request.received_on is None:
        raise TransitionRefused(_("Confirm receipt before deciding."))
    decided_on = _today(decided_on, "decided_on")
    if request.received_on and decided_on < request.received_on:
        raise TransitionRefused(_("The decision cannot be dated before the receipt."), "decided_on")
    outcome = _check_outcome(request, outcome, legal_basis, list(provided_pages), already_public_at, decided_on)
    _end_open_pauses(request, decided_on)
    request.outcome = outcome
    request.legal_basis = legal_basis
    request.already_public_at = already_public_at
    request.decided_on = decided_on
    request.provided_pages.set(provided_pages)
    return _move(
        request,
        S.DECIDED,
        EventKind.DECIDED,
        actor,
        note,
        outcome=outcome.value,
        decided_on=decided_on,
        on_time=bool(request.due_date and decided_on <= request.due_date),
    )


@transaction.atomic
def deliver(request, actor, *, method, delivered_on=None, proof="", note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.DECIDED,), _("Recording delivery"))
    delivered_on = _today(delivered_on, "delivered_on")
    if request.decided_on and delivered_on < request.decided_on:
        raise TransitionRefused(_("Delivery cannot be dated before the decision."), "delivered_on")
    request.delivery_method = method
    request.delivered_on = delivered_on
    request.delivery_proof = proof
    return _move(request, S.DELIVERED, EventKind.DELIVERED, actor, note, method=method, delivered_on=delivered_on)


@transaction.atomic
def archive(request, actor, *, note=""):
    request = _locked(request)
    require_handler(actor, request)
    _require_state(request, (S.DELIVERED,), _("Archiving"))
    request.archived_on = timezone.localdate()
    return _move(request, S.ARCHIVED, EventKind.ARCHIVED, actor, note, refresh=False)


@transaction.atomic
def note(request, actor, *, text):
    require_handler(actor, request)
    if not text.strip():
        raise TransitionRefused(_("Write the note."), "text")
    return _log(request, EventKind.NOTE, actor, request.state, text)
