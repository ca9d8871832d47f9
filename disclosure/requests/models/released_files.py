"""Files released to the applicant; for 部分公开 the original stays private and only the redacted copy is released.

Each redaction box carries its legal reason (Art 37: 区分处理); the boxes are kept so a reviewer
can see what was withheld and why.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleasedFile(models.Model):
    request = models.ForeignKey("disclosure.DisclosureRequest", on_delete=models.CASCADE, related_name="released_files")
    title = models.CharField(_("title"), max_length=200)
    original = models.BinaryField(editable=False)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    redactions = models.JSONField(_("withheld areas"), default=list, blank=True)
    redacted = models.BinaryField(null=True, editable=False)
    redacted_at = models.DateTimeField(null=True, blank=True)
    redacted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("released file")
        verbose_name_plural = _("released files")

    def __str__(self):
        return self.title

    @property
    def needs_redaction(self):
        return bool(self.redactions)

    def released_content(self):
        """What the applicant may download: the redacted copy whenever areas are withheld."""
        if self.redactions:
            return bytes(self.redacted) if self.redacted else None
        return bytes(self.original)
