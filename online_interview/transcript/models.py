from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Speaker(models.TextChoices):
    HOST = "host", _("Host (主持人)")
    GUEST = "guest", _("Guest (嘉宾)")


class TranscriptEntry(models.Model):
    """One line of the live text (图文直播): the host or a guest speaking, maybe answering a question.

    Under the reviewer gate (政策关) a guest's entry waits, unreleased, until a reviewer
    releases it; only released entries ever leave the console.
    """

    interview = models.ForeignKey(
        "online_interview.InterviewPage",
        verbose_name=_("interview"),
        on_delete=models.CASCADE,
        related_name="transcript_entries",
    )
    speaker = models.CharField(_("speaker"), max_length=10, choices=Speaker.choices)
    guest = models.ForeignKey(
        "online_interview.InterviewGuest",
        verbose_name=_("guest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    speaker_name = models.CharField(_("speaker's name"), max_length=100)
    text = models.TextField(_("text"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    question = models.ForeignKey(
        "online_interview.Question",
        verbose_name=_("answers the question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    follow_up = models.BooleanField(_("answered after the session (补录)"), default=False)
    released = models.BooleanField(_("released"), default=True)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    posted_at = models.DateTimeField(_("posted"), auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    released_at = models.DateTimeField(_("released"), null=True, blank=True)

    class Meta:
        verbose_name = _("transcript entry")
        verbose_name_plural = _("transcript entries")
        ordering = ["released_at", "id"]
        indexes = [models.Index(fields=["interview", "released", "released_at"], name="transcript_public")]
        permissions = [("release_answer", _("Can release guest answers held for review (政策关)"))]

    def __str__(self):
        return f"{self.speaker_name}：{self.text[:30]}"
