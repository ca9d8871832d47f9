"""Submitting a report for review: only a computed report that passes every 勾稽 check goes forward,
as a page in the agency's 三审 review (``publication``)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from . import aggregate, checks, publication
from .choices import ReportLevel, ReportState
from .errors import ReportRefused
from .models import AnnualReport


@transaction.atomic
def submit_for_review(report, actor=None):
    """Move a draft to ``submitted``; refuse, listing the failing checks, when any check fails."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.state != ReportState.DRAFT:
        raise ReportRefused(
            _("Only a draft report can be submitted; this one is “%(state)s”.") % {"state": report.get_state_display()}
        )
    if not report.computations.exists():
        raise ReportRefused(_("Compute the tables before submitting the report."))
    if report.level == ReportLevel.GOVERNMENT and aggregate.out_of_date(report):
        raise ReportRefused(
            _("The members' reports have changed since the tables were last computed: recompute before submitting.")
        )
    failed = checks.failures(report)
    if failed:
        message = ngettext(
            "The report fails %(count)d check; correct it before submitting.",
            "The report fails %(count)d checks; correct them before submitting.",
            len(failed),
        ) % {"count": len(failed)}
        raise ReportRefused(message, failures=failed)
    publication.submit_page(report, actor)  # first: a restarted review cancels the old one, reopening drafts
    report.state = ReportState.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = actor
    report.save(update_fields=["state", "submitted_at", "submitted_by", "updated_at"])
    log(instance=report, action="gongkai.report.submitted", user=actor)
    return report
