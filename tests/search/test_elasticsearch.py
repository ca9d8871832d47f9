"""Elasticsearch: what Gongkai would send is tested as data; a live cluster is used when ELASTICSEARCH_URL is set.

No Elasticsearch server can run on the development and CI machines, so the index settings,
the mapping of the public index and the query bodies are checked here without a network.
"""

import os
import uuid

import pytest
from django.test import override_settings

from search.backends.elasticsearch import ANALYZERS, ChineseElasticsearchBackend, chinese_index_settings
from search.models import IndexedTerm, PublicDocument
from search.queries.correction import correct
from search.queries.parse import parse
from search.service import filtered_documents, search_query

ES_URL = os.environ.get("ELASTICSEARCH_URL")


def backend(analyzer="cjk", **params):
    return ChineseElasticsearchBackend(
        {"URLS": ["http://es.invalid:9200"], "INDEX_PREFIX": "gongkai_", "CHINESE_ANALYZER": analyzer, **params}
    )


@pytest.mark.parametrize(
    "analyzer, index_tokenizer, search_tokenizer",
    [("ik", "ik_max_word", "ik_smart"), ("smartcn", "smartcn_tokenizer", "smartcn_tokenizer")],
)
def test_plugin_analyzers_become_the_index_defaults(analyzer, index_tokenizer, search_tokenizer):
    analysis = backend(analyzer).settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["tokenizer"] == index_tokenizer
    assert analysis["analyzer"]["default_search"]["tokenizer"] == search_tokenizer
    assert analysis["analyzer"]["edgengram_analyzer"]["tokenizer"] == index_tokenizer
    assert analysis["analyzer"]["edgengram_analyzer"]["filter"][-1] == "edgengram"
    # Wagtail's own analyzers and filters are kept.
    assert "ngram_analyzer" in analysis["analyzer"] and "edgengram" in analysis["filter"]


def test_cjk_needs_no_plugin_and_is_the_default():
    analysis = ChineseElasticsearchBackend({"URLS": ["http://es.invalid:9200"]}).settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "cjk"}
    assert "cjk_bigram" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    used_tokenizers = {a.get("tokenizer") for a in ANALYZERS["cjk"].values()} - {None}
    assert used_tokenizers <= {"standard"}


def test_an_unknown_analyzer_is_refused_by_name():
    with pytest.raises(ValueError, match="ik, smartcn, cjk"):
        chinese_index_settings("jieba")


def test_project_index_settings_still_merge_on_top():
    settings = backend("ik", INDEX_SETTINGS={"settings": {"index": {"number_of_replicas": 2}}}).settings["settings"]
    assert settings["index"]["number_of_replicas"] == 2
    assert settings["analysis"]["analyzer"]["default"]["tokenizer"] == "ik_max_word"


def test_public_index_mapping():
    es = backend("ik")
    assert es.get_index_for_model(PublicDocument).name == "gongkai_gongkai_search_publicdocument"
    properties = es.mapping_class(PublicDocument).get_mapping()["properties"]
    assert "_all_text_boost_10_0" in properties["title"]["copy_to"]
    assert "_all_text_boost_5_0" in properties["doc_number"]["copy_to"]
    assert properties["body"]["copy_to"] == "_all_text"
    # The catalogue's vocabulary is searched with the text's weight, in no boosted field of its own.
    for vocabulary in ("category_name", "topic_name", "genre_name"):
        assert properties[vocabulary] == {"type": "text", "copy_to": "_all_text"}
    boosted = sorted(name for name in properties if name.startswith("_all_text_boost_"))
    assert boosted == ["_all_text_boost_10_0", "_all_text_boost_2_0", "_all_text_boost_3_0", "_all_text_boost_5_0"]
    assert properties["title_edgengrams"]["search_analyzer"] == "default_search"
    assert properties["_edgengrams"]["search_analyzer"] == "default_search"
    for facet in ("kind", "validity"):
        assert properties[f"{facet}_filter"]["type"] == "keyword"
    for facet in ("agency_id", "category_id", "genre_id", "year"):
        assert properties[f"{facet}_filter"]["type"] in {"integer", "long"}
    assert properties["published_at_filter"]["type"] == "date"


def _body(documents, query, analyzer="ik"):
    es = backend(analyzer)
    _soft, compiled = search_query(parse(query), es)
    return es.query_compiler_class(documents, compiled).get_query()


def _field_clause(body, field):
    """The query of one boosted field (Wagtail ORs one clause per field inside a dis_max)."""
    return next(c for c in body["bool"]["must"]["dis_max"]["queries"] if f"'{field}'" in str(c))


def _matches(clause, field):
    found = []
    if isinstance(clause, dict):
        if "match" in clause and field in clause["match"]:
            found.append((clause["match"][field]["query"], clause["match"][field].get("boost", 1.0)))
        for value in clause.values():
            found += _matches(value, field)
    elif isinstance(clause, list):
        for value in clause:
            found += _matches(value, field)
    return found


