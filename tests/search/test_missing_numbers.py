"""A query that is a 文号 or 索引号 nobody published: "没有找到……", the nearest numbers, no guessing."""

import re

import pytest

from tests import factories
from tests.search.conftest import search_json

pytestmark = pytest.mark.django_db


def html(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def numbered(catalogue):
    """Items numbered around 青教发〔2031〕999号, and many that merely mention its parts."""
    items = {}
    for number in [
        "青教发〔2031〕5号",
        "青教发〔2031〕990号",
        "青教发〔2030〕999号",
        "青教发〔2027〕1号",
        "青教办〔2031〕999号",
    ]:
        items[number] = factories.make_item(catalogue, title=f"{number}印发的通知", doc_number=number)
    for serial in range(3):
        factories.make_item(catalogue, title=f"青教发2031年工作要点之{serial}", body="<p>青教发 2031 999号</p>")
    # Never public, so never offered: its number is the nearest of all.
    factories.make_item(catalogue, title="尚未公开的通知", doc_number="青教发〔2031〕998号", live=False)
    return items


def test_a_missing_doc_number_finds_nothing_and_offers_the_nearest_of_its_prefix(client, numbered, guide):
    data = search_json(client, q="青教发〔2031〕999号")
    assert data["total"] == 0 and data["results"] == [] and not data["relaxed"]
    missing = data["missing_number"]
    assert missing["kind"] == "doc_number" and missing["message"] == "没有找到文号为“青教发〔2031〕999号”的文件。"
    assert [near["doc_number"] for near in missing["closest"]] == [
        "青教发〔2031〕990号",
        "青教发〔2031〕5号",
        "青教发〔2030〕999号",
        "青教发〔2027〕1号",
    ]
    assert data["how_to_apply"][0]["url"] == guide.url

    page = html(client, q="青教发[2031]999号")
    box = re.search(r'<div class="no-results">.*?</div>', page, re.S).group(0)
    assert box.index("没有找到文号为“青教发[2031]999号”的文件。") < box.index("相近的文号：") < box.index(guide.url)
    nearest = numbered["青教发〔2031〕990号"]
    assert f'<a href="{nearest.url}">青教发〔2031〕990号</a>' in box
    assert "尚未公开的通知" not in page and "〔2031〕998号" not in page and "青教办" not in page


def test_at_most_five_numbers_are_offered(client, catalogue):
    for serial in range(1, 9):
        factories.make_item(catalogue, title=f"第{serial}号文件", doc_number=f"青教发〔2031〕{serial}号")
    closest = search_json(client, q="青教发〔2031〕999号")["missing_number"]["closest"]
    assert [near["doc_number"] for near in closest] == [f"青教发〔2031〕{serial}号" for serial in (8, 7, 6, 5, 4)]


def test_an_existing_doc_number_still_comes_first(client, numbered):
    data = search_json(client, q="青教发（2031）5号")
    assert data["missing_number"] is None
    assert data["results"][0]["doc_number"] == "青教发〔2031〕5号" and data["results"][0]["exact_match"]


def test_an_unpublished_items_number_counts_as_missing(client, numbered):
    data = search_json(client, q="青教发〔2031〕998号")
    assert data["total"] == 0 and data["missing_number"]["closest"][0]["doc_number"] == "青教发〔2031〕990号"


def test_a_doc_number_inside_a_sentence_searches_as_before(client, numbered):
    data = search_json(client, q="青教发〔2031〕999号工作要点")
    assert data["missing_number"] is None and data["total"] > 0
    assert "没有找到文号" not in html(client, q="青教发〔2031〕999号工作要点")


def test_a_missing_index_number_offers_the_nearest_of_its_agency_and_year(client, catalogue):
    first = factories.make_item(catalogue, title="关于调整课后服务收费标准的通知")
    second = factories.make_item(catalogue, title="课后服务工作总结")
    prefix, _, serial = second.index_number.rpartition("-")
    typed = f"{prefix}-{'9' * len(serial)}"
    data = search_json(client, q=typed)
    assert data["total"] == 0 and data["results"] == []
    assert data["missing_number"]["message"] == f"没有找到索引号为“{typed}”的文件。"
    assert [near["index_number"] for near in data["missing_number"]["closest"]] == [
        second.index_number,
        first.index_number,
    ]
    page = html(client, q=typed)
    assert "相近的索引号：" in page and f'<a href="{second.url}">{second.index_number}</a>' in page
    assert search_json(client, q=first.index_number)["results"][0]["title"] == "关于调整课后服务收费标准的通知"


def test_words_that_look_a_little_like_an_index_number_are_ordinary_words(client, catalogue):
    factories.make_item(catalogue, title="ISO9001质量管理体系认证")
    data = search_json(client, q="ISO9001")
    assert data["missing_number"] is None and data["total"] == 1
