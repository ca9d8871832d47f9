"""The catalogue's read-only JSON API: the page's filters, pagination, metadata, conditional GET, limits,
its OpenAPI schema — and nothing the visibility rule hides, on any endpoint, count or facet."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from wagtail.models import PageViewRestriction

from disclosure.catalogue import stats
from disclosure.catalogue.listing import CatalogueFilterForm, CatalogueListing
from disclosure.catalogue_api.params import ApiParamsForm
from disclosure.models import (
    CatalogueAttachment,
    CatalogueItemPage,
    Genre,
    PolicyInterpretation,
    PublicationHold,
    Topic,
)
from disclosure.visibility import _GENERATION_KEY
from tests import factories
from tests.disclosure.test_visibility import world  # noqa: F401 (a fixture)
from tests.disclosure.test_withdrawn_branches import WITHDRAWALS, branch  # noqa: F401 (a fixture)
from tests.review.documents import make_document, pdf_bytes

pytestmark = pytest.mark.django_db

API = "/api/catalogue/"
CJK = re.compile(r"[\u4e00-\u9fff]")


def moment(year, month=6):
    return timezone.make_aware(datetime.datetime(year, month, 1, 10, 0))


@pytest.fixture
def items(catalogue):
    education = Topic.objects.get(name="科技、教育")
    notice = Genre.objects.get(name="通知")
    document = make_document("招生计划表", "plan.pdf", pdf_bytes("招生计划 2025"))
    new_rule = factories.make_item(
        catalogue, title="规范性文件新", category_code="0102", published_at=moment(2025, 9), genre=notice
    )
    return {
        "rule_2024": factories.make_item(
            catalogue, title="规章一", category_code="0101", published_at=moment(2024), topic=education
        ),
        "norm_2025": factories.make_item(
            catalogue,
            title="规范性文件一",
            category_code="0102",
            published_at=moment(2025),
            genre=notice,
            topic=education,
            doc_number="青教发〔2025〕7号",
            joint_issuers="县财政局、县人社局",
            keywords="招生 入学",
            attachments=[CatalogueAttachment(document=document, title="附件：招生计划表")],
        ),
        "budget_2025": factories.make_item(
            catalogue, title="部门预算", category_code="0701", published_at=moment(2025, 3)
        ),
        "repealed": factories.make_item(
            catalogue,
            title="已废止文件",
            category_code="0102",
            generated_date=datetime.date(2023, 5, 20),
            published_at=moment(2023),
            validity="repealed",
            validity_date=datetime.date(2024, 1, 1),
            replaced_by=new_rule,
        ),
        "on_request": factories.make_item(
            catalogue,
            title="依申请公开文件",
            category_code="0701",
            published_at=moment(2022),
            disclosure_mode="on_request",
            disclosure_note="请向县教育局办公室申请。",
            body="<p>不应公开的正文</p>",
        ),
        "new_rule": new_rule,
        "draft": factories.make_item(catalogue, title="草稿", category_code="0101", live=False),
    }


def get(client, path="items/", **params):
    return client.get(API + path, params)


def titles(answer):
    return [row["title"] for row in answer["results"]]


def all_pages(client, **params):
    """Every item the API lists for ``params``, following the next links."""
    answer = get(client, **params).json()
    rows = list(answer["results"])
    while answer["next"]:
        answer = client.get(answer["next"]).json()
        rows += answer["results"]
    return rows


# Listing, filters, pagination ---------------------------------------------------------------------------


def test_lists_public_items_newest_first_with_the_count(client, agency, items):
    response = get(client, agency=agency.pk)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    answer = response.json()
    assert titles(answer) == ["规范性文件新", "规范性文件一", "部门预算", "规章一", "已废止文件", "依申请公开文件"]
    assert answer["count"] == 6 and answer["page"] == 1 and answer["num_pages"] == 1
    assert answer["next"] is None and answer["previous"] is None


@pytest.mark.parametrize(
    "query",
    [
        "",
        "year=2025",
        "year=2024",
        "validity=repealed",
        "validity=valid&year=2025",
        "mode=on_request",
        "mode=proactive",
        "topic={education}",
        "genre={notice}",
        "genre={notice}&year=2025",
        "category={regulations}",
        "category={regulations}&validity=valid",
        "category={budgets}&year=2022",
    ],
)
def test_filters_find_what_the_catalogue_page_finds(client, agency, items, query):
    query = query.format(
        education=Topic.objects.get(name="科技、教育").pk,
        notice=Genre.objects.get(name="通知").pk,
        regulations=agency.catalogue_categories.get(code="01").pk,
        budgets=agency.catalogue_categories.get(code="07").pk,
    )
    page_listing = CatalogueListing(agency, QueryDict(query))
    expected = [item.pk for item in page_listing.ordered_queryset()]
    answer = client.get(f"{API}items/?agency={agency.pk}&{query}").json()
    assert [row["id"] for row in answer["results"]] == expected
    assert answer["count"] == len(expected)


def test_category_filter_includes_subcategories_and_needs_no_agency(client, agency, items):
    regulations = agency.catalogue_categories.get(code="01")
    answer = get(client, category=regulations.pk).json()
    assert sorted(titles(answer)) == ["已废止文件", "规章一", "规范性文件一", "规范性文件新"]


def test_without_an_agency_every_agencys_items_are_listed(client, agency, items, other_catalogue, other_agency):
    factories.make_item(other_catalogue, title="卫健局文件", published_at=moment(2025, 12))
    everything = titles(get(client).json())
    assert everything[0] == "卫健局文件" and "规章一" in everything
    assert titles(get(client, agency=other_agency.pk).json()) == ["卫健局文件"]
    assert "卫健局文件" not in titles(get(client, agency=agency.pk).json())


def test_pages_link_to_each_other_and_keep_the_filters(client, agency, items):
    first = get(client, agency=agency.pk, page_size=2, validity="valid").json()
    assert first["count"] == 5 and first["num_pages"] == 3 and first["page_size"] == 2
    assert "validity=valid" in first["next"] and "page=2" in first["next"] and first["next"].startswith("http")
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and "page=1" in second["previous"]
    rows = all_pages(client, agency=agency.pk, page_size=2, validity="valid")
    assert [row["title"] for row in rows] == ["规范性文件新", "规范性文件一", "部门预算", "规章一", "依申请公开文件"]


def test_a_page_past_the_last_is_a_404_that_names_the_last(client, agency, items):
    response = get(client, agency=agency.pk, page=9)
    assert response.status_code == 404
    assert "9" in response.json()["error"] and CJK.search(response.json()["error"])


@pytest.mark.parametrize(
    "params, names",
    [
        ({"year": "二〇二五"}, ["year"]),
        ({"year": "1800"}, ["year"]),
        ({"validity": "unknown"}, ["validity"]),
        ({"mode": "not_disclosed"}, ["mode"]),  # never public, so never a filter
        ({"topic": "999999"}, ["topic"]),
        ({"genre": "x"}, ["genre"]),
        ({"page": "0"}, ["page"]),
        ({"page_size": "1000"}, ["page_size"]),
        ({"agency": "999999"}, ["agency"]),
        ({"agency": "99999999999999999999"}, ["agency"]),
        ({"catgory": "3"}, ["catgory"]),
        ({"year": "abc", "page": "-1", "sort": "title"}, ["page", "sort", "year"]),
    ],
)
def test_bad_parameters_are_a_400_naming_each_in_chinese(client, agency, items, params, names):
    response = get(client, **params)
    assert response.status_code == 400
    answer = response.json()
    assert sorted(answer["fields"]) == names
    assert CJK.search(answer["error"]) and all(CJK.search(" ".join(answer["fields"][name])) for name in names)


def test_another_agencys_category_is_refused_as_on_the_page(client, agency, catalogue, items, other_agency):
    theirs = other_agency.catalogue_categories.first()
    response = get(client, agency=agency.pk, category=theirs.pk)
    assert response.status_code == 400 and list(response.json()["fields"]) == ["category"]
    page = client.get(catalogue.url, {"category": theirs.pk})
    assert page.status_code == 400
    assert response.json()["fields"]["category"][0] in page.content.decode()


def test_a_hidden_agency_is_refused_like_one_that_does_not_exist(client, agency, items):
    agency.unpublish()
    hidden = get(client, agency=agency.pk).json()
    missing = get(client, agency=999999).json()
    assert hidden["fields"] == missing["fields"]
    assert get(client, f"agencies/{agency.pk}/").status_code == 404


# Metadata ----------------------------------------------------------------------------------------------------


def test_an_item_carries_its_public_metadata(client, agency, items):
    item = items["norm_2025"]
    answer = get(client, f"items/{item.pk}/").json()
    assert answer["id"] == item.pk and answer["index_number"] == item.index_number and item.index_number
    assert answer["title"] == "规范性文件一" and answer["doc_number"] == "青教发〔2025〕7号"
    assert answer["issuing_agency"] == "青溪县教育局" and answer["joint_issuers"] == ["县财政局", "县人社局"]
    assert answer["agency"]["id"] == agency.pk and answer["agency"]["url"].endswith(agency.url)
    assert answer["generated_date"] == "2025-03-01"
    assert answer["published_at"].startswith("2025-06-01T10:00:00") and answer["published_at"].endswith("+08:00")
    assert answer["topic"]["name"] == "科技、教育" and answer["genre"]["name"] == "通知"
    assert answer["category"]["code"] == "0102" and answer["category"]["path"][-1] == answer["category"]["name"]
    assert len(answer["category"]["path"]) == 2
    assert answer["keywords"] == "招生 入学" and answer["summary"] == item.summary
    assert answer["validity"]["value"] == "valid" and CJK.search(answer["validity"]["label"])
    assert answer["disclosure_mode"]["value"] == "proactive" and answer["shows_content"] is True
    assert answer["disclosure_note"] == "" and answer["body"] == "<p>正文内容。</p>"
    [attachment] = answer["attachments"]
    assert attachment["title"] == "附件：招生计划表" and attachment["file_type"] == "pdf"
    assert attachment["size"] > 0 and "/documents/" in attachment["url"]
    assert client.get(attachment["url"]).status_code == 200
    assert answer["url"].startswith("http") and client.get(answer["url"]).status_code == 200
    assert answer["api_url"].endswith(f"/api/catalogue/items/{item.pk}/")


def test_a_replaced_item_links_its_replacement_both_ways(client, items):
    repealed = get(client, f"items/{items['repealed'].pk}/").json()
    assert repealed["validity"]["value"] == "repealed" and repealed["validity_date"] == "2024-01-01"
    assert repealed["replaced_by"]["id"] == items["new_rule"].pk
    assert [link["id"] for link in get(client, f"items/{items['new_rule'].pk}/").json()["replaces"]] == [
        items["repealed"].pk
    ]


def test_a_hidden_replacement_or_interpretation_is_not_named(client, items):
    PublicationHold.objects.create(page=items["new_rule"], reason="secret")
    assert get(client, f"items/{items['repealed'].pk}/").json()["replaced_by"] is None
    interpretation = factories.make_item(items["norm_2025"].get_parent(), title="解读：规范性文件一")
    PolicyInterpretation.objects.create(interpretation=interpretation, policy=items["norm_2025"])
    assert [link["title"] for link in get(client, f"items/{items['norm_2025'].pk}/").json()["interpretations"]] == [
        "解读：规范性文件一"
    ]
    interpretation.unpublish()
    assert get(client, f"items/{items['norm_2025'].pk}/").json()["interpretations"] == []


def test_an_item_disclosed_on_request_shows_metadata_only(client, items):
    answer = get(client, f"items/{items['on_request'].pk}/").json()
    assert answer["shows_content"] is False and answer["body"] is None and answer["attachments"] == []
    assert answer["disclosure_note"] == "请向县教育局办公室申请。"
    assert "不应公开的正文" not in json.dumps(answer, ensure_ascii=False)


def test_answers_carry_exactly_the_documented_fields(client, items):
    schema = get(client, "openapi.json").json()["components"]["schemas"]
    listed = get(client).json()["results"][0]
    detail = get(client, f"items/{items['norm_2025'].pk}/").json()
    assert set(listed) == set(schema["ItemSummary"]["properties"])
    assert set(detail) == set(schema["ItemDetail"]["properties"])
    for forbidden in ("non_disclosure_reason", "review", "secrecy", "hold", "request", "art20"):
        assert not any(forbidden in key for key in detail), forbidden


def test_agencies_list_their_catalogue_counts_and_tree(client, agency, items, other_agency, other_catalogue):
    agencies = get(client, "agencies/").json()
    counts = {row["title"]: row["item_count"] for row in agencies["results"]}
    assert counts == {"青溪县教育局": 6, "青溪县卫生健康局": 0}
    detail = get(client, f"agencies/{agency.pk}/").json()
    tree = {node["code"]: node for node in detail["categories"]}
    assert tree["01"]["count"] == 4 and tree["07"]["count"] == 2
    assert {child["code"]: child["count"] for child in tree["01"]["children"]} == {"0101": 1, "0102": 3, "0103": 0}
    assert detail["years"] == [2025, 2024, 2023, 2022]
    filters = {entry["name"]: entry for entry in detail["filters"]}
    assert set(filters) == {"topic", "genre", "validity", "mode"}
    assert {option["value"] for option in filters["mode"]["options"]} == {"proactive", "on_request"}
    # The tree's links list exactly what the node counts.
    assert len(all_pages(client, **QueryDict(tree["01"]["items_url"].split("?")[1]).dict())) == 4


# HTTP: conditional GET, limits, methods, schema ------------------------------------------------------------


def test_a_client_holding_the_answer_gets_a_304(client, agency, items):
    first = get(client, agency=agency.pk)
    assert first["ETag"] and first["Last-Modified"] and "no-cache" in first["Cache-Control"]
    again = client.get(API + "items/", {"agency": agency.pk}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"] and not again.content
    since = client.get(API + "items/", {"agency": agency.pk}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    item = get(client, f"items/{items['norm_2025'].pk}/")
    assert client.get(item.wsgi_request.path, HTTP_IF_NONE_MATCH=item["ETag"]).status_code == 304
    # Another filter is another answer.
    assert get(client, agency=agency.pk, year=2024)["ETag"] != first["ETag"]


def _pretend_nothing_changed_since(when):
    """Every publication and change of visibility happened long ago (so that a new one shows in the date)."""
    CatalogueItemPage.objects.update(last_published_at=when)
    nanoseconds = int(when.timestamp() * 1e9)
    for agency_id in CatalogueItemPage.objects.values_list("agency_id", flat=True).distinct():
        cache.set(stats._version_key(agency_id), nanoseconds, None)
    cache.set(_GENERATION_KEY, nanoseconds, None)


@pytest.mark.parametrize("change", ["hold placed", "hold lifted", "unpublished"])
def test_a_change_of_visibility_changes_etag_and_last_modified(client, agency, items, change):
    item = items["norm_2025"]
    if change == "hold lifted":
        hold = PublicationHold.objects.create(page=item, reason="secret")
    _pretend_nothing_changed_since(moment(2025, 10))
    before = get(client, agency=agency.pk)
    assert parse_http_date(before["Last-Modified"]) == moment(2025, 10).timestamp()
    if change == "hold placed":
        PublicationHold.objects.create(page=item, reason="secret")
    elif change == "hold lifted":
        hold.delete()
    else:
        item.unpublish()
    after = client.get(
        API + "items/",
        {"agency": agency.pk},
        HTTP_IF_NONE_MATCH=before["ETag"],
        HTTP_IF_MODIFIED_SINCE=before["Last-Modified"],
    )
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before["Last-Modified"])
    # A client that only sends the date is not told "not modified" either.
    by_date = client.get(API + "items/", {"agency": agency.pk}, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert by_date.status_code == 200
    assert (item.title in titles(after.json())) == (change == "hold lifted")


@pytest.mark.parametrize("path", ["items/", "agencies/", "openapi.json", ""])
def test_requests_are_limited_per_client_with_a_retry_after(client, settings, items, path):
    settings.GONGKAI_DISCLOSURE = {"CATALOGUE_API_RATE": "3/m"}
    codes = [client.get(API + path).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get(API + path)
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert CJK.search(refused.json()["error"])
    assert client.get(API + path, REMOTE_ADDR="10.0.0.9").status_code == 200  # another client


def test_only_get_and_head_are_answered(client, items):
    refused = client.post(API + "items/", {"year": 2025})
    assert refused.status_code == 405 and "GET" in refused["Allow"] and CJK.search(refused.json()["error"])
    head = client.head(API + "items/")
    assert head.status_code == 200 and head["ETag"] == get(client)["ETag"] and not head.content


def test_unknown_addresses_are_json_404s_and_the_root_says_where_to_start(client, items):
    missing = client.get(API + "nothing/here/")
    assert missing.status_code == 404 and CJK.search(missing.json()["error"])
    assert get(client, "items/2147483000/").status_code == 404
    root = get(client, "").json()
    assert client.get(root["items"]).status_code == 200 and client.get(root["openapi"]).status_code == 200
    # Wagtail's generic page APIs stay unmounted.
    for url in ("/api/v2/pages/", "/api/v3/pages/"):
        assert client.get(url).status_code == 404


def _without_repeated_keys(pairs):
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), f"a key given twice: {keys}"
    return dict(pairs)


def _resolve(schema, ref):
    node = schema
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


ROUTES = [("items", {}), ("item", {"item_id": 1}), ("agencies", {}), ("agency", {"agency_id": 1})]


def test_the_openapi_schema_documents_every_endpoint_and_parameter(client):
    response = get(client, "openapi.json")
    assert response.status_code == 200 and response["ETag"]
    schema = json.loads(response.content, object_pairs_hook=_without_repeated_keys)
    assert schema["openapi"].startswith("3.") and CJK.search(schema["info"]["title"])
    endpoints = {
        API + "items/",
        API + "items/{item_id}/",
        API + "agencies/",
        API + "agencies/{agency_id}/",
    }
    # The same four the URLconf routes to django-ninja's operations.
    assert {reverse(f"catalogue_api:{name}", kwargs=kwargs) for name, kwargs in ROUTES} == {
        path.replace("{item_id}", "1").replace("{agency_id}", "1") for path in endpoints
    }
    assert set(schema["paths"]) == endpoints
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, path
        operation = operations["get"]
        assert CJK.search(operation["summary"]), path
        assert {"200", "304", "429"} <= set(operation["responses"]), path
        assert "ETag" in operation["responses"]["200"]["headers"], path
        assert operation["responses"]["200"]["content"]["application/json"]["schema"], path
    for ref in set(_refs(schema)):
        assert _resolve(schema, ref), ref
    documented = {parameter["name"] for parameter in schema["paths"]["/api/catalogue/items/"]["get"]["parameters"]}
    assert documented == set(CatalogueFilterForm.base_fields) | set(ApiParamsForm.base_fields)


# Nothing hidden leaks -------------------------------------------------------------------------------------------


def everything_the_api_says(client):
    """Every answer of the API, following every link it gives to other answers, as one text."""
    seen, texts, queue = set(), [], [API, API + "items/?page_size=100", API + "agencies/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
        if "openapi" in url:
            continue
        for link in re.findall(r'"(?:api_url|items_url|next|items|agencies)": "([^"]+)"', texts[-1]):
            if "/api/catalogue/" in link:
                queue.append(link)
    return "\n".join(texts)


@pytest.fixture
def more_hidden_items(catalogue):
    """The world's hidden kinds that are announcements there, as catalogue items: expired, password-protected."""
    expired = factories.make_item(catalogue, title="过期文件子")
    # Expiry has passed but the scheduler has not run yet: the page row is still live.
    CatalogueItemPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    restricted = factories.make_item(catalogue, title="密码保护文件丑")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")
    return [CatalogueItemPage.objects.get(pk=expired.pk), restricted]


