"""The public change log of a session: what the live page's since-id polling reads.

Every change citizens should see — an answer released, a question approved, answered,
edited or withdrawn — appends a row. Row ids only grow, so "since=<id>" never misses a
guest answer a reviewer released after later entries were posted.
"""

from django.core.cache import cache
from django.db import models

from .moment_cache import process_cache


class UpdateKind(models.TextChoices):
    ENTRY = "entry"
    QUESTION = "question"
    SESSION = "session"


class LiveUpdate(models.Model):
    interview = models.ForeignKey("online_interview.InterviewPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=UpdateKind.choices)
    object_id = models.BigIntegerField(null=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["interview", "id"], name="live_update_cursor")]

    def __str__(self):
        return f"{self.interview_id}#{self.pk} {self.kind} {self.object_id}"


def state_key(interview_id):
    return f"gongkai:interview:{interview_id}:live-state"


def latest_cursor(interview_id):
    """The id of the session's newest update (0 before the first): where a viewer starts."""
    latest = LiveUpdate.objects.filter(interview_id=interview_id).order_by("-pk").values_list("pk", flat=True)
    return latest.first() or 0


def forget_state(interview_id):
    """Drop the session's computed state and responses here and in the shared cache."""
    cache.delete(state_key(interview_id))
    process_cache.forget(state_key(interview_id))


def record_update(interview_id, kind, object_id=None):
    update = LiveUpdate.objects.create(interview_id=interview_id, kind=kind, object_id=object_id)
    forget_state(interview_id)
    return update
