"""The catalogue's vocabulary is searchable: an item is found by the name of its category, its
主题分类 and its 体裁, even when its title and text never say it — and below items that do."""

import importlib

import pytest
from django.apps import apps
from modelsearch.backends import get_search_backend

from disclosure.models import Genre, Topic
from disclosure.reports import drafting, publication
from search.documents.sources import describe
from search.models import PublicDocument
from search.tasks import reconcile_public_index
from tests import factories
from tests.search.conftest import search_json, titles

pytestmark = pytest.mark.django_db

PENALTIES = "0601"  # 行政处罚, under 行政处罚和行政强制 (the Art 20 preset)


def test_an_item_is_found_by_its_category_name(client, catalogue):
    factories.make_item(catalogue, title="关于某商贸公司违规经营的处理决定", category_code=PENALTIES)
    factories.make_item(catalogue, title="关于开展消防安全检查的通知")
    assert titles(client, "行政处罚") == ["关于某商贸公司违规经营的处理决定"]
    assert "关于某商贸公司违规经营的处理决定</a>" in client.get("/search/", {"q": "行政处罚"}).content.decode()


def test_the_category_name_weighs_less_than_the_title(client, catalogue):
    factories.make_item(catalogue, title="关于某商贸公司违规经营的处理决定", category_code=PENALTIES)
    factories.make_item(catalogue, title="青溪县行政处罚裁量基准", body="<p>规范行政执法行为。</p>")
    assert titles(client, "行政处罚") == ["青溪县行政处罚裁量基准", "关于某商贸公司违规经营的处理决定"]


def test_an_item_is_found_by_its_topic_and_its_genre(client, catalogue):
    religion = Topic.objects.get(name="民族、宗教")
    minutes = Genre.objects.get(name="纪要")
    factories.make_item(catalogue, title="关于规范场所管理的若干事项", topic=religion)
    factories.make_item(catalogue, title="县长办公会议议定事项", genre=minutes)
    assert titles(client, "宗教") == ["关于规范场所管理的若干事项"]
    assert titles(client, "纪要") == ["县长办公会议议定事项"]


def test_renaming_or_deleting_a_topic_or_genre_follows_in_the_index(client, catalogue):
    topic = Topic.objects.create(name="营商环境", code="99")
    genre = Genre.objects.create(name="备忘录")
    item = factories.make_item(catalogue, title="关于规范涉企检查的若干措施", topic=topic, genre=genre)
    assert titles(client, "营商环境") == titles(client, "备忘录") == ["关于规范涉企检查的若干措施"]

    topic.name = "优化营商"
    topic.save()
    genre.name = "会商纪要"
    genre.save()
    assert titles(client, "营商环境") == [] and titles(client, "备忘录") == []
    assert titles(client, "优化营商") == titles(client, "会商纪要") == ["关于规范涉企检查的若干措施"]

    topic.delete()
    genre.delete()
    assert titles(client, "优化营商") == [] and titles(client, "会商纪要") == []
    document = PublicDocument.objects.get(pk=item.pk)
    assert (document.topic_name, document.genre_name) == ("", "")


def test_an_annual_report_page_carries_its_category_and_genre(agency, catalogue):
    page, _revision = publication.file_page(drafting.start_report(agency, 2025))
    page.genre = Genre.objects.get(name="报告")
    fields = describe(page)
    assert fields["category_name"] == "公开指南和年报"
    assert fields["genre_name"] == "报告"


def test_documents_indexed_before_the_vocabulary_get_it_at_the_next_reconcile(client, catalogue):
    item = factories.make_item(
        catalogue,
        title="关于某商贸公司违规经营的处理决定",
        category_code=PENALTIES,
        genre=Genre.objects.get(name="决定"),
    )
    # As an upgraded site has them: described and indexed without the names.
    PublicDocument.objects.filter(pk=item.pk).update(category_name="", genre_name="")
    get_search_backend().get_index_for_model(PublicDocument).add_items(
        PublicDocument, [PublicDocument.objects.get(pk=item.pk)]
    )
    assert titles(client, "行政处罚") == []

    migration = importlib.import_module("search.migrations.0006_catalogue_vocabulary")
    migration.mark_every_document_stale(apps, None)
    reconcile_public_index()  # re-describes every document (the item, its agency's profile)
    assert PublicDocument.objects.get(pk=item.pk).genre_name == "决定"
    assert titles(client, "行政处罚") == ["关于某商贸公司违规经营的处理决定"]
    assert search_json(client, q="行政处罚")["total"] == 1
