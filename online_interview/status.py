"""The one enumeration of a session's states, and the state read from its schedule.

The page shows the schedule's state to the second (``status_at``), whatever the lifecycle
task has got round to; the task records in ``SessionProgress.phase``, with the same
values, which state it has done the side effects of (logging, 补录 tasks, the index).
One enumeration, so "live" on the page and "live" in the lifecycle cannot drift apart.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InterviewStatus(models.TextChoices):
    # Only the lifecycle is ever in DRAFT: no version was published yet, so the schedule
    # has not been announced. The schedule alone cannot tell, so ``status_at`` never says it.
    DRAFT = "draft", _("Draft (未发布)")
    UPCOMING = "upcoming", _("Upcoming (预告)")
    LIVE = "live", _("Live (直播中)")
    ENDED = "ended", _("Ended (已结束)")
    CANCELLED = "cancelled", _("Cancelled (已取消)")


def status_at(interview, now=None):
    now = now or timezone.now()
    if interview.cancelled:
        return InterviewStatus.CANCELLED
    if now < interview.start_at:
        return InterviewStatus.UPCOMING
    if now < interview.end_at:
        return InterviewStatus.LIVE
    return InterviewStatus.ENDED


def accepts_questions(interview, now=None):
    """Questions are collected from the preview's publication until the session ends."""
    return status_at(interview, now) in (InterviewStatus.UPCOMING, InterviewStatus.LIVE)
