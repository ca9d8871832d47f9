from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from disclosure.models import AgencyPage
from disclosure.reports import formats
from disclosure.reports.choices import ReportLevel
from disclosure.reports.errors import ReportRefused
from disclosure.reports.imports import import_past_report

HELP = """Import an annual report published before Gongkai (政府信息公开工作年度报告), so that last year's
figures exist for this year's checks (表三 二 上年结转 = last year's 四 结转下年度).

FILE is the report's web page saved as HTML (UTF-8 or GBK) or an XLSX workbook in the national layout
(one sheet per table or all tables on one sheet). The format (2019 or 2021) is recognised from the
labels unless --format names it. Figures that cannot be read or are not found are listed and left
blank; the report's own 勾稽 errors are listed too — the figures are kept as published."""


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", required=True, help="the agency's slug or id")
        parser.add_argument("--year", required=True, type=int, help="the year the report is on")
        parser.add_argument("--format", dest="format_version", choices=sorted(formats.FILES), default=None)
        parser.add_argument("--level", choices=ReportLevel.values, default=ReportLevel.AGENCY)
        parser.add_argument("--dry-run", action="store_true", help="read and check, write nothing")

    def _agency(self, value):
        value = value.strip()
        found = AgencyPage.objects.filter(pk=int(value)) if value.isdigit() else AgencyPage.objects.filter(slug=value)
        if found.count() != 1:
            raise CommandError(_("No agency has the slug or id “%(agency)s”.") % {"agency": value})
        return found.get()

    def handle(self, *args, file, agency, year, format_version, level, dry_run, **options):
        agency = self._agency(agency)
        year = int(year)
        path = Path(file)
        try:
            report, problems = import_past_report(
                agency,
                year,
                path,
                format_version=format_version,
                level=level,
                actor=None,
                source_name=path.name,
                dry_run=dry_run,
            )
        except ReportRefused as refused:
            raise CommandError(refused.message) from None
        for problem in problems:
            self.stderr.write(str(problem))
        summary = ngettext(
            "The report of %(agency)s for %(year)s was imported; %(count)d problem is listed above.",
            "The report of %(agency)s for %(year)s was imported; %(count)d problems are listed above.",
            len(problems),
        ) % {
            "agency": agency.title,
            "year": year,
            "count": len(problems),
        }
        if dry_run:
            summary = _("Dry run, nothing written: ") + summary
        self.stdout.write(summary)
