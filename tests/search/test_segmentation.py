"""Chinese segmentation in the database backend: the same words at index and query time, admin search too."""

import pytest
from wagtail.models import Page

from search.analysis.segment import index_words, query_alternatives, query_words, word_parts
from tests import factories


def test_government_terms_stay_whole_and_their_parts_are_indexed_too():
    words = index_words("关于落实政府信息公开保密审查制度的通知")
    for word in ("政府信息公开", "政府", "信息", "公开", "保密审查", "保密", "审查", "通知"):
        assert word in words
    assert "的" not in words and "关于" not in words


def test_a_query_word_matches_as_itself_or_as_all_its_parts():
    assert query_alternatives("住房公积金") == [[("住房公积金",), ("住房", "公积金")]]
    assert word_parts("城乡居民") == ("城乡", "居民")
    assert query_words("关于低保的通知") == ("低保", "通知")


def test_full_width_and_latin_case_are_folded():
    assert index_words("ＨＰＶ疫苗") == index_words("hpv疫苗")


@pytest.mark.django_db
def test_the_admins_page_search_understands_chinese(admin_client, catalogue):
    factories.make_item(catalogue, title="关于进一步规范行政复议工作的意见", live=False)
    response = admin_client.get("/admin/pages/search/", {"q": "行政复议"})
    assert response.status_code == 200
    assert "关于进一步规范行政复议工作的意见" in response.content.decode()
    assert [p.title for p in Page.objects.search("复议 行政")] == ["关于进一步规范行政复议工作的意见"]


@pytest.mark.django_db
def test_a_long_word_is_found_by_a_word_inside_it(catalogue):
    factories.make_item(catalogue, title="关于落实政府信息公开保密审查制度的通知")
    assert "关于落实政府信息公开保密审查制度的通知" in [p.title for p in Page.objects.search("信息公开")]


@pytest.mark.django_db
def test_autocomplete_matches_a_typed_prefix(catalogue):
    factories.make_item(catalogue, title="突发事件应急预案")
    assert [p.title for p in Page.objects.autocomplete("应急预")] == ["突发事件应急预案"]


@pytest.mark.django_db
def test_query_syntax_characters_are_just_text(catalogue):
    factories.make_item(catalogue, title="关于“放管服”改革的实施意见")
    for query in ('"放管服" AND (', "放管服*", "NEAR(放管服)", "放管服 OR", "'放管服'"):
        assert [p.title for p in Page.objects.search(query)] == ["关于“放管服”改革的实施意见"], query
