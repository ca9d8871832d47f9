from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A date that differs from the Mon–Fri rule: a holiday off, or a weekend day worked (调休)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday (day off)")
        WORKDAY = "workday", _("Adjusted working day (调休上班)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=50, blank=True, help_text=_("For example 国庆节."))

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar exception day")
        verbose_name_plural = _("working-day calendar")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class CalendarYear(models.Model):
    """A year whose official holiday arrangement has been entered; deadlines refuse to run past the last one."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")

    def __str__(self):
        return str(self.year)
