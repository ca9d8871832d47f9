"""The whole government's report (本级政府, Art 50): the sum of its members' reports.

Members: the government agency itself and the agencies directly under it
(``AgencyPage.parent_agency``) that are its departments or townships. Public institutions and
enterprises (hospitals, schools, utilities) are not administrative agencies: they publish
their own reports under their sector's rules and are not summed.

Every figure of the government's report that is not a total is the sum, cell by cell, of the
figures the members' own reports *show* (entered or overriding values included) for the same
year — whatever state those reports are in; the members still without a report are listed,
and each member's contribution to a cell can be shown beside it. A member in another format
contributes the cells both formats share.
"""

from collections import defaultdict

from django.db.models import DecimalField, Sum
from django.db.models.functions import Coalesce

from ..agencies.models import AgencyPage
from .choices import ReportLevel
from .models import AnnualReport, ReportFigure

MEMBER_KINDS = (AgencyPage.Kind.DEPARTMENT, AgencyPage.Kind.TOWNSHIP)


def member_agencies(government):
    """The government first, then its departments and townships by title."""
    others = AgencyPage.objects.filter(parent_agency=government, kind__in=MEMBER_KINDS).order_by("title")
    return [government, *others]


def members(report):
    """[(agency, its own report for the year or None)] for a government report."""
    agencies = member_agencies(report.agency)
    reports = {
        found.agency_id: found
        for found in AnnualReport.objects.filter(
            agency__in=agencies, year=report.year, level=ReportLevel.AGENCY
        ).select_related("agency")
    }
    return [(agency, reports.get(agency.pk)) for agency in agencies]


def missing(report):
    """The members that have no report for the year yet."""
    return [agency for agency, found in members(report) if found is None]


def _shown():
    return Coalesce("entered", "computed", output_field=DecimalField(max_digits=18, decimal_places=4))


def compute(report, cells):
    """{cell code: sum of the members' shown figures} for ``cells`` (one GROUP BY query)."""
    reports = [found.pk for _agency, found in members(report) if found is not None]
    codes = [cell.code for cell in cells]
    values = dict.fromkeys(codes, 0)
    rows = (
        ReportFigure.objects.filter(report_id__in=reports, cell__in=codes)
        .order_by()
        .values("cell")
        .annotate(total=Sum(_shown()))
    )
    values.update({row["cell"]: row["total"] or 0 for row in rows})
    return values


def contributions(report):
    """{cell code: [(agency, shown figure)]} — each member's part of each figure, members in order."""
    listed = members(report)
    order = {agency.pk: index for index, (agency, _found) in enumerate(listed)}
    agencies = {agency.pk: agency for agency, _found in listed}
    rows = (
        ReportFigure.objects.filter(report_id__in=[found.pk for _agency, found in listed if found is not None])
        .annotate(shown=_shown())
        .values_list("cell", "report__agency_id", "shown")
    )
    found = defaultdict(list)
    for cell, agency_id, shown in rows:
        found[cell].append((agency_id, shown))
    return {
        cell: [(agencies[agency_id], shown) for agency_id, shown in sorted(parts, key=lambda part: order[part[0]])]
        for cell, parts in found.items()
    }


def out_of_date(report):
    """Whether the members' reports now sum to other figures than the government's report holds
    (a member recomputed, corrected or was added since): then it needs 重新计算."""
    cells = [cell for cell in report.format.cells.values() if not cell.is_sum]
    now = compute(report, cells)
    held = dict(ReportFigure.objects.filter(report=report, cell__in=now).values_list("cell", "computed"))
    return any((held.get(code) or 0) != (value or 0) for code, value in now.items())
