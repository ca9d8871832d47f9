import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.models import AgencyRole, CatalogueCategory
from tests import factories
from tests.admin_forms import edit_form_data

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


def listing_table(html):
    """Heading texts and row cell texts of the admin listing table, as a person reads them."""
    table = re.search(r'<table class="listing.*?</table>', html, re.S).group()

    def text(cell):
        return " ".join(re.sub(r"<[^>]+>", " ", cell).split())

    head, body = table.split("</thead>")
    headings = [text(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]
    rows = [
        [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]
    return headings, rows


def test_catalogue_list_shows_index_and_document_numbers(admin_client, catalogue):
    first = factories.make_item(catalogue, title="第一份文件", doc_number="青教发〔2025〕1号")
    second = factories.make_item(catalogue, title="第二份文件", doc_number="青教函[2025]2号")

    headings, rows = listing_table(admin_client.get("/admin/catalogue_items/?ordering=index_number").content.decode())

    assert headings[1].startswith("标题") and headings[2:4] == ["索引号", "文号"]
    assert [row[2:4] for row in rows] == [
        [first.index_number, "青教发〔2025〕1号"],
        [second.index_number, "青教函[2025]2号"],
    ]
    _, newest_first = listing_table(admin_client.get("/admin/catalogue_items/?ordering=-index_number").content.decode())
    assert [row[2] for row in newest_first] == [second.index_number, first.index_number]


def test_editor_refuses_a_validity_change_before_the_document_was_written(admin_client, catalogue):
    item = factories.make_item(catalogue, generated_date=datetime.date(2025, 3, 1))
    url = reverse("wagtailadmin_pages:edit", args=[item.pk])

    refused = admin_client.post(url, edit_form_data(item, validity="repealed", validity_date="2025-02-28"))

    assert refused.status_code == 200
    message = "有效性变更日期（2025-02-28）早于成文日期（2025-03-01）"
    assert message in refused.content.decode()
    assert message in " ".join(refused.context["form"].errors["validity_date"])
    item.refresh_from_db()
    saved = item.get_latest_revision_as_object()
    assert (saved.validity, saved.validity_date) == ("valid", None)

    accepted = admin_client.post(url, edit_form_data(item, validity="repealed", validity_date="2025-03-01"))

    assert accepted.status_code == 302
    item.refresh_from_db()
    saved = item.get_latest_revision_as_object()
    assert (saved.validity, saved.validity_date) == ("repealed", datetime.date(2025, 3, 1))


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
