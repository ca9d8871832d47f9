"""The statutory clock of a request — the one place that computes its deadlines (Art 30–35).

Due = ``REQUEST_REPLY_WORKING_DAYS`` working days after the clock's start (receipt, or the
receipt of the 补正 supplement, which restarts it), plus the working days of every pause the
statute does not count (consultations, the applicant's reasons, optionally the fee), plus an
approved extension. Everything is computed from stored events and the working-day calendar,
never stored alone: a calendar edit recomputes every open request (``recompute_open``), and
each due date carries the sentence that explains it.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from ..calendar.working_days import CalendarNotCovered, add_working_days, working_days_between
from .choices import CLOSED_STATES, PAUSE_STATES, EventKind, RequestState
from .models import ClockPause, DisclosureRequest, RequestEvent


class DueStatus:
    NORMAL = "normal"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    PAUSED = "paused"
    UNKNOWN = "unknown"
    CLOSED = "closed"


@dataclass
class Deadline:
    due: datetime.date | None
    explanation: str
    paused_working_days: int
    problem: str = ""


def receipt_date(moment):
    """The date a receipt confirmed at ``moment`` counts for (Art 31), with the late-evening setting."""
    local = timezone.localtime(moment)
    cutoff = conf.get("REQUEST_RECEIPT_CUTOFF_HOUR")
    if cutoff is not None and local.hour >= cutoff:
        return local.date() + datetime.timedelta(days=1)
    return local.date()


def period_start(clock_start):
    """Periods begin the day after the event (期间开始之日不计算在内) unless the setting counts that day."""
    if conf.get("REQUEST_COUNT_RECEIPT_DAY"):
        return clock_start - datetime.timedelta(days=1)
    return clock_start


def _merged(intervals):
    merged = []
    for first, last in sorted(intervals):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return merged


def _holiday_ranges(skipped):
    ranges = []
    for day, reason in skipped:
        if reason == "weekend":
            continue
        if ranges and (day - ranges[-1][1]).days == 1:
            ranges[-1][1] = day
            if reason not in ranges[-1][2]:
                ranges[-1][2].append(reason)
        else:
            ranges.append([day, day, [reason]])
    parts = []
    for first, last, names in ranges:
        span = (
            f"{first:%m-%d}"
            if first == last
            else _("%(first)s to %(last)s")
            % {
                "first": f"{first:%m-%d}",
                "last": f"{last:%m-%d}",
            }
        )
        label = "、".join(name for name in names if name and name != "holiday")
        parts.append(f"{span}（{label}）" if label else span)
    return "、".join(parts)


def _weekday(day):
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")][day.weekday()]


def _period_sentence(result):
    sentence = _("%(n)d working days from %(start)s") % {"n": result.working_days, "start": f"{result.start:%Y-%m-%d}"}
    details = []
    holidays = _holiday_ranges(result.skipped)
    if holidays:
        details.append(_("skipping %(ranges)s") % {"ranges": holidays})
    if result.counted_weekends:
        days = "、".join(f"{day:%m-%d}（{_weekday(day)}）" for day, _name in result.counted_weekends)
        details.append(_("counting the adjusted working days %(days)s") % {"days": days})
    details.append(_("end on %(end)s") % {"end": f"{result.end:%Y-%m-%d}"})
    return sentence + "：" + "，".join(details)


def compute(request, pauses=None, today=None):
    """The request's reply deadline and its explanation (nothing is saved)."""
    if request.clock_start is None:
        return Deadline(None, "", 0)
    if request.state == RequestState.AWAITING_SUPPLEMENT:
        # Art 30: the period starts again from the supplement; until it comes there is no reply date.
        explanation = _("Waiting for the applicant's supplement: the reply period starts again on the day it arrives.")
        if request.applicant_due:
            explanation += _(" The applicant has until %(date)s.") % {"date": f"{request.applicant_due:%Y-%m-%d}"}
        return Deadline(None, explanation, 0)
    today = today or timezone.localdate()
    start = period_start(request.clock_start)
    if pauses is None:
        pauses = list(request.pauses.filter(started_on__gte=request.clock_start))
    n = conf.get("REQUEST_REPLY_WORKING_DAYS")
    try:
        base = add_working_days(start, n)
        parts = [_period_sentence(base)]
        paused_total = 0
        for first, last in _merged((p.started_on, p.ended_on or max(today, p.started_on)) for p in pauses):
            paused_total += working_days_between(first, last).working_days
        for pause in pauses:
            end = pause.ended_on or max(today, pause.started_on)
            days = working_days_between(pause.started_on, end).working_days
            if pause.ended_on:
                parts.append(
                    _("%(reason)s from %(first)s to %(last)s: %(n)d working days not counted")
                    % {
                        "reason": pause.get_kind_display(),
                        "first": f"{pause.started_on:%m-%d}",
                        "last": f"{pause.ended_on:%m-%d}",
                        "n": days,
                    }
                )
            else:
                parts.append(
                    _("%(reason)s since %(first)s: paused, %(n)d working days so far")
                    % {"reason": pause.get_kind_display(), "first": f"{pause.started_on:%m-%d}", "n": days}
                )
        if request.extension_working_days:
            parts.append(_("extended by %(n)d working days") % {"n": request.extension_working_days})
        total = n + paused_total + request.extension_working_days
        final = add_working_days(start, total) if total != n else base
        if total != n:
            later = [(day, reason) for day, reason in final.skipped if day > base.end]
            extra = _holiday_ranges(later)
            if extra:
                parts.append(_("then skipping %(ranges)s") % {"ranges": extra})
        parts.append(_("reply due %(due)s") % {"due": f"{final.end:%Y-%m-%d}"})
        return Deadline(final.end, "；".join(parts) + "。", paused_total)
    except CalendarNotCovered as exc:
        return Deadline(None, "", 0, problem=str(exc))


