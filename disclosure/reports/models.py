"""The annual report (政府信息公开工作年度报告, Art 49–50) and its figures.

A report is one agency's, for one year, at one level (its own, or the whole government's),
in one format version that it keeps for life. Its figures are stored one row per cell of the
format: the value Gongkai computed from its own data, and — where the agency knows better
or the figure comes from another system — the value entered, with who, when and why. The
report shows ``entered`` when there is one, else ``computed``. Every change to an entered
figure is kept in ``ReportFigureChange``; every recomputation in ``ReportComputation`` with
what it changed, so an editor sees what moved since the tables were last computed.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from ..agencies.models import AgencyPage
from . import formats
from .choices import FigureChangeKind, ReminderKind, ReportLevel, ReportState, RowSource

#: What the public page offers for download.
DOWNLOADS = ("pdf", "xlsx", "docx")

FIGURE = {"max_digits": 18, "decimal_places": 4, "null": True, "blank": True}


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2008)])
    level = models.CharField(_("level"), max_length=20, choices=ReportLevel.choices, default=ReportLevel.AGENCY)
    format_version = models.CharField(
        _("format"), max_length=30, help_text=_("A report keeps the format it was started in.")
    )
    overview = RichTextField(_("一 Overview (总体情况)"), blank=True)
    problems = RichTextField(_("五 Main problems and improvements (存在的主要问题及改进情况)"), blank=True)
    other_matters = RichTextField(_("六 Other matters to report (其他需要报告的事项)"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    imported_from = models.CharField(
        _("imported from"),
        max_length=255,
        blank=True,
        help_text=_("The file or address a past report was read from; its figures are those it published."),
    )

    class Meta:
        ordering = ["-year", "agency_id", "level"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "level"], name="unique_annual_report"),
        ]

    def __str__(self):
        return f"{self.agency.title} {self.year}年政府信息公开工作年度报告（{self.get_level_display()}）"

    @cached_property
    def format(self):
        return formats.get(self.format_version)

    def clean(self):
        if self.format_version not in formats.FILES:
            raise ValidationError({"format_version": _("Choose one of the known report formats.")})
        if self.level == ReportLevel.GOVERNMENT and self.agency_id and self.agency.kind != AgencyPage.Kind.GOVERNMENT:
            raise ValidationError({"level": _("Only a people's government reports for the whole government.")})

    def previous(self):
        """Last year's report of the same agency and level, if there is one."""
        return AnnualReport.objects.filter(agency_id=self.agency_id, level=self.level, year=self.year - 1).first()


class ReportFigure(models.Model):
    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="figures")
    cell = models.CharField(_("cell"), max_length=80)
    computed = models.DecimalField(_("computed value"), **FIGURE)
    entered = models.DecimalField(_("entered value"), help_text=_("Overrides the computed value when set."), **FIGURE)
    source_note = models.TextField(_("source note"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(_("entered at"), null=True, blank=True)
    reason = models.TextField(_("reason for the override"), blank=True)

    class Meta:
        verbose_name = _("report figure")
        verbose_name_plural = _("report figures")
        constraints = [models.UniqueConstraint(fields=["report", "cell"], name="unique_report_figure")]

    def __str__(self):
        return f"{self.cell} = {self.value}"

    @property
    def value(self):
        """What the report shows: the entered value when there is one, else the computed one."""
        return self.entered if self.entered is not None else self.computed


class ReportFigureChange(models.Model):
    """The history of entered and overriding values: who changed which figure, when, from what, why."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="figure_changes")
    cell = models.CharField(_("cell"), max_length=80)
    kind = models.CharField(_("change"), max_length=20, choices=FigureChangeKind.choices)
    before = models.DecimalField(_("before"), **FIGURE)
    after = models.DecimalField(_("after"), **FIGURE)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("change of a report figure")
        verbose_name_plural = _("changes of report figures")

    def __str__(self):
        return f"{self.cell}: {self.before} → {self.after}"


class ReportComputation(models.Model):
    """One run of the computation: the values it found (cell → figure) and what differed from the run before."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="computations")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    values = models.JSONField(default=dict)
    changes = models.JSONField(default=dict)  # cell -> [before, after]

    class Meta:
        ordering = ["-at", "-pk"]
        get_latest_by = ["at", "pk"]
        verbose_name = _("report computation")
        verbose_name_plural = _("report computations")

    def __str__(self):
        return f"{self.report_id} @ {self.at:%Y-%m-%d %H:%M}"


class ReportRowSource(models.Model):
    """Per agency and 表二 row: counted from the catalogue (and from which category or 体裁), or entered
    by hand with a note saying where the figure comes from (e.g. 行政许可 from the 政务服务网).

    One setting per row code serves every format that has the row; rows without a setting use the
    format's default source and select items by the format's category/体裁 names.
    """

    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="report_row_sources"
    )
    row = models.CharField(_("row of table 二"), max_length=40)
    source = models.CharField(_("source"), max_length=20, choices=RowSource.choices, default=RowSource.CATALOGUE)
    category = models.ForeignKey(
        "disclosure.CatalogueCategory",
        verbose_name=_("catalogue category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Items in this category and below are counted."),
    )
    genre = models.ForeignKey(
        "disclosure.Genre",
        verbose_name=_("genre (体裁)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Items of this genre are counted (in addition to the category's)."),
    )
    source_note = models.TextField(_("source note"), blank=True)

    class Meta:
        verbose_name = _("source of a table 二 row")
        verbose_name_plural = _("sources of table 二 rows")
        constraints = [models.UniqueConstraint(fields=["agency", "row"], name="unique_report_row_source")]

    def __str__(self):
        return f"{self.agency_id}/{self.row}: {self.source}"

    def clean(self):
        if self.category_id and self.agency_id and self.category.agency_id != self.agency_id:
            raise ValidationError({"category": _("Choose a category of this agency's catalogue.")})
        if self.source == RowSource.ENTERED and not self.source_note.strip():
            raise ValidationError({"source_note": _("Say where the figures entered by hand come from.")})


class ReportReminder(models.Model):
    """A reminder e-mailed to an agency's editors about one report on one day (``reminders``): the
    record that keeps it to once a day, and shows who was told, and when, that a report was late."""

    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="report_reminders"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=20, choices=ReportLevel.choices)
    kind = models.CharField(_("reminder"), max_length=20, choices=ReminderKind.choices)
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_on", "agency_id", "level"]
        verbose_name = _("annual report reminder")
        verbose_name_plural = _("annual report reminders")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "level", "sent_on"], name="unique_report_reminder"),
        ]

    def __str__(self):
        return f"{self.agency_id} {self.year} {self.level} {self.kind} {self.sent_on:%Y-%m-%d}"
