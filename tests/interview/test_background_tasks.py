"""The lifecycle runs as Celery tasks: through CI's broker to a real worker."""

import datetime

import pytest
from django.utils import timezone

from online_interview.lifecycle.models import SessionProgress
from online_interview.status import InterviewStatus
from online_interview.tasks import advance_sessions
from tests import factories
from tests.celery_worker import real_worker, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_worker_turns_a_started_session_live(agency):
    column = factories.make_interview_column(agency)
    session = factories.make_interview(
        column, start=timezone.now() + datetime.timedelta(seconds=1), short_notice_reason="测试。"
    )
    SessionProgress.objects.filter(interview=session).update(phase=InterviewStatus.UPCOMING)
    wait_until(lambda: timezone.now() >= session.start_at, timeout=5)
    with real_worker():
        advance_sessions.delay()
        assert wait_until(lambda: SessionProgress.objects.get(interview=session).phase == InterviewStatus.LIVE)
