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
    """The reasons a publication review may give: 不予公开 1–8 of report table 三(三), by article of the 条例.

    The 无法提供 and 不予处理 reasons (本机关不掌握, 需另行制作…) answer an application; they belong
    to the request desk, not to a review of what the agency itself is about to publish.
    """
    reason = NonDisclosureReason
    return [
        ("", "---------"),
        (
            _("Art 14: not to be disclosed (第十四条)"),
            [(r.value, r.label) for r in (reason.STATE_SECRET, reason.PROHIBITED_BY_LAW, reason.SECURITY_STABILITY)],
        ),
        (_("Art 15: third parties' rights (第十五条)"), [(reason.THIRD_PARTY.value, reason.THIRD_PARTY.label)]),
        (
            _("Art 16: may be withheld (第十六条)"),
            [
                (r.value, r.label)
                for r in (reason.INTERNAL_AFFAIRS, reason.PROCESS_INFORMATION, reason.ENFORCEMENT_FILE)
            ],
        ),
        (_("Special rules of other laws (另有规定)"), [(reason.QUERY_MATTER.value, reason.QUERY_MATTER.label)]),
    ]


def statutory_reason_label(value):
    """The label of any reason ever recorded: registers kept from before the request reasons were
    taken out of the review form still read in words."""
    for enum in (NonDisclosureReason, UnavailableReason):
        if value in enum.values:
            return enum(value).label
    return value