def supplement_notice_deadline(request):
    """Art 30: the one-time 补正 notice is due within 7 working days of receipt."""
    if request.received_on is None:
        return None
    try:
        return add_working_days(request.received_on, conf.get("REQUEST_SUPPLEMENT_NOTICE_WORKING_DAYS")).end
    except CalendarNotCovered:
        return None


def consultation_reply_due(started_on):
    """Art 32 and 34: the consulted party answers within 15 working days."""
    try:
        return add_working_days(started_on, conf.get("REQUEST_CONSULTATION_WORKING_DAYS")).end
    except CalendarNotCovered:
        return None


def refresh(request, *, reason="", actor=None, today=None, save=True):
    """Recompute and store the deadline; log the change when something other than a transition moved it."""
    deadline = compute(request, today=today)
    before = request.due_date
    request.due_date = deadline.due
    request.due_explanation = deadline.explanation
    request.clock_problem = deadline.problem
    request.paused_working_days = deadline.paused_working_days
    if save:
        request.save(update_fields=["due_date", "due_explanation", "clock_problem", "paused_working_days"])
    if reason and before != deadline.due:
        RequestEvent.objects.create(
            request=request,
            kind=EventKind.CLOCK_RECOMPUTED,
            state_before=request.state,
            state_after=request.state,
            actor=actor,
            note=reason,
            data={"before": str(before) if before else None, "after": str(deadline.due) if deadline.due else None},
        )
    return deadline


def recompute_open(reason):
    """After a calendar change: every open request's due date, each move logged on its request."""
    moved = 0
    pauses = {}
    open_requests = DisclosureRequest.objects.exclude(state__in=CLOSED_STATES).exclude(clock_start=None)
    for pause in ClockPause.objects.filter(request__in=open_requests):
        pauses.setdefault(pause.request_id, []).append(pause)
    for request in open_requests.iterator():
        before = request.due_date
        own = [p for p in pauses.get(request.pk, []) if p.started_on >= request.clock_start]
        deadline = compute(request, pauses=own)
        if (deadline.due, deadline.explanation, deadline.problem) != (
            request.due_date,
            request.due_explanation,
            request.clock_problem,
        ):
            request.due_date, request.due_explanation = deadline.due, deadline.explanation
            request.clock_problem, request.paused_working_days = deadline.problem, deadline.paused_working_days
            request.save(update_fields=["due_date", "due_explanation", "clock_problem", "paused_working_days"])
            if before != deadline.due:
                moved += 1
                RequestEvent.objects.create(
                    request=request,
                    kind=EventKind.CLOCK_RECOMPUTED,
                    state_before=request.state,
                    state_after=request.state,
                    note=reason,
                    data={
                        "before": str(before) if before else None,
                        "after": str(deadline.due) if deadline.due else None,
                    },
                )
    return moved


def at_risk_limit(today=None):
    """Due dates on or before this are "at risk": within ``REQUEST_AT_RISK_WORKING_DAYS`` working days."""
    today = today or timezone.localdate()
    try:
        return add_working_days(today, conf.get("REQUEST_AT_RISK_WORKING_DAYS")).end
    except CalendarNotCovered:
        return today + datetime.timedelta(days=conf.get("REQUEST_AT_RISK_WORKING_DAYS"))


def due_status(request, today=None, risk_limit=None):
    """normal / at risk / overdue / paused — a lawful pause is never shown as overdue."""
    if request.state in CLOSED_STATES:
        return DueStatus.CLOSED
    if request.state in PAUSE_STATES or (
        request.state == RequestState.AWAITING_FEE and conf.get("REQUEST_FEE_PAUSES_CLOCK")
    ):
        return DueStatus.PAUSED
    if request.due_date is None:
        return DueStatus.UNKNOWN
    today = today or timezone.localdate()
    if request.due_date < today:
        return DueStatus.OVERDUE
    if request.due_date <= (risk_limit or at_risk_limit(today)):
        return DueStatus.AT_RISK
    return DueStatus.NORMAL
