import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture
def agency(db):
    return factories.make_agency(title="青溪县教育局", short_name="县教育局")


@pytest.fixture
def catalogue(agency):
    return factories.make_catalogue(agency)


@pytest.fixture
def other_agency(db):
    return factories.make_agency(title="青溪县卫生健康局", short_name="县卫健局")


@pytest.fixture
def other_catalogue(other_agency):
    return factories.make_catalogue(other_agency)


@pytest.fixture(autouse=True)
def empty_cache():
    """Database ids are reused between tests; cached statistics must not be."""
    from disclosure.screening.words import forget_version
    from online_interview.live.feed import process_cache

    def clear():
        cache.clear()
        process_cache.clear()
        forget_version()

    clear()
    yield
    clear()
