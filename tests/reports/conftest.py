import pytest

from tests.requests.helpers import handler_of, leader_of


@pytest.fixture
def handler(agency):
    return handler_of(agency)


@pytest.fixture
def leader(agency):
    return leader_of(agency)
