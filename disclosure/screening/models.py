from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .findings import Finding


class SensitiveWord(models.Model):
    """A word the pre-screening flags wherever it appears (managed in the admin, shared with interviews)."""

    word = models.CharField(_("word"), max_length=50, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Why this word is flagged."))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("sensitive word")
        verbose_name_plural = _("sensitive words")
        ordering = ["word"]

    def __str__(self):
        return self.word


class ScreeningReport(models.Model):
    """The findings of one submitted revision, computed once and shown to editor and reviewers."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", verbose_name=_("revision"), on_delete=models.CASCADE, related_name="screening_report"
    )
    findings = models.JSONField(_("findings"), default=list)
    created_at = models.DateTimeField(_("screened at"), default=timezone.now)

    class Meta:
        verbose_name = _("screening report")
        verbose_name_plural = _("screening reports")

    def __str__(self):
        return f"{self.revision_id}: {len(self.findings)}"

    @property
    def finding_objects(self):
        return [Finding(**data) for data in self.findings]

    @property
    def blocking(self):
        return [finding for finding in self.finding_objects if finding.blocking]

    @property
    def to_acknowledge(self):
        return [finding for finding in self.finding_objects if not finding.blocking]
