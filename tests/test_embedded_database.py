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
