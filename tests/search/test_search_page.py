"""What a citizen sees on /search/: Chinese words found, highlights, facets, sort, pages, exact 文号."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from disclosure.models import AnnouncementPage, Genre
from search.models import BlockedQuery, SynonymGroup
from search.queries.hot import count_search
from tests import factories
from tests.search.conftest import search_from, search_json, titles

pytestmark = pytest.mark.django_db


def html(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_word_inside_a_sentence_is_found_in_any_word_order(client, catalogue):
    factories.make_item(catalogue, title="年度工作要点", body="<p>健全先审查后公开制度，落实信息发布保密审查责任。</p>")
    assert titles(client, "保密审查") == ["年度工作要点"]
    assert titles(client, "审查 保密") == ["年度工作要点"]
    assert titles(client, "信息发布的保密审查") == ["年度工作要点"]
    partial = search_json(client, q="保密审查 招生")
    assert partial["relaxed"] and partial["total"] == 1


def test_results_show_type_agency_date_doc_number_and_highlights(client, catalogue):
    factories.make_item(
        catalogue,
        title="关于做好城乡居民医疗保险参保工作的通知",
        doc_number="青教发〔2025〕7号",
        body="<p>为做好2026年度城乡居民医疗保险参保缴费工作，现将有关事项通知如下。</p>",
    )
    page = html(client, q="医疗保险参保")
    assert "关于做好城乡居民<mark>医疗保险</mark><mark>参保</mark>工作的通知" in page
    assert "<mark>医疗保险</mark><mark>参保</mark>缴费" in page
    assert "青教发〔2025〕7号" in page and "青溪县教育局" in page
    assert '<span class="result-kind">信息公开目录</span>' in page


def test_all_public_content_types_are_searched(client, agency, catalogue, column, guide):
    factories.make_item(catalogue, title="关于学前教育资助的通知")
    factories.make_announcement(column, title="学前教育宣传月活动公告")
    agency.functions = "<p>负责全县学前教育和义务教育工作。</p>"
    factories.publish(agency)
    guide.proactive_disclosure = "<p>学前教育相关信息通过本网站公开。</p>"
    factories.publish(guide)
    kinds = {result["kind"] for result in search_json(client, q="学前教育")["results"]}
    assert kinds == {"catalogue", "announcement", "agency", "guide"}


@pytest.fixture
def two_agencies(catalogue, other_catalogue):
    genre = Genre.objects.first()
    old = timezone.make_aware(datetime.datetime(2023, 5, 1, 9))
    new = timezone.make_aware(datetime.datetime(2025, 5, 1, 9))
    factories.make_item(catalogue, title="教育局2023年乡村振兴工作总结", published_at=old, genre=genre)
    factories.make_item(catalogue, title="教育局2025年乡村振兴工作要点", published_at=new)
    factories.make_item(other_catalogue, title="卫健局2025年乡村振兴健康帮扶方案", published_at=new)
    return genre


def test_facets_count_and_filters_combine_and_stay_in_the_url(client, agency, two_agencies):
    data = search_json(client, q="乡村振兴")
    assert data["total"] == 3
    agencies = {value["label"]: value["count"] for value in data["facets"]["agency"]}
    assert agencies == {"青溪县教育局": 2, "青溪县卫生健康局": 1}
    assert {value["label"]: value["count"] for value in data["facets"]["year"]} == {"2025": 2, "2023": 1}
    assert [value["label"] for value in data["facets"]["genre"]] == [two_agencies.name]

    assert titles(client, "乡村振兴", agency=agency.pk, year=2025) == ["教育局2025年乡村振兴工作要点"]
    page = html(client, q="乡村振兴", agency=agency.pk)
    year_link = re.search(r'<a href="([^"]*year=2025[^"]*)"', page).group(1)
    assert f"agency={agency.pk}" in year_link and "q=" in year_link
    narrowed = client.get(year_link.replace("&amp;", "&")).content.decode()
    assert "工作要点</a>" in narrowed and "工作总结</a>" not in narrowed and "健康帮扶方案</a>" not in narrowed


def test_sort_by_newest(client, two_agencies):
    newest = titles(client, "乡村振兴", sort="newest")
    assert newest[-1] == "教育局2023年乡村振兴工作总结"


def test_pagination_keeps_the_query_and_filters(client, agency, catalogue):
    for number in range(23):
        factories.make_item(catalogue, title=f"关于第{number + 1}批公共资源交易项目的公示")
    first = search_json(client, q="公共资源交易", agency=agency.pk)
    assert first["total"] == 23 and first["pages"] == 3 and len(first["results"]) == 10
    third = search_json(client, q="公共资源交易", agency=agency.pk, page=3)
    assert len(third["results"]) == 3
    seen = {r["title"] for p in (1, 2, 3) for r in search_json(client, q="公共资源交易", page=p)["results"]}
    assert len(seen) == 23
    page = html(client, q="公共资源交易", agency=agency.pk)
    next_link = re.search(r'<a href="([^"]*)" rel="next"', page).group(1)
    assert "page=2" in next_link and f"agency={agency.pk}" in next_link


@pytest.mark.parametrize(
    "typed", ["青教发〔2024〕12号", "青教发[2024]12号", "青教发﹝2024﹞12号", "青教发(2024)12号", "青教发（2024）12号"]
)
def test_a_doc_number_in_any_bracket_style_puts_its_item_first(client, catalogue, typed):
    for number in range(3):
        factories.make_item(catalogue, title=f"青教发2024年第{number}号文件的解读", body="<p>青教发 2024 12号</p>")
    factories.make_item(catalogue, title="关于印发招生工作方案的通知", doc_number="青教发〔2024〕12号")
    data = search_json(client, q=typed)
    assert data["results"][0]["title"] == "关于印发招生工作方案的通知"
    assert data["results"][0]["exact_match"] and data["exact_match"]


def test_an_index_number_puts_its_item_first(client, catalogue):
    item = factories.make_item(catalogue, title="关于调整课后服务收费标准的通知")
    factories.make_item(catalogue, title="课后服务工作总结")
    data = search_json(client, q=f" {item.index_number} ")
    assert data["results"][0]["title"] == "关于调整课后服务收费标准的通知"
    assert data["results"][0]["index_number"] == item.index_number


def test_default_synonyms_find_the_official_word(client, catalogue):
    factories.make_item(catalogue, title="关于提高城乡最低生活保障标准的通知")
    factories.make_item(catalogue, title="住房公积金提取办理指南")
    assert titles(client, "低保标准") == ["关于提高城乡最低生活保障标准的通知"]
    assert titles(client, "公积金怎么提取") == ["住房公积金提取办理指南"]


def test_a_synonym_group_added_in_the_admin_works_at_once(client, admin_client, catalogue):
    factories.make_item(catalogue, title="关于开展适龄女性HPV疫苗接种的通知")
    assert titles(client, "九价") == []
    response = admin_client.post(
        "/admin/search_synonyms/new/", {"terms": "九价, HPV疫苗", "enabled": "on", "note": "俗称"}
    )
    assert response.status_code == 302
    assert titles(client, "九价") == ["关于开展适龄女性HPV疫苗接种的通知"]


def test_a_synonym_group_needs_two_words(admin_client):
    response = admin_client.post("/admin/search_synonyms/new/", {"terms": "低保", "note": ""})
    assert response.status_code == 200
    assert "至少" in response.content.decode()
    assert not SynonymGroup.objects.filter(terms="低保").exists()


def test_hot_queries_come_from_the_last_30_days_without_blocked_ones(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    factories.make_item(catalogue, title="关于学区划分的通知")
    search_from(client, "招聘", clients=6)
    search_from(client, "学区划分", clients=5)
    search_from(client, "不会有结果的词", clients=5)
    month_ago = timezone.localdate() - datetime.timedelta(days=31)
    for number in range(5):
        count_search("旧热词", f"client-{number}", day=month_ago)
    cache.clear()
    page = html(client)
    hot = re.search(r'<nav class="hot-queries".*?</nav>', page, re.S).group(0)
    assert hot.index("招聘") < hot.index("学区划分")
    assert "旧热词" not in hot and "不会有结果的词" not in hot
    BlockedQuery.objects.create(phrase="学区")
    assert "学区划分" not in re.search(r'<nav class="hot-queries".*?</nav>', html(client), re.S).group(0)


def test_suggestions_as_you_type(client, catalogue):
    factories.make_item(catalogue, title="关于行政复议委员会组成人员的公告")
    factories.make_item(catalogue, title="行政许可事项清单")
    response = client.get("/api/search/suggest/", {"q": "行政复"})
    assert response.json()["suggestions"] == ["关于行政复议委员会组成人员的公告"]
    assert client.get("/api/search/suggest/", {"q": ""}).json()["suggestions"] == []


def test_no_results_explains_suggests_near_queries_and_how_to_apply(client, agency, catalogue, guide):
    factories.make_item(catalogue, title="关于无人机表演活动的公告")
    search_from(client, "无人机表演")  # 热搜 (and so related searches) needs five different clients
    cache.clear()  # the hot list is cached for five minutes
    page = html(client, q="无人驾驶航拍")
    assert "无人机表演" in re.search(r'<ul class="near-queries">.*?</ul>', page, re.S).group(0)
    nothing = search_json(client, q="潜艇", agency=agency.pk)
    assert nothing["total"] == 0 and nothing["results"] == []
    assert nothing["how_to_apply"] == [{"title": "青溪县教育局：政府信息公开指南", "url": guide.url}]
    page = html(client, q="潜艇")
    assert f'href="{guide.url}"' in page and "依申请公开" in page


def test_some_words_missing_shows_partial_matches_with_a_notice(client, catalogue):
    factories.make_item(catalogue, title="关于开展课后服务的通知")
    data = search_json(client, q="课后服务潜艇")
    assert data["relaxed"] and [r["title"] for r in data["results"]] == ["关于开展课后服务的通知"]
    assert 'class="notice"' in html(client, q="课后服务潜艇")
    assert not search_json(client, q="课后服务")["relaxed"]


def test_browsing_by_facet_without_words_lists_newest(client, agency, two_agencies):
    data = search_json(client, agency=agency.pk, kind="catalogue")
    assert [r["title"] for r in data["results"]][:2] == ["教育局2025年乡村振兴工作要点", "教育局2023年乡村振兴工作总结"]


def test_an_announcement_past_its_expiry_is_not_shown(client, column):
    page = factories.make_announcement(column, title="关于元旦放假的通知")
    AnnouncementPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    assert titles(client, "元旦放假") == []
    assert client.get("/api/search/suggest/", {"q": "元旦"}).json()["suggestions"] == []


def test_a_category_filter_includes_its_subcategories(client, agency, catalogue, other_catalogue):
    regulations = agency.catalogue_categories.get(code="01")
    leaf = agency.catalogue_categories.get(code="0102")
    factories.make_item(catalogue, title="关于规范涉企检查的规定", category_code="0102")
    factories.make_item(other_catalogue, title="关于规范涉企检查的通知", category_code="0102")
    assert titles(client, "涉企检查", category=regulations.pk) == ["关于规范涉企检查的规定"]
    assert titles(client, "涉企检查", category=leaf.pk) == ["关于规范涉企检查的规定"]
