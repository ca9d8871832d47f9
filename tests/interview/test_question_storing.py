"""A submission is stored in one statement: as the ORM would store it, once per key, never lost."""

import datetime
import uuid

import pytest
from django.db import transaction
from django.utils import timezone

from online_interview.questions import storing
from online_interview.questions.models import Question, QuestionState
from online_interview.questions.submission import submit_question

pytestmark = pytest.mark.django_db


def test_the_stored_row_reads_back_through_the_orm(live_interview):
    key = uuid.uuid4()
    asked = timezone.now() - datetime.timedelta(minutes=1)
    receipt = submit_question(
        live_interview,
        nickname="东门居民",
        text="停水通知会提前几天发？",
        contact="13900002222",
        submission_key=key,
        now=asked,
    )
    question = Question.objects.get(submission_key=key)  # the key round-trips in the backend's own UUID format
    assert (question.pk, question.receipt) == (receipt.question_id, receipt.number)
    assert question.interview_id == live_interview.pk and question.state == QuestionState.PENDING
    assert (question.nickname, question.text, question.contact) == ("东门居民", "停水通知会提前几天发？", "13900002222")
    assert question.asked_live and question.submitted_at == asked and question.votes == 0 and not question.pinned
    assert receipt.question == question and not receipt.repeated


def test_a_repeat_inside_a_transaction_leaves_the_transaction_usable(live_interview):
    key = uuid.uuid4()
    with transaction.atomic():
        first = submit_question(live_interview, nickname="甲", text="水费账单在哪里查？", submission_key=key)
        again = submit_question(live_interview, nickname="甲", text="水费账单在哪里查？", submission_key=key)
        assert Question.objects.filter(interview=live_interview).count() == 1  # still usable: no aborted statement
    assert again.repeated and (again.number, again.question_id) == (first.number, first.question_id)


def test_a_clashing_receipt_number_is_replaced_not_lost(live_interview, monkeypatch):
    taken = submit_question(live_interview, nickname="甲", text="第一个问题？").number
    numbers = iter([taken, "FRESH00001"])
    monkeypatch.setattr(storing, "new_receipt", lambda: next(numbers))
    receipt = submit_question(live_interview, nickname="乙", text="第二个问题？")
    assert receipt.number == "FRESH00001" and not receipt.repeated
    assert Question.objects.get(receipt="FRESH00001").text == "第二个问题？"
    assert Question.objects.filter(interview=live_interview).count() == 2
