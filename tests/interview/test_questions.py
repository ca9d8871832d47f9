"""Citizens' questions: receipts, reasons, limits — and nothing unapproved ever shown."""

import uuid

import pytest
from django.test import Client, override_settings

from disclosure.models import SensitiveWord
from online_interview.questions.models import Question, QuestionState, QuestionVote
from online_interview.questions.moderation import approve, reject
from tests import factories
from tests.interview.conftest import ask, feed

pytestmark = pytest.mark.django_db


def test_an_accepted_question_gets_a_receipt_and_waits_unseen(client, interview):
    response = ask(client, interview, text="幼儿园学位紧张怎么办？", contact="13800001111")
    assert response.status_code == 201
    receipt = response.json()["receipt"]
    assert receipt in response.json()["message"]
    question = Question.objects.get(receipt=receipt)
    assert question.state == QuestionState.PENDING and question.contact == "13800001111"

    page = client.get(interview.url).content.decode()
    assert "幼儿园学位紧张" not in page
    assert "幼儿园学位紧张" not in feed(client, interview).content.decode()


def test_an_approved_question_is_shown_without_its_private_contact(client, interview, staff):
    ask(client, interview, text="新生报名网址是什么？", contact="wang@example.com")
    approve(Question.objects.get(), staff["editor"])
    page = client.get(interview.url).content.decode()
    body = feed(client, interview).json()
    assert "新生报名网址是什么" in page
    assert [q["text"] for q in body["questions"]] == ["新生报名网址是什么？"]
    assert "wang@example.com" not in page and "wang@example.com" not in str(body)


def test_edit_then_approve_shows_the_edited_text_and_keeps_the_original(client, interview, staff):
    ask(client, interview, text="你们局长电话多少？我要问招生！！！")
    question = Question.objects.get()
    approve(question, staff["editor"], text="请问招生咨询电话是多少？")
    assert "请问招生咨询电话是多少" in client.get(interview.url).content.decode()
    question.refresh_from_db()
    assert question.text == "你们局长电话多少？我要问招生！！！"


def test_a_rejected_question_is_never_shown_and_is_withdrawn_from_the_feed(client, interview, staff):
    ask(client, interview, text="这是一条广告信息")
    question = Question.objects.get()
    approve(question, staff["editor"])
    cursor = feed(client, interview).json()["cursor"]
    reject(question, staff["editor"])
    changes = feed(client, interview, since=cursor).json()
    assert changes["withdrawn_questions"] == [question.pk]
    assert "这是一条广告信息" not in client.get(interview.url).content.decode()
    assert "这是一条广告信息" not in feed(client, interview).content.decode()


@pytest.mark.parametrize(
    "data, field, reason",
    [
        ({"text": ""}, "text", "请填写您的问题"),
        ({"text": "问" * 501}, "text", "最多 500 个字符"),
        ({"nickname": ""}, "nickname", "请填写昵称"),
        ({"nickname": "长" * 21}, "nickname", "最多 20 个字符"),
    ],
)
def test_refused_questions_get_a_reason_and_store_nothing(client, interview, data, field, reason):
    response = ask(client, interview, **data)
    assert response.status_code == 400
    assert response.json()["field"] == field and reason in response.json()["error"]
    assert not Question.objects.exists()


def test_sensitive_words_are_refused_with_the_words_named(client, interview):
    SensitiveWord.objects.create(word="内部资料")
    response = ask(client, interview, text="能把内部资料发给我吗？")
    assert response.status_code == 400 and "内部资料" in response.json()["error"]
    assert not Question.objects.exists()


def test_invisible_marks_do_not_slip_a_word_past_the_list(client, interview):
    SensitiveWord.objects.create(word="内部资料")
    response = ask(client, interview, text="能把内\u200b部\u200d资料发给我吗？")
    assert response.status_code == 400 and "内部资料" in response.json()["error"]
    assert not Question.objects.exists()


