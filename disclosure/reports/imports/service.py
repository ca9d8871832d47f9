"""Importing a report published before Gongkai, so that its figures exist for next year's checks.

An imported report is ``ReportState.IMPORTED`` from the start: it keeps the figures it
published (each an *entered* figure, nothing computed), the file or address it was read from
(``imported_from``) and, from a page, its narrative sections. Its own arithmetic is checked
like any report's, and what fails is *listed* with the reading problems — an imported
report is a record of what was published, so its errors are shown, never corrected.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...agencies.models import AgencyPage
from .. import checks, formats
from ..choices import ReportLevel, ReportState
from ..errors import ReportRefused
from ..models import AnnualReport, ReportFigure
from ..permissions import writable_agencies
from .reading import Problem, read_report, title_problems


def _exists(year):
    return ReportRefused(_("There is already a report of this agency for %(year)s.") % {"year": year}, "year")


def _refuse_early(agency, year, level, actor):
    if actor is not None and not writable_agencies(actor).filter(pk=agency.pk).exists():
        raise PermissionDenied(_("Only the agency's editors may change its annual report."))
    first = min(fmt.first_year for fmt in formats.all_formats())
    if year < first:
        raise ReportRefused(
            _("Reports on years before %(year)s used an older format, which cannot be imported.") % {"year": first},
            "year",
        )
    if year >= timezone.localdate().year:
        raise ReportRefused(_("Only reports on past years can be imported."), "year")
    if level == ReportLevel.GOVERNMENT and agency.kind != AgencyPage.Kind.GOVERNMENT:
        raise ReportRefused(_("Only a people's government reports for the whole government."), "level")
    if AnnualReport.objects.filter(agency=agency, year=year, level=level).exists():
        raise _exists(year)


def _figures(report, reading, source_name, actor):
    now = timezone.now()
    imported = _("Imported from “%(source)s”: the figure as published.") % {"source": source_name}
    not_read = _("Not read from “%(source)s”; left blank.") % {"source": source_name}
    rows = []
    for code, value in reading.figures.items():
        rows.append(
            ReportFigure(
                report=report,
                cell=code,
                computed=None,
                entered=value,
                source_note=imported if value is not None else not_read,
                overridden_by=actor if value is not None else None,
                overridden_at=now if value is not None else None,
            )
        )
    ReportFigure.objects.bulk_create(rows)


def import_past_report(
    agency,
    year,
    upload_or_text,
    *,
    format_version=None,
    level=ReportLevel.AGENCY,
    actor,
    source_name,
    dry_run=False,
):
    """Create ``agency``'s imported report for ``year`` from a published page or workbook.

    ``upload_or_text``: an uploaded file (or any object with ``read``), a path, bytes, or the
    HTML as text. ``actor`` is the editor importing (who must be one of the agency's), or None
    for the system (the ``import_annual_report`` command); ``source_name`` (the file's name or
    the page's address) is kept as ``imported_from``. Returns ``(report, problems)``: the ``Problem`` list holds what could not be
    read and every failing 勾稽 check of the figures as published. With ``dry_run`` nothing is
    kept and the report returned is None. Refuses (``ReportRefused``) a second report for the
    year, a file that is no report, a report lacking 表三 or 表四.
    """
    _refuse_early(agency, year, level, actor)
    reading = read_report(upload_or_text, format_version)
    source_name = (source_name or getattr(upload_or_text, "name", "") or "").strip()[:255]
    with transaction.atomic():
        try:
            with transaction.atomic():
                report = AnnualReport.objects.create(
                    agency=agency,
                    year=year,
                    level=level,
                    format_version=reading.format.code,
                    state=ReportState.IMPORTED,
                    imported_from=source_name,
                    **reading.narrative,
                )
        except IntegrityError:
            raise _exists(year) from None
        _figures(report, reading, source_name, actor)
        failed = [Problem(result.message, result.cells, result.rule) for result in checks.failures(report)]
        if dry_run:
            transaction.set_rollback(True)
            report = None
    return report, [*title_problems(reading, agency, year), *reading.problems, *failed]
