import pytest

from tests import factories


@pytest.fixture
def guide(agency):
    return factories.make_guide(agency)


def search_json(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()
    return response.json()


def titles(client, query, **params):
    return [result["title"] for result in search_json(client, q=query, **params)["results"]]