def test_nothing_hidden_is_listed_counted_or_served(client, world, more_hidden_items, catalogue, agency):  # noqa: F811
    said = everything_the_api_says(client)
    assert "公开文件甲" in said
    hidden_items = [page for page in world["hidden"] + more_hidden_items if isinstance(page, CatalogueItemPage)]
    # Draft, not disclosed, withdrawn, in review, rejected, held, scheduled, expired, password-protected.
    assert len(hidden_items) == 9
    for page in world["hidden"] + more_hidden_items:
        assert page.title not in said, page.title
        if getattr(page, "index_number", None):
            assert page.index_number not in said, page.title
    for page in hidden_items:
        assert get(client, f"items/{page.pk}/").status_code == 404, page.title
    assert get(client).json()["count"] == 1
    assert get(client, agency=agency.pk).json()["count"] == 1
    detail = get(client, f"agencies/{agency.pk}/").json()
    assert detail["item_count"] == 1
    assert sum(node["count"] for node in detail["categories"]) == 1
    assert get(client, agency=agency.pk, mode="proactive").json()["count"] == 1


@pytest.mark.parametrize("withdraw", WITHDRAWALS, ids=lambda f: f.__name__)
def test_children_of_a_withdrawn_parent_leave_the_api(client, branch, withdraw):  # noqa: F811
    children = withdraw(branch)
    said = everything_the_api_says(client)
    for page in children:
        assert page.title not in said, page.title
        if isinstance(page, CatalogueItemPage):
            assert page.index_number not in said
            assert get(client, f"items/{page.pk}/").status_code == 404
    if withdraw.__name__ != "withdraw_column_by_hold":
        assert get(client).json()["count"] == 0
        assert branch["agency"].title not in said  # the agency is not offered either
        assert get(client, agency=branch["agency"].pk).status_code == 400


