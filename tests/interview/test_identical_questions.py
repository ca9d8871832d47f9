"""Many citizens ask the same thing: moderators meet it once (counted), decide once, and the public reads it once."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections, transaction

from disclosure.models import AgencyRole
from online_interview.live.public import public_questions
from online_interview.questions.identical import identity_key, pending_groups
from online_interview.questions.models import Question, QuestionState
from online_interview.questions.moderation import approve, reject
from online_interview.questions.submission import submit_question
from tests.interview.conftest import feed
from tests.interview.test_console import console_url, state

pytestmark = pytest.mark.django_db

# The same question as three citizens typed it: spaces, full-width and half-width punctuation and letters.
SAME = ["课后服务 收费标准是多少？", "课后服务收费标准是多少?", "　课后服务，收费标准是多少 ？？"]


def ask_all(interview, texts, prefix="网友"):
    return [
        submit_question(interview, nickname=f"{prefix}{n}", text=text, contact=f"1390000000{n}").question
        for n, text in enumerate(texts)
    ]


def test_texts_differing_only_in_spacing_punctuation_width_or_case_are_identical():
    assert len({identity_key(text) for text in SAME}) == 1
    assert identity_key("ＷｉＦｉ覆盖到哪些学校") == identity_key("wifi 覆盖到哪些学校")
    assert identity_key("课后服务收费标准是多少") != identity_key("课后托管收费标准是多少")


def test_identical_pending_questions_wait_as_one_group_counted(live_interview):
    first, *_ = ask_all(live_interview, SAME)
    other = submit_question(live_interview, nickname="家长", text="课后服务可以自愿参加吗？").question
    groups = pending_groups(live_interview)
    assert [(group.first, group.count) for group in groups] == [(first, 3), (other, 1)]


def test_approving_one_approves_the_question_once_for_all_who_asked_it(client, live_interview, staff):
    first, second, third = ask_all(live_interview, SAME)
    shown = approve(second, staff["editor"])

    assert shown == second  # the one the moderator approved, as they may have edited it
    assert [q.pk for q in public_questions(live_interview)] == [second.pk]
    merged = Question.objects.filter(state=QuestionState.MERGED).order_by("pk")
    assert list(merged) == [first, third] and {q.merged_into_id for q in merged} == {second.pk}
    assert pending_groups(live_interview) == []
    assert [q["text"] for q in feed(client, live_interview).json()["questions"]] == [SAME[1]]
    assert client.get(live_interview.url).content.decode().count("收费标准是多少") == 1


def test_a_question_identical_to_one_already_public_joins_it(client, live_interview, staff):
    first, _second = ask_all(live_interview, SAME[:2])
    approve(first, staff["editor"], text="课后服务的收费标准是多少？")
    late = submit_question(live_interview, nickname="晚到的家长", text=SAME[2]).question

    [group] = pending_groups(live_interview)
    assert group.first == late and group.public_twin == first
    assert approve(late, staff["editor"]) == first
    late.refresh_from_db()
    assert late.state == QuestionState.MERGED and late.merged_into == first
    assert [q.shown_text for q in public_questions(live_interview)] == ["课后服务的收费标准是多少？"]


def test_rejecting_one_rejects_all_identical_ones(live_interview, staff):
    questions = ask_all(live_interview, ["广告推销 加微信", "广告推销，加微信！"])
    keep = submit_question(live_interview, nickname="家长", text="校车几点发车？").question
    reject(questions[0], staff["editor"])
    states = dict(Question.objects.values_list("pk", "state"))
    assert [states[q.pk] for q in questions] == [QuestionState.REJECTED] * 2
    assert states[keep.pk] == QuestionState.PENDING


def test_withdrawing_a_public_question_takes_its_merged_twins_along(live_interview, staff):
    first, second, _third = ask_all(live_interview, SAME)
    approve(first, staff["editor"])
    reject(first, staff["editor"])
    assert set(Question.objects.values_list("state", flat=True)) == {QuestionState.REJECTED}
    assert not public_questions(live_interview).exists()


def test_the_console_shows_one_row_with_the_count_and_every_askers_contact(client, live_interview, staff):
    first, *_ = ask_all(live_interview, SAME)
    submit_question(live_interview, nickname="家长", text="课后服务可以自愿参加吗？")
    client.force_login(staff[AgencyRole.EDITOR])

    pending = state(client, live_interview)["pending"]
    assert [(row["text"], row["count"]) for row in pending] == [(SAME[0], 3), ("课后服务可以自愿参加吗？", 1)]
    assert pending[0]["count_label"] == "3 人提问" and pending[0]["id"] == first.pk
    assert [a["contact"] for a in pending[0]["askers"]] == ["13900000000", "13900000001", "13900000002"]
    overview = client.get("/admin/interviews/").content.decode()
    assert "<td>2</td>" in overview  # two rows wait for moderation, not four questions

    response = client.post(console_url(live_interview, f"questions/{first.pk}/approve/"))
    assert response.status_code == 200 and response.json()["question"]["id"] == first.pk
    after = state(client, live_interview)
    assert [row["text"] for row in after["pending"]] == ["课后服务可以自愿参加吗？"]
    assert [q["text"] for q in after["approved"]] == [SAME[0]]
    assert [q["text"] for q in feed(client, live_interview).json()["questions"]] == [SAME[0]]


def test_the_console_rejects_a_whole_group(client, live_interview, staff):
    first, *_ = ask_all(live_interview, SAME)
    client.force_login(staff[AgencyRole.EDITOR])
    assert client.post(console_url(live_interview, f"questions/{first.pk}/reject/")).status_code == 200
    now = state(client, live_interview)
    assert now["pending"] == [] and now["rejected_count"] == 3


def _wait_until_it_waits_for_a_lock(thread):
    with connection.cursor() as cursor:
        for _ in range(3000):  # a guard against hanging, not a timing assertion
            if not thread.is_alive():
                return  # it failed: the assertions below tell why
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the first answer is read again
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return
            cursor.execute("SELECT pg_sleep(0.01)")
    raise AssertionError("the second moderator never waited for the first")


@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="concurrent moderation needs PostgreSQL row locks; run with DATABASE_URL=postgres://…",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_moderators_approving_two_identical_questions_at_once_show_it_once(live_interview, staff):
    first, second = ask_all(live_interview, SAME[:2])
    errors = []

    def second_moderator_approves_the_twin():
        try:
            approve(second, staff["editor"])  # as their console loaded it: still pending
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    other = threading.Thread(target=second_moderator_approves_the_twin)
    with transaction.atomic():  # the first moderator's decision, not yet committed
        approve(first, staff[AgencyRole.LEADER])
        other.start()
        _wait_until_it_waits_for_a_lock(other)
    other.join()

    assert not errors
    assert [q.pk for q in public_questions(live_interview)] == [first.pk]
    second.refresh_from_db()
    assert second.state == QuestionState.MERGED and second.merged_into_id == first.pk
