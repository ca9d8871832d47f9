"""Fixtures shared by the request desk's tests."""

import pytest
from django.utils import timezone

from .desk import RequestDesk, ensure_calendar_years
from .helpers import handler_of


@pytest.fixture
def calendar_years(db):
    """The desk runs on the real date: cover this year and the next in the working-day calendar."""
    ensure_calendar_years(timezone.localdate())


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def handler(agency):
    """A 依申请公开办理人 of the ``agency`` fixture."""
    return handler_of(agency)


@pytest.fixture
def desk(client):
    return RequestDesk(client)
