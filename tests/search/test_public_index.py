"""The public search index follows what the public may see: publish, edit, unpublish, delete, hold, move."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from disclosure.models import CatalogueAttachment, PublicationHold
from search.models import PublicDocument
from search.tasks import reconcile_public_index
from tests import factories
from tests.celery_worker import real_worker, wait_until
from tests.review.documents import docx_bytes, make_document, pdf_bytes
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


def indexed(page):
    return PublicDocument.objects.filter(pk=page.pk).exists()


def test_publishing_indexes_and_unpublishing_removes(client, catalogue):
    item = factories.make_item(catalogue, title="关于规范行政复议案件办理的通知")
    assert indexed(item)
    assert titles(client, "行政复议") == ["关于规范行政复议案件办理的通知"]
    item.unpublish()
    assert not indexed(item)
    assert titles(client, "行政复议") == []


def test_an_edit_is_searchable_once_published_and_not_before(client, catalogue):
    item = factories.make_item(catalogue, title="关于公布收费项目的通知")
    item.title = "关于公布涉企收费目录清单的通知"
    item.save_revision()  # a draft: the public still sees the live version
    assert titles(client, "收费目录") == []
    assert titles(client, "收费项目") == ["关于公布收费项目的通知"]
    factories.publish(item)
    assert titles(client, "收费目录") == ["关于公布涉企收费目录清单的通知"]
    assert titles(client, "收费项目") == []


def test_deleting_removes(client, catalogue):
    item = factories.make_item(catalogue, title="关于开展安全生产大检查的通知")
    item.delete()
    assert PublicDocument.objects.count() == 1  # only the agency profile is left
    assert titles(client, "安全生产") == []


def test_renaming_a_category_renames_it_in_the_index(catalogue):
    item = factories.make_item(catalogue, title="关于调整城市供水价格的通知")
    category = item.category
    category.name = "价格收费"
    category.save()
    assert PublicDocument.objects.get(pk=item.pk).category_name == "价格收费"


def test_a_hold_withdraws_and_its_release_restores(client, catalogue):
    item = factories.make_item(catalogue, title="关于调整义务教育招生范围的通知")
    hold = PublicationHold.objects.create(page=item, reason="secret")
    assert titles(client, "义务教育") == []
    hold.delete()
    assert titles(client, "义务教育") == ["关于调整义务教育招生范围的通知"]


def test_unpublishing_or_restricting_a_parent_reaches_the_children(client, agency, catalogue):
    factories.make_item(catalogue, title="关于垃圾分类工作的实施方案")
    restriction = PageViewRestriction.objects.create(page=catalogue, restriction_type="login")
    assert titles(client, "垃圾分类") == []
    restriction.delete()
    assert titles(client, "垃圾分类") == ["关于垃圾分类工作的实施方案"]
    catalogue.unpublish()
    assert titles(client, "垃圾分类") == []


def test_application_only_items_are_found_by_metadata_but_not_by_their_text(client, catalogue):
    factories.make_item(
        catalogue,
        title="某工程项目审批材料",
        disclosure_mode="on_request",
        disclosure_note="涉及第三方商业信息，依申请公开。",
        body="<p>项目环境影响评价报告全文。</p>",
    )
    assert titles(client, "工程项目审批") == ["某工程项目审批材料"]
    assert titles(client, "环境影响评价报告全文") == []


def test_attachment_text_is_searchable(client, catalogue):
    item = factories.make_item(catalogue, title="关于印发实施方案的通知")
    pdf = make_document("方案", "plan.pdf", pdf_bytes("Rural revitalization plan 2025"))
    word = make_document("附件", "annex.docx", docx_bytes("高标准农田建设补助资金分配表"))
    CatalogueAttachment.objects.create(item=item, document=pdf, sort_order=0)
    CatalogueAttachment.objects.create(item=item, document=word, sort_order=1)
    factories.publish(item)
    assert titles(client, "高标准农田") == ["关于印发实施方案的通知"]
    assert titles(client, "revitalization") == ["关于印发实施方案的通知"]


def test_expiry_hides_at_once_and_reconcile_drops_the_row(client, column):
    page = factories.make_announcement(column, title="关于春节假期安排的公告")
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert titles(client, "春节假期") == []
    reconcile_public_index()
    assert not indexed(page)


def test_reconcile_restores_a_lost_document(client, catalogue):
    item = factories.make_item(catalogue, title="关于加强燃气安全管理的通知")
    PublicDocument.objects.filter(pk=item.pk).delete()
    assert titles(client, "燃气安全") == []
    assert reconcile_public_index() == (1, 0)
    assert titles(client, "燃气安全") == ["关于加强燃气安全管理的通知"]


def test_reindex_rebuilds_everything_with_a_progress_bar(client, catalogue, capsys):
    factories.make_item(catalogue, title="关于开展消防安全检查的通知")
    PublicDocument.objects.all().delete()
    call_command("reindex")
    captured = capsys.readouterr()
    assert "100%" in captured.err
    assert titles(client, "消防安全") == ["关于开展消防安全检查的通知"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_updates_go_through_the_broker_to_a_worker(client):
    """With CI's RabbitMQ/Redis (CELERY_BROKER_URL) the sync task crosses the network."""
    agency = factories.make_agency(title="青溪县应急管理局", short_name="县应急局")
    catalogue = factories.make_catalogue(agency)
    with real_worker():
        item = factories.make_item(catalogue, title="关于做好防汛抗旱工作的通知")
        assert wait_until(lambda: indexed(item))
        item.unpublish()
        assert wait_until(lambda: not indexed(item))
