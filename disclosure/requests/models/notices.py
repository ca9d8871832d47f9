"""告知书: templates an agency edits, and the numbered notices produced from them.

A notice is immutable once sent: its text and files are what the applicant received.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import NoticeKind


class NoticeTemplate(models.Model):
    """The wording of one kind of notice, for one agency (or the site's default when no agency)."""

    agency = models.ForeignKey(
        "disclosure.AgencyPage",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notice_templates",
    )
    kind = models.CharField(_("kind of notice"), max_length=30, choices=NoticeKind.choices)
    title = models.CharField(_("title"), max_length=100)
    number_pattern = models.CharField(
        _("number pattern"),
        max_length=100,
        blank=True,
        help_text=_("For example {agency_short}公复〔{year}〕{serial}号; empty: the notice is not numbered."),
    )
    body = models.TextField(_("text"), help_text=_("Placeholders in {{ }}; see the list below the field."))
    review_body = models.CharField(_("reconsideration body"), max_length=200, blank=True)
    court = models.CharField(_("court"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind"], name="unique_notice_template")]
        verbose_name = _("notice template")
        verbose_name_plural = _("notice templates")

    def __str__(self):
        return self.title


class Notice(models.Model):
    request = models.ForeignKey("disclosure.DisclosureRequest", on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("kind of notice"), max_length=30, choices=NoticeKind.choices)
    number = models.CharField(_("number"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))
    recipient = models.CharField(_("recipient"), max_length=200)
    for_applicant = models.BooleanField(_("sent to the applicant"), default=True)
    pdf = models.BinaryField(editable=False)
    docx = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self):
        return f"{self.title} {self.number}".strip()

    def save(self, *args, **kwargs):
        if self.pk and Notice.objects.filter(pk=self.pk, sent_at__isnull=False).exists():
            raise ValidationError(_("A notice that has been sent cannot be changed."))
        super().save(*args, **kwargs)
