"""Shared benchmark plumbing: a throwaway database (SQLite file or DATABASE_URL), timing, data."""

import contextlib
import csv
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


@contextlib.contextmanager
def fresh_database(keep=False):
    """Create, migrate and finally drop a benchmark database beside the configured one.

    With ``keep`` the database survives the run and is reused by the next one.
    """
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    script = Path(sys.argv[0]).stem
    connection.settings_dict["TEST"]["NAME"] = (
        str(ROOT / "var" / f"bench-{script}.sqlite3") if connection.vendor == "sqlite" else f"{old_name}_bench_{script}"
    )
    (ROOT / "var").mkdir(exist_ok=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep)
    try:
        yield connection.vendor
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def timed(function, repeat):
    """Milliseconds per call: (median, p95)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[math.ceil(len(samples) * 0.95) - 1]  # nearest rank


def make_agencies(count):
    from tests import factories

    agencies = []
    for n in range(count):
        agency = factories.make_agency(title=f"青溪县基准测试局{n}", short_name=f"基准{n}")
        agencies.append((agency, factories.make_catalogue(agency)))
    return agencies


def write_rows(path, agencies, rows, seed=7):
    """A CSV in the documented import format, with realistic generated titles and bodies."""
    from cms.demo.texts import body_for, summary_for, title_for
    from disclosure.catalogue.imports.readers import COLUMNS
    from disclosure.models import Genre, Topic

    rng = random.Random(seed)
    topics = list(Topic.objects.values_list("name", flat=True))
    genres = set(Genre.objects.values_list("name", flat=True))
    leaf_paths = {}
    for agency, _ in agencies:
        leaves = [c for c in agency.catalogue_categories.select_related("parent") if not c.children.exists()]
        leaf_paths[agency.pk] = [c.code for c in leaves]
    kinds = ["education", "health", "government", "hospital", "utility", "township"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for n in range(rows):
            agency, _ = agencies[n % len(agencies)]
            year = rng.choice([2021, 2022, 2023, 2024, 2025, 2026])
            genre, subject, title = title_for(rng, rng.choice(kinds), agency.short_name, year)
            writer.writerow(
                {
                    "agency_code": agency.org_code,
                    "category": rng.choice(leaf_paths[agency.pk]),
                    "title": f"{title}（{n}）",
                    "index_number": "",
                    "doc_number": f"青基发〔{year}〕{n}号" if genre in {"通知", "意见", "办法"} else "",
                    "issued_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "published_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(8, 17):02d}:00",
                    "topic": rng.choice(topics),
                    "genre": genre if genre in genres else "其他",
                    "disclosure_mode": "主动公开",
                    "validity": rng.choice(["有效"] * 9 + ["废止"]),
                    "keywords": subject,
                    "summary": summary_for(subject, genre),
                    "body": body_for(rng, agency.title, subject, genre),
                }
            )
