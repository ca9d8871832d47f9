"""The request's history: every transition, who made it, when and why; and the clock's pauses."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import EventKind, PauseKind, RequestState


class RequestEvent(models.Model):
    request = models.ForeignKey("disclosure.DisclosureRequest", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=30, choices=EventKind.choices)
    state_before = models.CharField(max_length=30, choices=RequestState.choices, blank=True)
    state_after = models.CharField(max_length=30, choices=RequestState.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("request event")
        verbose_name_plural = _("request history")

    def __str__(self):
        return f"{self.request_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ClockPause(models.Model):
    """Time the statute does not count: from ``started_on`` (exclusive) to ``ended_on`` (inclusive)."""

    request = models.ForeignKey("disclosure.DisclosureRequest", on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField(_("reason"), max_length=20, choices=PauseKind.choices)
    party = models.CharField(_("consulted party"), max_length=200, blank=True)
    started_on = models.DateField(_("paused from"))
    ended_on = models.DateField(_("resumed on"), null=True, blank=True)
    reply_due = models.DateField(_("reply due from the consulted party"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = _("clock pause")
        verbose_name_plural = _("clock pauses")

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on}–{self.ended_on or '…'}"
