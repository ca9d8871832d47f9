"""The public index follows every write path and converges from any state with one reconcile run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import current_app
from django.db import connection
from wagtail.models import Page

from disclosure.catalogue.imports.importer import CatalogueImporter
from disclosure.models import CatalogueItemPage, PublicationHold
from search.models import PublicDocument
from search.tasks import reconcile_public_index
from tests import factories
from tests.disclosure.test_import_catalogue import row, write_csv

ROOT = Path(__file__).resolve().parent.parent.parent


def found(client, query):
    return [hit["title"] for hit in client.get("/api/search/", {"q": query}).json()["results"]]


def indexed_under(page):
    return PublicDocument.objects.filter(page__path__startswith=page.path).count()


@pytest.mark.django_db
def test_imports_reach_the_index_created_updated_and_withdrawn(client, tmp_path, agency, catalogue):
    first = row(agency, title="关于开展萤火虫栖息地调查的通知", body="调查范围包括东溪湿地。")
    CatalogueImporter().run(write_csv(tmp_path / "a.csv", [first]))
    assert found(client, "萤火虫") == ["关于开展萤火虫栖息地调查的通知"]

    # Re-imported with a new title: findable by it at once.
    renamed = {**first, "title": "关于开展萤火虫与蜻蜓栖息地调查的通知"}
    item = CatalogueItemPage.objects.get()
    renamed["index_number"] = item.index_number
    CatalogueImporter().run(write_csv(tmp_path / "b.csv", [renamed]))
    assert found(client, "蜻蜓") == ["关于开展萤火虫与蜻蜓栖息地调查的通知"]

    # Re-imported as not disclosed, body removed: neither the item nor its old body is searchable.
    withdrawn = {
        **renamed,
        "disclosure_mode": "不予公开",
        "non_disclosure_reason": "third_party",
        "disclosure_note": "涉及第三方",
        "body": "",
    }
    with deferred_index_jobs():
        report = CatalogueImporter().run(write_csv(tmp_path / "c.csv", [withdrawn]))
        assert report.ok, report.errors
        assert found(client, "东溪湿地") == [] and found(client, "蜻蜓") == []


@pytest.mark.django_db
def test_an_import_does_not_change_a_held_item(tmp_path, agency, catalogue):
    item = factories.make_item(catalogue, title="关于水库移民后期扶持资金的通知")
    PublicationHold.objects.create(page=item, reason="secret")
    changed = row(agency, title="关于水库移民后期扶持资金的通知（修订）", index_number=item.index_number)
    report = CatalogueImporter().run(write_csv(tmp_path / "held.csv", [changed]))
    assert report.updated == 0 and len(report.errors) == 1
    assert report.errors[0].field == "index_number" and "保密审查" in report.errors[0].message
    item.refresh_from_db()
    assert item.title == "关于水库移民后期扶持资金的通知"


class deferred_index_jobs:
    """Index jobs wait for a commit that never comes in this test: as if no worker had run yet."""

    def __enter__(self):
        self.eager = current_app.conf.task_always_eager
        current_app.conf.task_always_eager = False

    def __exit__(self, *exc):
        current_app.conf.task_always_eager = self.eager


def database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


SYNC_IN_A_WORKER = """
from search.tasks import sync_subtree
sync_subtree({page_id})
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_reconcile_repairs_a_worker_killed_mid_sync_and_a_database_edited_behind_the_apps_back(
    tmp_path, agency, catalogue, other_agency, other_catalogue
):
    rows = [row(agency, title=f"关于第{n}批古树名木挂牌保护的通知", doc_number="") for n in range(1, 121)]
    CatalogueImporter().run(write_csv(tmp_path / "many.csv", rows))
    factories.make_item(other_catalogue, title="关于城区行道树病虫害防治的通知")
    factories.make_item(other_catalogue, title="关于古树名木养护技术规范的通知")
    assert indexed_under(catalogue) == 120 and indexed_under(other_catalogue) == 2

    # The catalogue's documents are lost, and the worker re-adding them is killed half-way.
    PublicDocument.objects.filter(page__path__startswith=catalogue.path).delete()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", SYNC_IN_A_WORKER.format(page_id=catalogue.pk)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while indexed_under(catalogue) < 5 and time.monotonic() < deadline and worker.poll() is None:
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    half_way = indexed_under(catalogue)
    assert 0 < half_way < 120, f"the worker was not caught mid-sync ({half_way} of 120)"

    # Someone unpublishes the other agency's catalogue directly in the database: no event at all.
    Page.objects.filter(pk=other_catalogue.pk).update(live=False)
    assert indexed_under(other_catalogue) == 2

    reconcile_public_index()
    assert indexed_under(catalogue) == 120
    assert indexed_under(other_catalogue) == 0
