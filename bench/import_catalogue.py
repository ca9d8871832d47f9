"""Import speed: 10,000 rows into a fresh database.

    .venv/bin/python bench/import_catalogue.py [--rows 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/import_catalogue.py

Target: 10,000 rows in under a minute on SQLite. The plain-Wagtail way (add_child + a
revision + publish per row, as an editor or a naive script would) is timed on a sample.

The import queues the public search index's update for Celery, as in production; the
worker's share (describing and segmenting every new item) is then timed on its own, by
running the queued work in this process.
"""

import argparse
import time

from harness import ROOT, fresh_database, make_agencies, write_rows


def plain_wagtail_import(catalogue, agency, count):
    from disclosure.models import CatalogueItemPage

    category = agency.catalogue_categories.get(code="0102")
    start = time.perf_counter()
    for n in range(count):
        item = CatalogueItemPage(
            title=f"逐条导入{n}", summary="概述", generated_date="2025-01-01", category=category, live=False
        )
        catalogue.add_child(instance=item)
        item.save_revision().publish()
    return (time.perf_counter() - start) / count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args()
    from celery import current_app

    from disclosure.catalogue.imports.importer import CatalogueImporter
    from disclosure.models import CatalogueItemPage
    from search.documents.sync import sync_each

    # As in production: the import hands the index update to a worker instead of doing it inline.
    current_app.conf.task_always_eager = False

    with fresh_database() as vendor:
        agencies = make_agencies(4)
        path = ROOT / "var" / "bench-import.csv"
        write_rows(path, agencies, args.rows)
        start = time.perf_counter()
        report = CatalogueImporter().run(path)
        elapsed = time.perf_counter() - start
        assert report.ok, report.errors[:5]
        assert CatalogueItemPage.objects.live().count() == args.rows
        start = time.perf_counter()
        sync_each(list(CatalogueItemPage.objects.values_list("pk", flat=True)))
        indexing = time.perf_counter() - start
        per_row_plain = plain_wagtail_import(agencies[0][1], agencies[0][0], args.sample)
        print(
            f"[{vendor}] gongkai import: {args.rows} rows in {elapsed:.1f} s ({elapsed / args.rows * 1000:.2f} ms/row)"
        )
        print(
            f"[{vendor}] then the worker's public-index update: {indexing:.1f} s ({indexing / args.rows * 1000:.2f} ms/row)"
        )
        print(
            f"[{vendor}] plain Wagtail add_child+publish: {per_row_plain * 1000:.2f} ms/row "
            f"(≈ {per_row_plain * args.rows:.0f} s for {args.rows} rows)"
        )
        print(
            f"[{vendor}] target: < 60 s for 10,000 rows on SQLite -> {'met' if elapsed < 60 * args.rows / 10_000 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
