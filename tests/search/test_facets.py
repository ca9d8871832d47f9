"""Facets that read right: one entry per category name, however many agencies' trees hold it, and
a query that names a category offers it as a filter."""

import re

import pytest

from search.facets import FacetValue, named_in_query
from tests import factories
from tests.search.conftest import search_json, titles

pytestmark = pytest.mark.django_db

OTHER = "0103"  # 其他文件, under 法规文件 in every agency's Art 20 tree
PENALTIES = "0601"  # 行政处罚


def html(client, url="/search/", **params):
    """The page, highlights taken out (titles read as typed)."""
    response = client.get(url.replace("&amp;", "&"), params)
    assert response.status_code == 200
    return re.sub(r"</?mark>", "", response.content.decode())


def facet_entries(page, facet):
    """(url, text as read, chosen) of each entry of a facet."""
    section = re.search(rf'<section class="facet" data-facet="{facet}">(.*?)</section>', page, re.S).group(1)
    return [
        (href, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip(), 'aria-current="true"' in attributes)
        for href, attributes, text in re.findall(r'<li><a href="([^"]*)"([^>]*)>(.*?)</a></li>', section, re.S)
    ]


@pytest.fixture
def shared_name(agency, other_agency, catalogue, other_catalogue):
    """One 其他文件 item in each of two agencies' catalogues, and one 规范性文件 item."""
    factories.make_item(catalogue, title="教育局关于校园安全的其他文件", category_code=OTHER)
    factories.make_item(other_catalogue, title="卫健局关于食品安全的其他文件", category_code=OTHER)
    factories.make_item(catalogue, title="教育局关于校车安全的规定")
    return sorted([factories.category(agency, OTHER).pk, factories.category(other_agency, OTHER).pk])


def test_categories_of_one_name_in_several_agencies_are_one_entry(client, shared_name):
    entries = facet_entries(html(client, q="安全"), "category")
    assert [(text, chosen) for _url, text, chosen in entries] == [
        ("其他文件 (2)", False),
        ("行政规范性文件 (1)", False),
    ]
    data = search_json(client, q="安全")
    assert [(value["label"], value["count"], value["value"]) for value in data["facets"]["category"]] == [
        ("其他文件", 2, shared_name),
        ("行政规范性文件", 1, [factories.category(factories.AgencyPage.objects.get(title="青溪县教育局"), "0102").pk]),
    ]


def test_the_merged_entry_selects_every_agency_s_category(client, shared_name):
    url = facet_entries(html(client, q="安全"), "category")[0][0]
    assert f"category={shared_name[0]}%2C{shared_name[1]}" in url.replace("&amp;", "&")
    narrowed = html(client, url)
    assert "教育局关于校园安全的其他文件</a>" in narrowed and "卫健局关于食品安全的其他文件</a>" in narrowed
    assert "教育局关于校车安全的规定</a>" not in narrowed
    # Chosen, it shows as chosen; following it again clears the filter.
    assert [(text, chosen) for _url, text, chosen in facet_entries(narrowed, "category")] == [("其他文件 (2)", True)]
    assert "category=" not in facet_entries(narrowed, "category")[0][0]
    # The search box keeps the filter for the next words typed.
    assert f'<input type="hidden" name="category" value="{shared_name[0]},{shared_name[1]}">' in narrowed


def test_several_categories_are_given_repeated_or_comma_separated(client, shared_name):
    expected = ["卫健局关于食品安全的其他文件", "教育局关于校园安全的其他文件"]
    repeated = search_json(client, q="安全", category=shared_name)
    assert sorted(result["title"] for result in repeated["results"]) == expected
    assert repeated["filters"] == {"category": shared_name}
    selected = [value for value in repeated["facets"]["category"] if value["selected"]]
    assert [value["label"] for value in selected] == ["其他文件"]
    comma = search_json(client, q="安全", category=f"{shared_name[1]},{shared_name[0]}")
    assert comma["filters"] == {"category": shared_name} and comma["total"] == 2
    assert titles(client, "安全", category=shared_name[0]) == ["教育局关于校园安全的其他文件"]


@pytest.mark.parametrize("value", ["5,abc", "0", ",".join(str(n) for n in range(1, 502))])
def test_a_bad_category_list_gets_a_400_in_chinese(client, shared_name, value):
    response = client.get("/api/search/", {"q": "安全", "category": value})
    assert response.status_code == 400
    message = " ".join(response.json()["fields"]["category"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert client.get("/search/", {"q": "安全", "category": value}).status_code == 400


def test_one_agency_s_categories_read_plainly(client, agency, catalogue):
    factories.make_item(catalogue, title="关于校园安全的其他文件", category_code=OTHER)
    data = search_json(client, q="校园安全")
    [entry] = data["facets"]["category"]
    assert entry["label"] == "其他文件" and entry["value"] == [factories.category(agency, OTHER).pk]


@pytest.fixture
def penalties(catalogue, other_catalogue):
    factories.make_item(catalogue, title="关于某培训机构违规办学的处理决定", category_code=PENALTIES)
    factories.make_item(other_catalogue, title="关于某诊所违规执业的处理决定", category_code=PENALTIES)
    factories.make_item(catalogue, title="青溪县教育行政处罚裁量基准")  # the word, in another category


def test_a_query_naming_a_category_offers_it_as_a_filter(client, agency, other_agency, penalties):
    page = html(client, q="行政处罚")
    offer = re.search(r'<p class="named-categories"><a href="([^"]*)">([^<]*)</a>', page)
    assert offer.group(2) == "只看“行政处罚”类目录"
    assert page.index("named-categories") < page.index('class="search-results"')
    narrowed = html(client, offer.group(1))
    assert "违规办学的处理决定</a>" in narrowed and "违规执业的处理决定</a>" in narrowed
    assert "裁量基准</a>" not in narrowed and "named-categories" not in narrowed

    ids = sorted(factories.category(a, PENALTIES).pk for a in (agency, other_agency))
    assert search_json(client, q="行政处罚")["suggested_filters"] == [
        {"facet": "category", "value": ids, "label": "行政处罚", "count": 2}
    ]
    # A whole word of a longer query names it too.
    assert [f["label"] for f in search_json(client, q="行政处罚 违规")["suggested_filters"]] == ["行政处罚"]


def test_no_offer_once_a_category_is_chosen_or_when_none_is_named(client, agency, penalties):
    chosen = factories.category(agency, PENALTIES).pk
    assert search_json(client, q="行政处罚", category=chosen)["suggested_filters"] == []
    assert search_json(client, q="处理决定")["suggested_filters"] == []
    assert "named-categories" not in html(client, q="处理决定")


def test_a_category_is_named_by_whole_words_only():
    education = FacetValue((7,), "教育", 3, False)
    penalties = FacetValue((8,), "行政处罚", 2, False)
    plans = FacetValue((9,), "工作计划与总结", 1, False)
    values = [education, penalties, plans]
    assert named_in_query(values, "教育") == [education]
    assert named_in_query(values, "教育局招生") == []  # 教育 is only part of the word 教育局
    assert named_in_query(values, "违规 行政处罚 决定") == [penalties]
    assert named_in_query(values, "2024年工作计划与总结") == [plans]
    assert named_in_query(values, "行政") == []
