"""The 保密审查登记表: one immutable row per review decision (REFERENCE §5)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..catalogue.choices import DisclosureMode
from .choices import ReviewDecision, ReviewStage, SecrecyStatus, statutory_reason_label


class ReviewRecord(models.Model):
    """What was decided about which version of an item, by whom and on what ground.

    Snapshots (title, summary, reviewer name) keep the record readable after the item,
    the revision or the user is deleted; the foreign keys then become empty.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("item"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_title = models.CharField(_("title"), max_length=255)
    item_summary = models.CharField(_("summary"), max_length=255, blank=True)
    index_number = models.CharField(_("索引号"), max_length=100, blank=True)
    step_name = models.CharField(_("review step"), max_length=255)
    stage = models.CharField(_("stage"), max_length=20, choices=ReviewStage.choices)
    proposed_mode = models.CharField(
        _("proposed disclosure mode"), max_length=20, choices=DisclosureMode.choices, blank=True
    )
    decided_mode = models.CharField(
        _("decided disclosure mode"), max_length=20, choices=DisclosureMode.choices, blank=True
    )
    secrecy_status = models.CharField(_("secrecy status"), max_length=20, choices=SecrecyStatus.choices, blank=True)
    statutory_reason = models.CharField(_("statutory reason"), max_length=30, blank=True)
    redaction_needed = models.BooleanField(_("partial disclosure (部分公开)"), default=False)
    redaction_notes = models.TextField(_("redaction notes"), blank=True)
    findings_count = models.PositiveIntegerField(_("pre-screening findings"), default=0)
    findings_acknowledged = models.BooleanField(_("findings acknowledged"), default=False)
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=150)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review record")
        verbose_name_plural = _("review records (保密审查登记表)")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.item_title} · {self.step_name} · {self.get_decision_display()}"

    @property
    def statutory_reason_display(self):
        return statutory_reason_label(self.statutory_reason) if self.statutory_reason else ""

    @property
    def scope_display(self):
        if self.stage != ReviewStage.SECRECY:
            return ""
        return _("Partial (部分公开)") if self.redaction_needed else _("Full")

    def summary_line(self):
        """One line for the item's history and the returned editor: the decision in words."""
        parts = [self.step_name, self.get_decision_display()]
        if self.secrecy_status:
            parts.append(self.get_secrecy_status_display())
        if self.decided_mode:
            parts.append(self.get_decided_mode_display())
        if self.statutory_reason:
            parts.append(str(self.statutory_reason_display))
        if self.redaction_needed:
            parts.append(f"{_('Partial (部分公开)')}：{self.redaction_notes}")
        if self.comment:
            parts.append(self.comment)
        return " · ".join(str(part) for part in parts)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Review records are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Review records are immutable.")
