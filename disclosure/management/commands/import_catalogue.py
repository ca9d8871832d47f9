import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from disclosure.catalogue.imports.importer import CatalogueImporter
from disclosure.models import AgencyPage


class Command(BaseCommand):
    help = "Import catalogue items from CSV, XLSX or JSON Lines (see README: Catalogue import format)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--agency", help="organisation code of the agency every row belongs to")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        parser.add_argument("--draft", action="store_true", help="create new items as unpublished drafts")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, file, agency, dry_run, draft, no_progress, **options):
        default_agency = None
        if agency:
            default_agency = AgencyPage.objects.filter(org_code=agency.strip().upper()).first()
            if default_agency is None:
                raise CommandError(_("No agency has the organisation code “%(code)s”.") % {"code": agency})
        progress = None
        if not no_progress:

            def progress(total):
                return tqdm(total=total, unit=_("rows"), file=sys.stderr, disable=None)

        report = CatalogueImporter(agency=default_agency, publish=not draft).run(
            file, dry_run=dry_run, progress=progress
        )
        for error in report.errors:
            self.stderr.write(str(error))
        summary = _("%(created)d created, %(updated)d updated, %(errors)d rows with errors.") % {
            "created": report.created,
            "updated": report.updated,
            "errors": len({e.row for e in report.errors}),
        }
        if dry_run:
            summary = _("Dry run, nothing written: ") + summary
        self.stdout.write(summary)
        if report.errors and not (report.created or report.updated):
            raise CommandError(_("Nothing was imported."))
