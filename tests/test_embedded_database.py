"""The embedded SQLite database keeps taking writes while other requests are reading it."""

import datetime
import sqlite3

import pytest
from django.db import connection
from django.utils import timezone

from online_interview.questions.models import Question
from online_interview.questions.submission import submit_question
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_question_is_stored_while_another_request_holds_a_read_open(agency):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL readers never block writers")
    column = factories.make_interview_column(agency)
    session = factories.make_interview(column, start=timezone.now() - datetime.timedelta(minutes=5))
    reader = sqlite3.connect(connection.settings_dict["NAME"])  # another worker, mid-way through a page
    try:
        reader.execute("BEGIN")
        before = reader.execute("SELECT count(*) FROM online_interview_question").fetchone()[0]
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 2000")  # without the log the commit waits for the reader, then fails
        receipt = submit_question(session, nickname="东门居民", text="停水期间有没有送水服务？")
        assert Question.objects.filter(receipt=receipt.number).exists()
        # The reader goes on with the snapshot it started from.
        assert reader.execute("SELECT count(*) FROM online_interview_question").fetchone()[0] == before
    finally:
        reader.close()
        connection.close()  # the next use reconnects with the configured timeout


def test_a_transaction_that_reads_then_writes_waits_for_another_writer_instead_of_failing(agency):
    """The demo's worker syncing the index while an editor publishes: neither gets "database is locked".

    SQLite refuses at once (no waiting) to turn a read transaction into a write when another
    connection wrote since it began; transactions that take the write lock when they begin wait.
    """
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    import threading

    from django.db import connections, transaction

    from disclosure.models import AgencyPage

    started, other_wrote, errors = threading.Event(), threading.Event(), []

    def publisher():
        try:
            with transaction.atomic():
                title = AgencyPage.objects.get(pk=agency.pk).title  # reads first …
                started.set()
                other_wrote.wait(1)
                AgencyPage.objects.filter(pk=agency.pk).update(title=title + "（更新）")  # … then writes
        except Exception as error:  # noqa: BLE001 — the assertion below shows it
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=publisher)
    thread.start()
    assert started.wait(10)
    worker = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)  # the worker, syncing the index
    try:
        worker.execute("UPDATE wagtailcore_page SET draft_title = draft_title || '·' WHERE id = ?", (agency.pk,))
        worker.commit()
    finally:
        other_wrote.set()
        worker.close()
    thread.join(30)
    assert errors == []
    assert AgencyPage.objects.get(pk=agency.pk).title.endswith("（更新）")