@pytest.mark.django_db
def test_query_body_ranks_synonyms_below_the_word_typed_and_boosts_the_phrase(agency):
    documents = filtered_documents({"agency": agency.pk, "year": 2025, "kind": "catalogue"})
    body = _body(documents, "低保 标准")  # 低保 ↔ 最低生活保障 is in the shipped lexicon
    title = _field_clause(body, "_all_text_boost_10_0")
    boosts = dict(_matches(title, "_all_text_boost_10_0"))
    assert boosts["低保"] == 10.0 and boosts["标准"] == 10.0
    assert boosts["最低生活保障"] == pytest.approx(10.0 * 0.6)  # SYNONYM_WEIGHT
    required, *score_only = title["bool"]["should"]
    assert "标准" not in str(required)  # a light word (search/analysis/light_words.txt): 低保 suffices
    assert any("标准" in str(clause) for clause in score_only)  # … but a document holding both ranks higher
    assert "'match_phrase': {'_all_text_boost_10_0': {'query': '低保 标准', 'boost': 20.0}}" in str(title)
    filters = str(body["bool"]["filter"])
    assert f"'agency_id_filter': {agency.pk}" in filters and "'year_filter': 2025" in filters
    assert "'kind_filter': 'catalogue'" in filters


@pytest.mark.django_db
def test_query_body_requires_the_minimum_share_of_weight(settings):
    """火星殖民计划: the body accepts documents with 火星 and 殖民, never 计划 alone or with one of them."""
    settings.GONGKAI_SEARCH = {"MINIMUM_SHARE": 0.6}
    IndexedTerm.objects.create(term="计划", documents=30, length=2)  # in 30 of the 30 documents
    soft, compiled = search_query(parse("火星殖民计划"), backend())
    assert [unit.term for unit in soft.units] == ["火星", "殖民", "计划"]
    assert soft.sets == [(0, 1)]
    body = backend().query_compiler_class(PublicDocument.objects.all(), compiled).get_query()
    text = body["bool"]["must"]["dis_max"]["queries"][0]
    matching = text["bool"]["should"][0]  # the soft rule; the phrase boost is the other clause
    assert [m["match"]["_all_text"]["query"] for m in matching["bool"]["must"]] == ["火星", "殖民"]


@pytest.mark.django_db
def test_query_body_of_several_minimal_sets_accepts_any_of_them():
    IndexedTerm.objects.bulk_create([IndexedTerm(term=t, documents=5, length=2) for t in ("防暑", "降温", "补贴")])
    soft, compiled = search_query(parse("防暑 降温 补贴"), backend())
    assert sorted(soft.sets) == [(0, 1), (0, 2), (1, 2)]  # equal weights at 50 %: any two of three
    body = backend().query_compiler_class(PublicDocument.objects.all(), compiled).get_query()
    rules = body["bool"]["must"]["dis_max"]["queries"][0]["bool"]["should"][0]["bool"]["should"]
    assert len(rules) == 3 and all(len(rule["bool"]["must"]) == 2 for rule in rules)


@pytest.mark.django_db
def test_the_corrected_query_is_what_elasticsearch_is_asked():
    IndexedTerm.objects.create(term="招生", documents=12, length=2, pinyin="zhao sheng")
    correction = correct("招升")
    assert correction.text == "招生"
    body = str(_body(PublicDocument.objects.all(), correction.text))
    assert "招生" in body and "招升" not in body


def test_settings_select_the_chinese_backend_when_a_url_is_given(monkeypatch):
    import importlib

    from cms.settings import base

    monkeypatch.setenv("ELASTICSEARCH_URL", "https://user:secret@es.example.gov.cn:9200")
    monkeypatch.setenv("ELASTICSEARCH_CHINESE_ANALYZER", "ik")
    try:
        configured = importlib.reload(base).WAGTAILSEARCH_BACKENDS["default"]
        assert configured["BACKEND"] == "search.backends.elasticsearch"
        assert configured["CHINESE_ANALYZER"] == "ik"
        assert configured["URLS"] == ["https://user:secret@es.example.gov.cn:9200"]
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        monkeypatch.delenv("ELASTICSEARCH_CHINESE_ANALYZER")
        importlib.reload(base)


needs_es = pytest.mark.skipif(
    not ES_URL,
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch server on this machine. "
    "The settings, mapping and query bodies are tested as data above; set ELASTICSEARCH_URL to run these.",
)


@needs_es
@pytest.mark.django_db
def test_live_cluster_finds_chinese_words_with_the_configured_analyzer(client, catalogue):
    from search.documents.rebuild import rebuild
    from tests import factories

    prefix = f"gongkai_test_{uuid.uuid4().hex[:8]}_"
    config = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ES_URL],
            "INDEX_PREFIX": prefix,
            "CHINESE_ANALYZER": os.environ.get("ELASTICSEARCH_CHINESE_ANALYZER", "cjk"),
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        from modelsearch.backends import get_search_backend

        es = get_search_backend()
        try:
            factories.make_item(catalogue, title="关于做好最低生活保障工作的通知", body="<p>落实保密审查制度。</p>")
            factories.make_item(catalogue, title="关于开展消防安全检查的通知")
            factories.make_item(catalogue, title="关于某商贸公司违规经营的处理决定", category_code="0601")
            rebuild(backend=es)
            es.get_index_for_model(PublicDocument).refresh()
            from search.service import run_search

            assert [hit.document.title for hit in run_search("保密审查", log=False).hits] == [
                "关于做好最低生活保障工作的通知"
            ]
            assert [hit.document.title for hit in run_search("低保", log=False).hits] == [
                "关于做好最低生活保障工作的通知"
            ]
            assert [hit.document.title for hit in run_search("行政处罚", log=False).hits] == [
                "关于某商贸公司违规经营的处理决定"
            ]
            facets = run_search("通知", log=False).facets
            assert sum(value.count for value in facets["kind"]) == 2
        finally:
            es.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)
