import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.demo.builder import DEMO_PASSWORD, DemoSiteBuilder
from cms.demo.frame import configure_site_frame
from cms.demo.reports import AnnualReportDemo
from cms.demo.requests import RequestDeskDemo
from disclosure.models import AgencyPage, CatalogueItemPage
from search.api import rebuild_public_index
from search.queries.clients import hash_client
from search.queries.hot import count_search

# What the county's citizens searched for last week, and from how many different addresses:
# 热搜 shows a query only once enough different clients asked for it (README: 热搜 is moderated).
DEMO_SEARCHES = [("低保", 14), ("招生", 12), ("门诊", 11), ("义务教育", 9), ("停水", 8), ("预算", 6), ("只问一次", 1)]


def seed_hot_queries():
    for query, clients in DEMO_SEARCHES:
        for number in range(clients):
            day = timezone.localdate() - datetime.timedelta(days=number % 7)
            count_search(query, hash_client(f"198.51.100.{number}"), day=day)


class Command(BaseCommand):
    help = "Build the demo county site (agencies, catalogues, guides, announcements, users)."

    def add_arguments(self, parser):
        parser.add_argument("--items-per-agency", type=int, default=55)
        parser.add_argument("--seed", type=int, default=20261123)

    def handle(self, *args, items_per_agency, seed, **options):
        if AgencyPage.objects.exists():
            self.stdout.write(_("The demo site is already present; nothing to do."))
            return
        agencies = DemoSiteBuilder(items_per_agency=items_per_agency, seed=seed, stdout=self.stdout).build()
        desk = RequestDeskDemo(agencies, password=DEMO_PASSWORD, log=self.stdout.write).build()
        AnnualReportDemo(agencies, log=self.stdout.write).build()
        configure_site_frame(agencies["xzfb"])
        # Searchable at once, without waiting for the worker to work through the queue.
        indexed = rebuild_public_index()
        self.stdout.write(_("Public search: %(count)d documents indexed.") % {"count": indexed})
        seed_hot_queries()
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
        self.stdout.write(
            _("Request desk: handlers %(handlers)s, leaders (approve extensions) %(leaders)s; password %(password)s")
            % {
                "handlers": ", ".join(user.username for user in desk.handlers.values()),
                "leaders": ", ".join(user.username for user in desk.leaders.values()),
                "password": DEMO_PASSWORD,
            }
        )
        number, code = desk.status_example
        self.stdout.write(
            _("Status look-up example: %(number)s, query code %(code)s") % {"number": number, "code": code}
        )
