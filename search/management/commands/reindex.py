"""``manage.py reindex``: rebuild the public search documents and the search index, with progress bars."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from disclosure.api import public_pages
from search.documents.rebuild import admin_index_models, rebuild, reindex_admin
from search.documents.sources import searchable_pages


class Command(BaseCommand):
    help = _("Rebuild the public search index from the publicly visible pages, then the admin's own index.")

    def add_arguments(self, parser):
        parser.add_argument("--public-only", action="store_true", help=_("Skip Wagtail's admin (page) index."))
        parser.add_argument("--no-progress", action="store_true", help=_("No progress bar (for logs)."))

    def handle(self, *args, public_only=False, no_progress=False, **options):
        # Each public page is counted twice: once when described, once when indexed.
        total = 2 * public_pages(searchable_pages()).count()
        with tqdm(total=total, desc=_("Public search"), unit=_("steps"), disable=no_progress, file=self.stderr) as bar:
            searchable = rebuild(progress=bar.update)
        self.stdout.write(_("%(count)d public documents searchable.") % {"count": searchable})
        if not public_only:
            total = sum(model.get_indexed_objects().count() for model in admin_index_models())
            with tqdm(
                total=total, desc=_("Admin search"), unit=_("objects"), disable=no_progress, file=self.stderr
            ) as bar:
                reindex_admin(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(_("Search index rebuilt.")))
