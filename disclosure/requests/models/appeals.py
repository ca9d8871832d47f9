"""The register of 行政复议 and 行政诉讼 cases about requests; it feeds report table 四."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AppealKind, AppealResult


class AppealCase(models.Model):
    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="appeal_cases"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AppealKind.choices)
    case_number = models.CharField(_("case number"), max_length=100)
    body = models.CharField(_("reconsideration body or court"), max_length=200)
    requests = models.ManyToManyField(
        "disclosure.DisclosureRequest", verbose_name=_("requests"), blank=True, related_name="appeals"
    )
    filed_on = models.DateField(_("filed on"))
    result = models.CharField(_("result"), max_length=20, choices=AppealResult.choices, default=AppealResult.PENDING)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    co_defendant_only = models.BooleanField(
        _("this agency is only a co-defendant as the reconsideration body"),
        default=False,
        help_text=_("国办公开办函〔2016〕201号: only the original acting agency counts such a lawsuit in its report."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-filed_on", "pk"]
        verbose_name = _("reconsideration or lawsuit")
        verbose_name_plural = _("reconsiderations and lawsuits")

    def __str__(self):
        return f"{self.case_number}（{self.get_kind_display()}）"
