"""Enumerations of the annual report."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportLevel(models.TextChoices):
    """Art 49–50: every agency reports on its own work; a government also reports for the whole
    government (本级政府), summing its own figures and those of its departments and townships."""

    AGENCY = "agency", _("Agency report (本机关)")
    GOVERNMENT = "government", _("Whole-government report (本级政府)")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    IMPORTED = "imported", _("Imported (published before Gongkai)")


#: States in which the figures can no longer change: the report is under review or out.
LOCKED_STATES = (ReportState.SUBMITTED, ReportState.PUBLISHED, ReportState.IMPORTED)


class RowSource(models.TextChoices):
    """Where an agency's 表二 row comes from: counted from its catalogue, or typed in from another system."""

    CATALOGUE = "catalogue", _("Counted from the catalogue")
    ENTERED = "entered", _("Entered by hand with a source note")


class FigureChangeKind(models.TextChoices):
    OVERRIDDEN = "overridden", _("Computed figure overridden")
    OVERRIDE_REMOVED = "override_removed", _("Override removed")
    ENTERED = "entered", _("Figure entered")


class DueStatus(models.TextChoices):
    """Where a report stands against its deadline (``deadlines``): the colour of its row on the dashboard."""

    OVERDUE = "overdue", _("Overdue")
    DUE_SOON = "due_soon", _("At risk")
    ON_TIME = "on_time", _("On time")
    DONE = "done", _("Published")


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Deadline near")
    OVERDUE = "overdue", _("Deadline passed")
