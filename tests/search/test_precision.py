"""Precision: soft matching by weight, corrections from the index's vocabulary, synonyms below the word typed.

Each test publishes a small county's documents through the normal path, then counts the
index vocabulary as the reconcile task does (``reconcile_public_index``).
"""

import pytest

from search.documents.models import IndexedTerm
from search.queries.matching import minimal_sets
from search.queries.models import SynonymGroup
from search.tasks import reconcile_public_index
from tests import factories

from .conftest import search_json

pytestmark = pytest.mark.django_db

ROUTINE = [
    ("关于做好2025年安全生产工作的通知", "各单位要落实安全生产责任，做好隐患排查工作。"),
    ("关于印发年度工作计划的通知", "现将年度工作计划印发给你们，请认真贯彻落实。"),
    ("关于开展节前安全检查工作的通知", "各单位开展节前安全检查，确保安全。"),
    ("关于加强教师队伍建设的实施意见", "加强教师队伍建设，提高教师工作保障水平。"),
    ("关于推进高标准农田建设的工作方案", "推进高标准农田建设，做好资金保障。"),
    ("县教育局2025年工作计划", "全面做好招生入学、课后服务等工作，落实保障措施。"),
]


@pytest.fixture
def county(catalogue):
    items = {}
    for title, text in ROUTINE:
        items[title] = factories.make_item(catalogue, title=title, body=f"<p>{text}</p>")
    for number in range(5):
        items[f"招生{number}"] = factories.make_item(
            catalogue,
            title=f"关于2025年第{number + 1}批义务教育招生入学安排的通知",
            body="<p>义务教育招生入学工作按学区划分进行。</p>",
        )
    items["dibao"] = factories.make_item(
        catalogue,
        title="青溪县最低生活保障审核确认办法",
        body="<p>共同生活的家庭成员人均收入低于最低生活保障标准的，可以申请最低生活保障。</p>",
    )
    for title in ("关于做好最低生活保障年度复核的通知", "2025年最低生活保障资金使用情况公示"):
        items[title] = factories.make_item(catalogue, title=title, body="<p>最低生活保障对象。</p>")
    items["dibao-news"] = factories.make_item(
        catalogue, title="关于提高低保标准的通知", body="<p>自7月1日起提高城乡低保标准。</p>"
    )
    items["weifa"] = factories.make_item(
        catalogue,
        title="关于开展违法建设专项整治的通告",
        body="<p>对未取得建设工程规划许可证的违法建设，依法责令限期拆除。</p>",
    )
    reconcile_public_index()
    return items


def result_titles(client, query, **params):
    return [result["title"] for result in search_json(client, q=query, **params)["results"]]


def test_nonsense_sharing_only_common_words_finds_nothing(client, county):
    for query in ("火星殖民计划", "恐龙化石保护工作方案", "供暖安全", "海底隧道建设", "外星人安全检查工作通知"):
        data = search_json(client, q=query)
        assert data["total"] == 0, (query, [r["title"] for r in data["results"]])
        assert data["how_to_apply"] or data["apply_online"] or data["near_queries"] is not None


def test_a_document_holding_the_rare_words_is_found_without_the_common_ones(client, county):
    """违法建设 整治 工作: 工作 weighs little, the notice holds the rest."""
    assert result_titles(client, "违法建设 整治 工作") == ["关于开展违法建设专项整治的通告"]


def test_a_rare_word_cannot_be_outvoted_by_common_ones(client, county):
    # 违法建设 is only in the notice; 教师队伍建设 and 农田建设 share 建设 alone.
    assert result_titles(client, "违法建设") == ["关于开展违法建设专项整治的通告"]


def test_minimal_sets_reach_the_share_and_nothing_more():
    # 殖民 (absent) weighs 6, 火星 6, 计划 1: no set without both rare words reaches 60 %.
    assert minimal_sets([6, 6, 1], 0.6) == [(0, 1)]
    # Three equal words at 60 %: any two.
    assert sorted(minimal_sets([1, 1, 1], 0.6)) == [(0, 1), (0, 2), (1, 2)]
    # One word carries the query.
    assert minimal_sets([9, 1, 1], 0.6) == [(0,)]


def test_a_homophone_slip_is_corrected_with_a_way_back(client, county):
    data = search_json(client, q="招升")
    assert data["correction"]["query"] == "招生" and data["correction"]["original"] == "招升"
    assert sum("招生" in r["title"] for r in data["results"][:5]) == 5
    assert "verbatim=1" in data["correction"]["original_url"]
    verbatim = client.get(data["correction"]["original_url"].replace("/search/", "/api/search/")).json()
    assert verbatim["correction"] is None and verbatim["total"] == 0


def test_the_page_says_what_it_searched_instead(client, county):
    page = client.get("/search/", {"q": "招升"}).content.decode()
    assert "已显示“<strong>招生</strong>”的结果" in page
    assert "仍然搜索：" in page and "verbatim=1" in page


def test_a_one_character_slip_in_a_longer_word_is_corrected(client, county):
    data = search_json(client, q="最低生话保障")
    assert data["correction"]["query"] == "最低生活保障"
    assert "最低生活保障" in data["results"][0]["title"]


def test_a_homophone_of_an_everyday_word_is_corrected_to_it(client, county):
    """底保 sounds like 低保, which the lexicon knows even where documents write 最低生活保障."""
    data = search_json(client, q="底保")
    assert data["correction"]["query"] == "低保"
    assert {"青溪县最低生活保障审核确认办法", "关于提高低保标准的通知"} <= {r["title"] for r in data["results"]}


