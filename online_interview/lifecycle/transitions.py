"""The session lifecycle: announced → live → ended (or cancelled), each step done once.

``announce`` runs when a version of the session is published; ``advance`` runs from
Celery beat (and in-process in the embedded default) and moves sessions on at their
times. The page shows its status from the clock (``status.status_at``); these steps
do what must happen once: logging, the live-feed notice, 补录 tasks, the search index.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from ..follow_ups.scheduling import create_follow_ups
from ..live.models import UpdateKind
from ..live.updates import record_update
from ..pages.form import is_short_notice
from ..public_copies import public_copy_changed
from ..status import InterviewStatus
from .models import ScheduleChange, SessionProgress

# The phases the clock still moves on: announced (live at the start) and live (ended at the end).
RUNNING = (InterviewStatus.UPCOMING, InterviewStatus.LIVE)


def _log(interview, action, user=None, **data):
    log(instance=interview, action=action, user=user, data={key: str(value) for key, value in data.items()})


@transaction.atomic
def announce(interview, user=None, now=None):
    """A version of the session went public: open it, or notice a move or a cancellation."""
    now = now or timezone.now()
    progress, _created = SessionProgress.objects.select_for_update().get_or_create(interview=interview)
    if progress.phase == InterviewStatus.DRAFT:
        progress.phase = InterviewStatus.CANCELLED if interview.cancelled else InterviewStatus.UPCOMING
        progress.questions_opened_at = now
        _log(interview, "online_interview.questions_open", user)
        if is_short_notice(interview.start_at, now):
            _log_short_notice(interview, user, now)
    else:
        _notice_changes(interview, progress, user, now)
    progress.announced_start, progress.announced_end = interview.start_at, interview.end_at
    progress.save()
    record_update(interview.pk, UpdateKind.SESSION)
    advance_one(progress, now)


def _log_short_notice(interview, user, now):
    hours = (interview.start_at - now).total_seconds() / 3600
    _log(
        interview,
        "online_interview.short_notice",
        user,
        hours_ahead=f"{hours:.0f}",
        reason=interview.short_notice_reason,
    )


def _notice_changes(interview, progress, user, now):
    moved = (progress.announced_start, progress.announced_end) != (interview.start_at, interview.end_at)
    if interview.cancelled and progress.phase != InterviewStatus.CANCELLED:
        ScheduleChange.objects.create(
            interview=interview,
            previous_start=progress.announced_start,
            previous_end=progress.announced_end,
            cancelled=True,
            note=interview.change_note,
            changed_by=user,
        )
        progress.phase = InterviewStatus.CANCELLED
        _log(interview, "online_interview.cancelled", user, note=interview.change_note)
        return
    if not interview.cancelled and progress.phase == InterviewStatus.CANCELLED:
        progress.phase = InterviewStatus.UPCOMING
        _log(interview, "online_interview.reinstated", user)
    if moved:
        ScheduleChange.objects.create(
            interview=interview,
            previous_start=progress.announced_start,
            previous_end=progress.announced_end,
            start=interview.start_at,
            end=interview.end_at,
            note=interview.change_note,
            changed_by=user,
        )
        _log(
            interview,
            "online_interview.moved",
            user,
            previous_start=timezone.localtime(progress.announced_start),
            start=timezone.localtime(interview.start_at),
        )
        if is_short_notice(interview.start_at, now):
            _log_short_notice(interview, user, now)
        if progress.phase in (InterviewStatus.LIVE, InterviewStatus.ENDED) and interview.start_at > now:
            progress.phase = InterviewStatus.UPCOMING  # moved to a later date: back to collecting questions


def advance_one(progress, now=None):
    """Move one session on if its time has come; returns the phase it is in afterwards."""
    now = now or timezone.now()
    interview = progress.interview
    if progress.phase not in RUNNING or interview.cancelled or not interview.live:
        return progress.phase
    if progress.phase == InterviewStatus.UPCOMING and now >= interview.start_at and now < interview.end_at:
        progress.phase, progress.went_live_at = InterviewStatus.LIVE, now
        progress.save(update_fields=["phase", "went_live_at"])
        _log(interview, "online_interview.live")
        record_update(interview.pk, UpdateKind.SESSION)
    if now >= interview.end_at:
        progress.phase, progress.ended_at = InterviewStatus.ENDED, now
        progress.save(update_fields=["phase", "ended_at"])
        follow_ups = create_follow_ups(interview, interview.end_at)
        _log(interview, "online_interview.ended", follow_ups=len(follow_ups))
        record_update(interview.pk, UpdateKind.SESSION)
        public_copy_changed(interview.pk)
    return progress.phase


def advance(now=None):
    """Every announced or live session whose start or end has come (Celery beat)."""
    now = now or timezone.now()
    moved = 0
    started = Q(phase=InterviewStatus.UPCOMING, interview__start_at__lte=now)
    finished = Q(phase__in=RUNNING, interview__end_at__lte=now)
    for pk in SessionProgress.objects.filter(started | finished).values_list("pk", flat=True):
        with transaction.atomic():
            progress = SessionProgress.objects.select_for_update().select_related("interview").get(pk=pk)
            before = progress.phase
            if advance_one(progress, now) != before:
                moved += 1
    return moved
