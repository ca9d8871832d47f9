import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionState(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ANSWERED = "answered", _("Answered")
    # Asked by several citizens in the same words: moderated once, shown once (``questions/identical.py``).
    MERGED = "merged", _("Merged with an identical question")


PUBLIC_STATES = (QuestionState.APPROVED, QuestionState.ANSWERED)


def new_receipt():
    return secrets.token_hex(5).upper()


class Question(models.Model):
    """A citizen's question. Only moderators see it until it is approved; a rejected one never shows.

    A question identical to one approved with it (or before it) is ``MERGED`` into that one
    (``merged_into``): it never shows on its own, so the public reads each question once.

    ``submission_key`` comes from the asking browser, so a retried submission (a timeout,
    a double click) finds its first copy instead of making a second.
    """

    interview = models.ForeignKey(
        "online_interview.InterviewPage",
        verbose_name=_("interview"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    receipt = models.CharField(_("receipt number"), max_length=12, unique=True, default=new_receipt, editable=False)
    submission_key = models.UUIDField(editable=False)
    nickname = models.CharField(_("nickname"), max_length=50)
    text = models.TextField(_("question as submitted"))
    same_text_key = models.CharField(max_length=64, default="", editable=False)
    public_text = models.TextField(_("question as shown"), blank=True)
    contact = models.CharField(_("contact (private)"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=QuestionState.choices, default=QuestionState.PENDING)
    pinned = models.BooleanField(_("pinned"), default=False)
    votes = models.PositiveIntegerField(_("votes"), default=0)
    asked_live = models.BooleanField(_("asked during the session"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_twins",
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["interview", "submission_key"], name="one_question_per_submission")
        ]
        indexes = [models.Index(fields=["interview", "state"], name="question_queue")]
        permissions = [("moderate_question", _("Can moderate interview questions"))]

    def __str__(self):
        return f"{self.nickname}：{self.shown_text[:30]}"

    @property
    def shown_text(self):
        return self.public_text or self.text

    @property
    def is_public(self):
        return self.state in PUBLIC_STATES


class QuestionVote(models.Model):
    """One vote per visitor per question: by the signed cookie id, and by a keyed hash of the
    client's address, so that dropping the cookie does not vote again (``disclosure.api.client_key``)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="vote_records")
    voter = models.CharField(max_length=64)
    client = models.CharField(max_length=32, blank=True, default="")
    voted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "voter"], name="one_vote_per_visitor"),
            models.UniqueConstraint(
                fields=["question", "client"], condition=~models.Q(client=""), name="one_vote_per_client"
            ),
        ]

    def __str__(self):
        return f"{self.question_id} ← {self.voter[:8]}"
