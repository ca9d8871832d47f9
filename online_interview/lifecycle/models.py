from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..status import InterviewStatus


class SessionProgress(models.Model):
    """How far the lifecycle task has taken a session, so each transition happens once.

    It also remembers the schedule the public was last told, to notice a move or a
    cancellation when a new version is published. Kept outside the page: a page field
    would be overwritten by the next revision an editor publishes.
    """

    interview = models.OneToOneField(
        "online_interview.InterviewPage", primary_key=True, on_delete=models.CASCADE, related_name="progress"
    )
    # The state whose side effects are done; UPCOMING: announced, questions collected.
    phase = models.CharField(max_length=10, choices=InterviewStatus.choices, default=InterviewStatus.DRAFT)
    announced_start = models.DateTimeField(null=True)
    announced_end = models.DateTimeField(null=True)
    questions_opened_at = models.DateTimeField(null=True)
    went_live_at = models.DateTimeField(null=True)
    ended_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.interview_id}: {self.phase}"


class ScheduleChange(models.Model):
    """A move or cancellation the public was told about; listed on the session's page."""

    interview = models.ForeignKey(
        "online_interview.InterviewPage", on_delete=models.CASCADE, related_name="schedule_changes"
    )
    previous_start = models.DateTimeField(_("previous start"))
    previous_end = models.DateTimeField(_("previous end"))
    start = models.DateTimeField(_("new start"), null=True)
    end = models.DateTimeField(_("new end"), null=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    note = models.TextField(_("notice"), blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.interview_id}: {self.previous_start:%Y-%m-%d %H:%M} → {self.start or self.cancelled}"
