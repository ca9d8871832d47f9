"""The public change log of a session: what the live page's since-id polling reads.

Every change citizens should see — an answer released, a question approved, answered,
edited or withdrawn — appends a row. Row ids only grow, so "since=<id>" never misses a
guest answer a reviewer released after later entries were posted.
"""

from django.db import models


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