def test_known_words_and_words_without_a_better_neighbour_are_left_alone(client, county):
    assert search_json(client, q="招生")["correction"] is None
    assert search_json(client, q="火星")["correction"] is None  # no frequent word sounds like it


def test_a_word_of_the_site_is_not_a_slip(client, county, catalogue, settings):
    """公式 and 公示 sound the same: one document with 公式 is a slip, two are a word of the site."""
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0}  # each reconcile below recounts
    for number in range(6):
        factories.make_item(catalogue, title=f"2025年第{number}批行政许可结果公示", body="<p>现予公示。</p>")
    factories.make_item(catalogue, title="工资计算公式说明", body="<p>计算公式如下。</p>")
    reconcile_public_index()
    assert search_json(client, q="公式")["correction"]["query"] == "公示"
    factories.make_item(catalogue, title="补贴计算公式", body="<p>按公式计算。</p>")
    reconcile_public_index()
    assert search_json(client, q="公式")["correction"] is None


def test_words_of_unpublished_pages_are_never_offered(client, county, catalogue):
    for number in range(6):
        factories.make_item(catalogue, title=f"关于保密事项{number}的请示", live=False, body="<p>涉密载体管理。</p>")
    reconcile_public_index()
    assert not IndexedTerm.objects.filter(term="涉密载体").exists()
    assert search_json(client, q="涉密栽体")["correction"] is None


def test_the_exact_word_ranks_above_its_synonym(client, county):
    titles = result_titles(client, "低保")
    assert titles[0] == "关于提高低保标准的通知"  # 低保 as typed; the others say 最低生活保障
    assert "青溪县最低生活保障审核确认办法" in titles[1:4]


def test_highlights_mark_whole_words_only(client, county):
    results = search_json(client, q="低保")["results"]
    marked = " ".join(r["highlight"]["title"] + r["highlight"]["snippet"] for r in results)
    assert "<mark>低保</mark>" in marked and "<mark>最低生活保障</mark>" in marked
    assert "<mark>保障</mark>" not in marked and "<mark>最低</mark>" not in marked


def test_the_phrase_ranks_above_its_words_apart(client, county, catalogue):
    factories.make_item(catalogue, title="关于安全工作和教育工作的通知", body="<p>安全教育。</p>")
    factories.make_item(catalogue, title="关于开展教育安全专项行动的通知", body="<p>教育安全。</p>")
    assert result_titles(client, "教育安全")[0] == "关于开展教育安全专项行动的通知"


def test_parts_of_a_word_must_stand_together(client, county, catalogue):
    factories.make_item(catalogue, title="关于工作计划的说明", body="<p>本计划所称育龄群众生育服务另行规定。</p>")
    reconcile_public_index()
    assert result_titles(client, "计划生育") == []


def test_parts_too_common_to_check_leave_a_word_to_match_whole(client, county, catalogue, settings):
    """Where 安全 and 检查 stand together is checked only while they are rare enough (PARTS_MAX_DOCUMENTS)."""
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0}
    factories.make_item(catalogue, title="关于节前组织安全大检查的通知", body="<p>组织安全大检查。</p>")
    reconcile_public_index()
    assert "关于节前组织安全大检查的通知" in result_titles(client, "安全检查")
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0, "PARTS_MAX_DOCUMENTS": 1}
    titles = result_titles(client, "安全检查")
    assert "关于节前组织安全大检查的通知" not in titles
    assert "关于开展节前安全检查工作的通知" in titles  # the word itself is still found


def test_the_vocabulary_is_recounted_only_when_documents_changed_and_not_too_often(county, catalogue, settings):
    assert IndexedTerm.objects.get(term="招生").documents == 6
    factories.make_item(catalogue, title="关于招生咨询电话的公告", body="<p>招生咨询。</p>")
    reconcile_public_index()  # within the hour: not recounted yet
    assert IndexedTerm.objects.get(term="招生").documents == 6
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0}
    reconcile_public_index()
    assert IndexedTerm.objects.get(term="招生").documents == 7


def test_a_synonym_of_function_words_only_searches_the_word_typed(client, county):
    SynonymGroup.objects.create(terms="低保\n关于")
    response = client.get("/api/search/", {"q": "低保"})
    assert response.status_code == 200
    assert "关于提高低保标准的通知" in [result["title"] for result in response.json()["results"]]


def test_a_slip_beside_a_known_word_leaves_that_word_whole(client, county, catalogue, settings):
    """耕地保户 is 耕地 + a slip for 保护 — not 耕 + 地保户, which sounds like the lexicon's 低保户."""
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0}
    for number in range(3):
        factories.make_item(catalogue, title=f"关于加强耕地保护的通知（{number}）", body="<p>严格耕地保护。</p>")
    reconcile_public_index()
    data = search_json(client, q="耕地保户")
    assert data["correction"]["query"] == "耕地保护"
    assert data["results"][0]["title"].startswith("关于加强耕地保护的通知")


def test_two_known_words_are_not_a_slip_for_a_third(client, county, catalogue, settings):
    """失业补贴 is 失业 + 补贴, both indexed: never 'corrected' to the one-character-off 就业补贴."""
    settings.GONGKAI_SEARCH = {"VOCABULARY_REFRESH_MINUTES": 0}
    for number in range(4):
        factories.make_item(catalogue, title=f"关于发放第{number}批就业补贴的通知", body="<p>就业补贴。</p>")
    for number in range(2):
        factories.make_item(catalogue, title=f"失业人员登记须知{number}", body="<p>失业登记。</p>")
    reconcile_public_index()
    data = search_json(client, q="失业补贴")
    assert data["correction"] is None
