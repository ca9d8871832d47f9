"""Enumerations of the publication review (REFERENCE §5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..catalogue.choices import NonDisclosureReason, UnavailableReason


class SecrecyStatus(models.TextChoices):
    NOT_SECRET = "not_secret", _("Not classified (非涉密)")
    SECRET = "secret", _("Classified (涉密)")


class ReviewStage(models.TextChoices):
    DEPARTMENT = "department", _("Department review (科室初审)")
    SECRECY = "secrecy", _("Secrecy review (保密审查)")
    FINAL = "final", _("Final approval (领导终审)")
    OTHER = "other", _("Other review step")


class ReviewDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned to the editor")


def statutory_reason_choices():
    """The reasons of report tables 三(三) and 三(四), grouped as the report groups them."""
    return [
        ("", "---------"),
        (_("Not disclosed (不予公开)"), list(NonDisclosureReason.choices)),
        (_("Cannot be provided (无法提供)"), list(UnavailableReason.choices)),
    ]


def statutory_reason_label(value):
    for enum in (NonDisclosureReason, UnavailableReason):
        if value in enum.values:
            return enum(value).label
    return value