# Cost ----------------------------------------------------------------------------------------------------------


def test_a_page_of_twenty_costs_as_many_queries_as_a_page_of_two(client, catalogue, django_assert_max_num_queries):
    topic, genre = Topic.objects.first(), Genre.objects.first()
    previous = None
    for number in range(20):
        document = make_document(f"附件{number}", f"file{number}.pdf", pdf_bytes(f"附件 {number}"))
        previous = factories.make_item(
            catalogue,
            title=f"文件{number}",
            topic=topic,
            genre=genre,
            joint_issuers="县财政局",
            replaced_by=previous,
            attachments=[CatalogueAttachment(document=document)],
        )
    get(client, page_size=20)  # what a first request caches (statistics, withdrawn branches) is not counted

    def queries(size):
        with CaptureQueriesContext(connection) as captured:
            answer = get(client, page_size=size).json()
        assert len(answer["results"]) == size and all(row["attachments"] for row in answer["results"])
        return len(captured)

    assert queries(20) == queries(2)
    with django_assert_max_num_queries(12):
        get(client, page_size=20)


def test_dates_are_http_dates(client, items):
    response = get(client)
    assert http_date(parse_http_date(response["Last-Modified"])) == response["Last-Modified"]


def _agencies_with_items(count):
    for _ in range(count):
        catalogue = factories.make_catalogue(factories.make_agency())
        factories.make_item(catalogue, title="部门预算", category_code="0701")


