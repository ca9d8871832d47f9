"""What state a session is in, read from its schedule: the page shows it to the second,
whatever the lifecycle task has got round to (the task only does the side effects)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InterviewStatus(models.TextChoices):
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
