import pytest

from tests import factories


@pytest.fixture
def column(agency):
    return factories.make_announcement_column(agency)


@pytest.fixture
def guide(agency):
    return factories.make_guide(agency)


def search_json(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()
    return response.json()


def titles(client, query, **params):
    """Titles of documents containing every word of ``query`` (partial, relaxed matches don't count)."""
    data = search_json(client, q=query, **params)
    return [] if data["relaxed"] else [result["title"] for result in data["results"]]


def search_from(client, query, clients=5, first=1):
    """Search for ``query`` from ``clients`` different addresses: 热搜 counts clients, not searches."""
    for number in range(first, first + clients):
        response = client.get("/search/", {"q": query}, REMOTE_ADDR=f"198.51.100.{number}")
        assert response.status_code == 200
