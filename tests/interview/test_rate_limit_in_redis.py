"""Behind several gunicorn workers, per-client limits hold only if they are counted in Redis."""

import os
import uuid

import pytest
from django.test import override_settings

from online_interview.models import Question
from tests.interview.conftest import ask

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the Redis server named by REDIS_URL"),
]


def production_cache():
    """The cache cms/settings/base.py configures from REDIS_URL."""
    from cms.settings import base

    return base.CACHES


def fresh_address():
    """An address of this run's own, so earlier runs against the same Redis do not count."""
    return ".".join(str(uuid.uuid4().int % 250 + 1) for _ in range(4))


def test_the_question_limit_is_counted_in_the_shared_cache(client, interview):
    address = fresh_address()
    with override_settings(CACHES=production_cache(), GONGKAI_INTERVIEW={"QUESTION_RATE": "2/m"}):
        from django.core.cache import caches

        assert type(caches["default"]).__module__.startswith("django_redis")
        answers = [ask(client, interview, text=f"第{n}个问题", meta={"REMOTE_ADDR": address}) for n in range(3)]
        other = ask(client, interview, text="另一位市民的问题", meta={"REMOTE_ADDR": fresh_address()})
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert other.status_code == 201
    assert Question.objects.filter(interview=interview).count() == 3