def test_emoji_joined_with_zero_width_joiners_are_kept(client, interview):
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert ask(client, interview, text=f"学区划分会考虑多孩家庭吗？{family}").status_code == 201
    assert Question.objects.get().text.endswith(family)


def test_the_honeypot_refuses_bots(client, interview):
    response = ask(client, interview, website="http://spam.example")
    assert response.status_code == 400 and not Question.objects.exists()


@override_settings(GONGKAI_INTERVIEW={"QUESTION_RATE": "2/m"})
def test_questions_are_rate_limited_per_client(client, interview):
    assert ask(client, interview, text="第一个问题").status_code == 201
    assert ask(client, interview, text="第二个问题").status_code == 201
    response = ask(client, interview, text="第三个问题")
    assert response.status_code == 429 and "过于频繁" in response.json()["error"]
    other = ask(client, interview, text="另一位市民的问题", meta={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 201
    assert Question.objects.count() == 3


def test_a_retried_submission_is_stored_once(client, interview):
    key = str(uuid.uuid4())
    first = ask(client, interview, submission_key=key)
    again = ask(client, interview, submission_key=key)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["receipt"] == again.json()["receipt"] and again.json()["repeated"]
    assert Question.objects.count() == 1


def test_without_javascript_the_form_answers_with_a_page_and_keeps_the_text(client, interview):
    response = client.post(f"/api/interviews/{interview.pk}/questions/", {"nickname": "甲", "text": "问" * 600})
    assert response.status_code == 400
    html = response.content.decode()
    assert "最多 500 个字符" in html and "问" * 600 in html
    accepted = client.post(f"/api/interviews/{interview.pk}/questions/", {"nickname": "甲", "text": "好问题"})
    assert accepted.status_code == 201 and Question.objects.get().receipt in accepted.content.decode()


def test_questions_to_a_draft_session_are_not_taken(client, column):
    draft = factories.make_interview(column, live=False)
    assert ask(client, draft).status_code == 404


def test_one_vote_per_visitor(client, interview, staff):
    ask(client, interview)
    question = Question.objects.get()
    approve(question, staff["editor"])
    url = f"/api/interviews/{interview.pk}/questions/{question.pk}/vote/"
    assert client.post(url).json()["votes"] == 1
    assert client.post(url).json()["votes"] == 1  # the same visitor (cookie) again
    assert Client(REMOTE_ADDR="198.51.100.20").post(url).json()["votes"] == 2  # another visitor


def test_dropping_the_cookie_does_not_vote_again(client, interview, staff):
    ask(client, interview, text="什么时候恢复供水？")
    question = Question.objects.get()
    approve(question, staff["editor"])
    url = f"/api/interviews/{interview.pk}/questions/{question.pk}/vote/"
    for _ in range(20):  # a script that throws its cookie away after every vote
        Client(REMOTE_ADDR="203.0.113.50").post(url)
    assert Question.objects.get().votes == 1
    # The same browser on another network (its cookie kept) does not vote twice either.
    browser = Client(REMOTE_ADDR="203.0.113.51")
    assert browser.post(url).json()["votes"] == 2
    browser.defaults["REMOTE_ADDR"] = "203.0.113.52"
    assert browser.post(url).json()["votes"] == 2
    # The address is never stored as such.
    assert not QuestionVote.objects.filter(client__contains="203.0.113").exists()


def test_pending_questions_cannot_be_voted_for(client, interview):
    ask(client, interview)
    question = Question.objects.get()
    response = client.post(f"/api/interviews/{interview.pk}/questions/{question.pk}/vote/")
    assert response.status_code == 404  # as for a question that does not exist (tests/test_hostile_input.py)


def test_the_visitor_cookie_is_secure_over_https(client, interview, staff):
    ask(client, interview, text="停水通知会提前几天发布？")
    question = Question.objects.get()
    approve(question, staff["editor"])
    url = f"/api/interviews/{interview.pk}/questions/{question.pk}/vote/"
    cookie = Client().post(url, secure=True).cookies["gk_visitor"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
