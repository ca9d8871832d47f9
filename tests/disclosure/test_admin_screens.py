import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.models import AgencyRole, CatalogueCategory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw"))
    return client


def test_catalogue_exports_to_csv_with_chinese_headings(admin_client, catalogue):
    item = factories.make_item(catalogue, doc_number="青教发〔2025〕1号")
    response = admin_client.get("/admin/catalogue_items/?export=csv")
    assert response.status_code == 200
    text = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    header = text.splitlines()[0]
    assert header.startswith("索引号,标题,文号")
    assert item.index_number in text and "青教发〔2025〕1号" in text


def test_catalogue_exports_to_xlsx(admin_client, catalogue):
    item = factories.make_item(catalogue)
    response = admin_client.get("/admin/catalogue_items/?export=xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in sheet[1]][:2] == ["索引号", "标题"]
    assert sheet.cell(row=2, column=1).value == item.index_number


def test_editor_export_contains_only_their_agency(client, catalogue, other_catalogue, agency):
    factories.make_item(catalogue, title="本局文件")
    factories.make_item(other_catalogue, title="他局文件")
    client.force_login(factories.make_user("exporter", agency, AgencyRole.EDITOR))
    response = client.get("/admin/catalogue_items/?export=csv")
    text = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    assert "本局文件" in text and "他局文件" not in text


def test_category_admin_is_scoped_and_validated(client, agency, other_agency):
    editor = factories.make_user("cat-editor", agency, AgencyRole.EDITOR)
    client.force_login(editor)
    index = client.get(reverse("catalogue_categories:index"))
    assert index.status_code == 200
    names = {str(c) for c in index.context["object_list"]}
    assert any("法规文件" in name for name in names)
    assert all(c.agency_id == agency.pk for c in index.context["object_list"])
    foreign_parent = CatalogueCategory.objects.get(agency=other_agency, code="01")
    response = client.post(
        reverse("catalogue_categories:add"),
        {"agency": agency.pk, "parent": foreign_parent.pk, "name": "新分类", "code": "16", "sort_order": 0},
    )
    assert response.status_code == 200
    assert not CatalogueCategory.objects.filter(name="新分类").exists()
    ok = client.post(
        reverse("catalogue_categories:add"),
        {"agency": agency.pk, "parent": "", "name": "新分类", "code": "16", "sort_order": 0},
    )
    assert ok.status_code == 302 and CatalogueCategory.objects.filter(agency=agency, name="新分类").exists()
    # Another agency's category cannot be opened or changed by guessing its URL.
    foreign_edit = reverse("catalogue_categories:edit", args=[foreign_parent.pk])
    assert client.get(foreign_edit).status_code in (302, 403, 404)
    client.post(
        foreign_edit, {"agency": other_agency.pk, "parent": "", "name": "被改名", "code": "01", "sort_order": 0}
    )
    assert CatalogueCategory.objects.get(pk=foreign_parent.pk).name == "法规文件"


def test_calendar_is_editable_in_admin(admin_client):
    response = admin_client.post(
        reverse("working_calendar:add"), {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}
    )
    assert response.status_code == 302
    assert admin_client.get(reverse("working_calendar:index")).status_code == 200


def test_admin_is_in_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert '<html lang="zh-hans"' in html
    assert json.dumps("目录信息") in html and json.dumps("工作日历") in html  # menu labels, serialised
