"""The shipped colloquial ↔ official lexicon: well-formed, precise, loaded as synonym groups editors own."""

import pytest

from search.analysis.segment import STOPWORDS
from search.lexicon.rules import LexiconError, parse_lexicon, shipped_lexicon
from search.lexicon.sync import sync_lexicon
from search.models import SynonymGroup
from search.queries.synonyms import synonym_table
from tests import factories

from .conftest import search_json

#: Words found in a large share of any agency's documents: a rule that expands to one floods results.
GENERIC = set(
    "工作 管理 服务 建设 安全 保障 通知 计划 方案 办法 规定 政策 问题 情况 单位 部门 人员 项目 资金 标准 信息 公开"
    " 发展 改革 政府 群众 申请 办理 费用 实施 意见 决定 公告 通告 措施 机制 制度 领域 重点 相关".split()
)


def test_the_shipped_lexicon_is_large_versioned_and_well_formed():
    lexicon = shipped_lexicon()
    assert lexicon.version and lexicon.version != "0"
    assert len(lexicon.rules) >= 300
    assert len({rule.domain for rule in lexicon.rules}) >= 30
    for rule in lexicon.rules:
        for word in rule.words:
            assert 2 <= len(word) <= 12, (rule.line, word)
            assert word not in STOPWORDS, (rule.line, word)
        assert len(set(rule.words)) == len(rule.words), (rule.line, "a word twice in one rule")


def test_no_rule_reaches_a_generic_word():
    for rule in shipped_lexicon().rules:
        reached = set(rule.targets) if rule.targets else set(rule.terms)
        assert not reached & GENERIC, (rule.line, reached & GENERIC)


def test_a_word_belongs_to_one_two_way_group_and_starts_one_rule():
    seen_two_way, seen_left = {}, {}
    for rule in shipped_lexicon().rules:
        if not rule.targets:
            for word in rule.terms:
                assert word not in seen_two_way, (rule.line, word, seen_two_way.get(word))
                seen_two_way[word] = rule.line
        for word in rule.terms:
            assert word not in seen_left, (rule.line, word, "already on the left of line", seen_left.get(word))
            seen_left[word] = rule.line


def test_broken_lines_are_refused_with_their_line_number():
    with pytest.raises(LexiconError, match="version"):
        parse_lexicon("低保, 最低生活保障\n")
    with pytest.raises(LexiconError, match="line 3"):
        parse_lexicon("# version: 1\n低保, 最低生活保障\n低保, 低保户\n")
    with pytest.raises(LexiconError, match="line 2"):
        parse_lexicon("# version: 1\n看病\n")


@pytest.mark.django_db
def test_the_lexicon_is_loaded_by_migrate_as_groups_editors_can_see():
    shipped = {rule.key for rule in shipped_lexicon().rules}
    loaded = set(SynonymGroup.objects.exclude(lexicon_key="").values_list("lexicon_key", flat=True))
    assert shipped == loaded
    one_way = SynonymGroup.objects.get(lexicon_key="看病")
    assert "就医" in one_way.target_list and one_way.shipped
    table = synonym_table()
    assert "就医" in table["看病"] and "看病" not in table.get("就医", ())


LEXICON_V1 = "# version: 1\n## 救助\n低保, 最低生活保障\n看病 => 就医\n烧秸秆, 焚烧秸秆\n"
LEXICON_V2 = "# version: 2\n## 救助\n低保, 最低生活保障, 低保金\n看病 => 就医, 就诊\n"


@pytest.mark.django_db
def test_a_new_version_updates_what_nobody_edited_and_keeps_what_editors_did():
    SynonymGroup.objects.exclude(lexicon_key="").delete()
    assert sync_lexicon(parse_lexicon(LEXICON_V1)) == (3, 0, 0)
    edited = SynonymGroup.objects.get(lexicon_key="看病")
    edited.targets = "就医\n看病难"
    edited.save()
    switched_off = SynonymGroup.objects.get(lexicon_key="烧秸秆")
    switched_off.enabled = False
    switched_off.save()
    added, updated, removed = sync_lexicon(parse_lexicon(LEXICON_V2))
    assert (added, updated, removed) == (0, 1, 0)
    assert SynonymGroup.objects.get(lexicon_key="低保").term_list == ["低保", "最低生活保障", "低保金"]
    assert SynonymGroup.objects.get(lexicon_key="看病").target_list == ["就医", "看病难"]  # the editor's
    assert not SynonymGroup.objects.get(lexicon_key="烧秸秆").enabled  # dropped upstream, kept off
    assert sync_lexicon(parse_lexicon(LEXICON_V2)) == (0, 0, 0)


@pytest.mark.django_db
def test_a_switched_off_group_stops_expanding_at_once(client, catalogue):
    factories.make_item(catalogue, title="关于异地就医备案的通知")
    assert search_json(client, q="看病")["total"] == 1
    group = SynonymGroup.objects.get(lexicon_key="看病")
    group.enabled = False
    group.save()
    assert search_json(client, q="看病")["total"] == 0


@pytest.mark.django_db
def test_shipped_groups_are_switched_off_not_deleted(admin_client):
    group = SynonymGroup.objects.get(lexicon_key="看病")
    refused = admin_client.post(f"/admin/search_synonyms/delete/{group.pk}/")
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "permission denied"
    assert SynonymGroup.objects.filter(pk=group.pk).exists()
    edit_page = admin_client.get(f"/admin/search_synonyms/edit/{group.pk}/").content.decode()
    assert f"/admin/search_synonyms/delete/{group.pk}/" not in edit_page
    own = SynonymGroup.objects.create(terms="九价\nHPV疫苗")
    assert admin_client.post(f"/admin/search_synonyms/delete/{own.pk}/").status_code == 302
    assert not SynonymGroup.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_a_one_way_group_is_entered_in_the_admin(admin_client, client, catalogue):
    factories.make_item(catalogue, title="关于规范网约车经营的通知")
    response = admin_client.post(
        "/admin/search_synonyms/new/", {"terms": "打车软件", "targets": "网约车", "enabled": "on", "note": "俗称"}
    )
    assert response.status_code == 302
    assert search_json(client, q="打车软件")["total"] == 1
    assert "打车软件" not in synonym_table().get("网约车", ())
    refused = admin_client.post("/admin/search_synonyms/new/", {"terms": "车, 网约车", "enabled": "on"})
    assert refused.status_code == 200 and "单个字" in refused.content.decode()
