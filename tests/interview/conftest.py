import datetime

import pytest
from django.utils import timezone

from disclosure.models import AgencyRole
from tests import factories


@pytest.fixture
def column(agency):
    return factories.make_interview_column(agency)


@pytest.fixture
def interview(column):
    return factories.make_interview(column)


@pytest.fixture
def live_interview(column):
    """A session that started ten minutes ago and runs for two hours."""
    return factories.make_interview(
        column, title="县教育局在线访谈直播", start=timezone.now() - datetime.timedelta(minutes=10)
    )


@pytest.fixture
def staff(agency):
    return {
        role: factories.make_user(f"{role}-{agency.pk}", agency, role, email=f"{role}@example.gov.cn")
        for role in AgencyRole
    }


def ask(client, interview, text="请问今年小学入学需要准备哪些材料？", nickname="市民小王", meta=None, **fields):
    """POST a question as the live page's script does; ``meta`` sets request headers/REMOTE_ADDR."""
    data = {"nickname": nickname, "text": text, "contact": fields.pop("contact", ""), **fields}
    url = f"/api/interviews/{interview.pk}/questions/"
    return client.post(url, data, HTTP_ACCEPT="application/json", **(meta or {}))


def feed(client, interview, since=0, **headers):
    return client.get(f"/api/interviews/{interview.pk}/live/", {"since": since}, **headers)
