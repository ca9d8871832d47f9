from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.demo.builder import DEMO_PASSWORD, DemoSiteBuilder
from disclosure.models import AgencyPage, CatalogueItemPage


class Command(BaseCommand):
    help = "Build the demo county site (agencies, catalogues, guides, announcements, users)."

    def add_arguments(self, parser):
        parser.add_argument("--items-per-agency", type=int, default=55)
        parser.add_argument("--seed", type=int, default=20261123)

    def handle(self, *args, items_per_agency, seed, **options):
        if AgencyPage.objects.exists():
            self.stdout.write(_("The demo site is already present; nothing to do."))
            return
        DemoSiteBuilder(items_per_agency=items_per_agency, seed=seed, stdout=self.stdout).build()
        # Searchable at once, without waiting for the worker to work through the queue.
        from search.documents.rebuild import rebuild

        indexed = rebuild()
        self.stdout.write(_("Public search: %(count)d documents indexed.") % {"count": indexed})
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo site ready: %(agencies)d agencies, %(items)d catalogue items. Admin: admin / %(password)s")
                % {
                    "agencies": AgencyPage.objects.count(),
                    "items": CatalogueItemPage.objects.count(),
                    "password": DEMO_PASSWORD,
                }
            )
        )
