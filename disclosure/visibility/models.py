"""Publication holds: an item a reviewer found 涉密 or 不予公开 stays off every public surface.

The review places and lifts them; the visibility rule reads them.

涉密不上网: the decision is about the document, not one draft, so it also withdraws a
version that is already live — until a later secrecy review clears it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HoldReason(models.TextChoices):
    SECRET = "secret", _("Classified (涉密)")
    NOT_DISCLOSED = "not_disclosed", _("Not to be disclosed (不予公开)")


class PublicationHold(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("item"), on_delete=models.CASCADE, related_name="publication_hold"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=HoldReason.choices)
    record = models.ForeignKey(
        "disclosure.ReviewRecord", verbose_name=_("review record"), null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("held since"), default=timezone.now)

    class Meta:
        verbose_name = _("publication hold")
        verbose_name_plural = _("publication holds")

    def __str__(self):
        return f"{self.page} · {self.get_reason_display()}"
