"""/api/search/: the same results as the page, as JSON; bad parameters get a 400 that says why."""

import pytest
from django.test import override_settings

from tests import factories
from tests.search.conftest import search_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(catalogue):
    factories.make_item(
        catalogue,
        title="关于做好高温天气防暑降温工作的通知",
        doc_number="青教发〔2025〕3号",
        body="<p>防暑降温措施。</p>",
    )


def test_results_facets_and_highlights_as_json(client, items):
    data = search_json(client, q="防暑降温")
    assert data["total"] == 1 and data["page"] == 1 and data["pages"] == 1
    result = data["results"][0]
    assert result["title"] == "关于做好高温天气防暑降温工作的通知"
    assert result["doc_number"] == "青教发〔2025〕3号" and result["agency"] == "青溪县教育局"
    assert result["kind"] == "catalogue" and result["url"].startswith("/agencies/")
    assert "<mark>防暑降温</mark>" in result["highlight"]["title"]
    assert "<mark>防暑降温</mark>" in result["highlight"]["snippet"]
    assert {facet: [v["count"] for v in values] for facet, values in data["facets"].items() if facet == "kind"} == {
        "kind": [1]
    }


def test_the_page_and_the_api_agree(client, items):
    page = client.get("/search/", {"q": "防暑"}).content.decode()
    for result in search_json(client, q="防暑")["results"]:
        assert result["url"] in page


@pytest.mark.parametrize(
    "params, field",
    [
        ({"q": "防暑", "page": "abc"}, "page"),
        ({"q": "防暑", "page": "0"}, "page"),
        ({"q": "防暑", "page": "100000"}, "page"),
        ({"q": "防暑", "year": "去年"}, "year"),
        ({"q": "防暑", "year": "1800"}, "year"),
        ({"q": "防暑", "kind": "secret"}, "kind"),
        ({"q": "防暑", "validity": "maybe"}, "validity"),
        ({"q": "防暑", "agency": "-1"}, "agency"),
        ({"q": "防暑", "sort": "random"}, "sort"),
        ({"q": "防暑", "category": "1; DROP TABLE"}, "category"),
        ({"q": "防暑", "format": "xml"}, "format"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_field_in_chinese(client, items, params, field):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["fields"]
    message = " ".join(body["fields"][field]) + body["error"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


@pytest.mark.parametrize(
    "query",
    [
        "防暑" * 5000,
        "防暑\x00降温\x1b[31m",
        '"防暑" OR (降温 AND NOT *) NEAR/2 ^title:',
        "' OR 1=1 --",
        "\\\\\\",
        "《》〔〕【】！？。，",
        "😀👍",
        "a" * 300,
    ],
)
def test_huge_or_malformed_queries_are_cut_safely(client, items, query):
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 100
    page = client.get("/search/", {"q": query})
    assert page.status_code == 200


def test_malformed_query_words_still_find(client, items):
    assert search_json(client, q='"防暑" AND (降温')["total"] == 1


@override_settings(GONGKAI_SEARCH={"RATE_LIMIT": "3/m"})
def test_rate_limited_per_client_with_a_clear_message(client, items):
    codes = [client.get("/api/search/", {"q": "防暑"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/api/search/", {"q": "防暑"}, REMOTE_ADDR="10.0.0.1")
    assert limited.status_code == 200  # another client is not affected
    page = client.get("/search/", {"q": "防暑"})
    assert page.status_code == 429 and "稍后" in page.content.decode()