@pytest.mark.parametrize("path", ["agencies/", "items/", "item"])
def test_six_agencies_cost_as_many_queries_as_two(client, path, django_assert_max_num_queries):
    """Counted right after the cache forgot the statistics and change dates: the dearest request."""
    _agencies_with_items(2)
    if path == "item":
        path = f"items/{CatalogueItemPage.objects.first().pk}/"
    cache.clear()
    with CaptureQueriesContext(connection) as with_two:
        get(client, path)
    _agencies_with_items(4)
    cache.clear()
    with django_assert_max_num_queries(len(with_two)):
        answer = get(client, path)
    assert answer.status_code == 200
    if path == "agencies/":
        assert [row["item_count"] for row in answer.json()["results"]] == [1] * 6


def test_an_attachment_of_unknown_size_is_shown_without_one_and_nothing_is_saved(client, items):
    item = items["norm_2025"]
    document = item.attachments.get().document
    type(document).objects.filter(pk=document.pk).update(file_size=None)
    with CaptureQueriesContext(connection) as captured:
        answer = get(client, f"items/{item.pk}/").json()
        page = client.get(item.url).content.decode()
    assert [attachment["size"] for attachment in answer["attachments"]] == [None]
    assert "（PDF）" in page
    writes = [
        query["sql"]
        for query in captured
        if not query["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert writes == []
    document.refresh_from_db()
    assert document.file_size is None
