"""Starting a year's report (and deleting one started or imported by mistake): the format in force, last year's text as a start, the fees collected, the tables computed.

Art 50 asks every report to state the 信息处理费 collected (《政府信息公开信息处理费管理办法》);
the request desk knows them (fees paid within the year), so section 六 starts with that
sentence in the format's own words. Sections 一 and 五 start from last year's text, for the
editor to rewrite rather than retype.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..agencies.models import AgencyPage
from ..requests.models import DisclosureRequest
from . import aggregate, figures, formats, titles
from .choices import ReportLevel, ReportState
from .errors import ReportRefused
from .formats.schema import display
from .models import AnnualReport
from .period import Period


def fees_collected(agencies, year):
    """The 信息处理费 paid within the year to these agencies, in yuan."""
    period = Period(year)
    paid = DisclosureRequest.objects.filter(
        agency__in=agencies, fee_paid_on__gte=period.start, fee_paid_on__lte=period.end
    ).aggregate(total=Sum("fee_amount"))
    return paid["total"] or 0


def fee_paragraph(fmt, name, year, amount):
    key = "fees_collected" if amount else "fees_none"
    text = fmt.texts.get(key, "")
    if not text:
        return ""
    return f"<p>{escape(text.format(year=year, agency=name, amount=display(amount)))}</p>"


DISCARDABLE = (ReportState.DRAFT, ReportState.IMPORTED)


@transaction.atomic
def start_report(agency, year, *, level=ReportLevel.AGENCY, format_version=None, actor=None):
    """Create the draft report of ``agency`` for ``year`` and compute its tables."""
    code = format_version or formats.for_year(year).code
    if code not in formats.FILES:
        raise ReportRefused(_("Choose one of the known report formats."), "format_version")
    if level == ReportLevel.GOVERNMENT and agency.kind != AgencyPage.Kind.GOVERNMENT:
        raise ReportRefused(_("Only a people's government reports for the whole government."), "level")
    if AnnualReport.objects.filter(agency=agency, year=year, level=level).exists():
        raise ReportRefused(_("There is already a report of this agency for %(year)s.") % {"year": year}, "year")
    previous = AnnualReport.objects.filter(agency=agency, year=year - 1, level=level).first()
    fmt = formats.get(code)
    payers = aggregate.member_agencies(agency) if level == ReportLevel.GOVERNMENT else [agency]
    report = AnnualReport.objects.create(
        agency=agency,
        year=year,
        level=level,
        format_version=code,
        overview=previous.overview if previous else "",
        problems=previous.problems if previous else "",
    )
    # The whole government's report speaks for the place (青溪县), not for the office that writes it.
    report.other_matters = fee_paragraph(fmt, titles.reporting_name(report), year, fees_collected(payers, year))
    report.save(update_fields=["other_matters"])
    figures.recompute(report, actor)
    return report


@transaction.atomic
def discard_report(report, actor):
    """Delete a report started or imported by mistake; never one under review or published (its page
    and the review's record stay the history of what the public saw)."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.state not in DISCARDABLE or report.pages.exists():
        raise ReportRefused(
            _("Only a draft or imported report that was never submitted can be deleted; this one is “%(state)s”.")
            % {"state": report.get_state_display()}
        )
    log(instance=report, action="wagtail.delete", user=actor, data={"title": str(report)})
    report.delete()
