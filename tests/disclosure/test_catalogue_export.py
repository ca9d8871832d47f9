"""The admin's catalogue export: a file people can open in Excel, edit, and import again unchanged."""

import codecs
import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from disclosure.catalogue.choices import DisclosureMode, NonDisclosureReason, Validity
from disclosure.catalogue.imports.importer import CatalogueImporter
from disclosure.models import CatalogueItemPage, Genre, Topic
from tests import factories

pytestmark = pytest.mark.django_db

EXPORT_URL = "/admin/catalogue_items/?export={}"
COMPARED_FIELDS = [
    "title",
    "index_number",
    "doc_number",
    "agency_id",
    "category_id",
    "generated_date",
    "published_at",
    "topic_id",
    "genre_id",
    "keywords",
    "summary",
    "body",
    "disclosure_mode",
    "non_disclosure_reason",
    "disclosure_note",
    "validity",
    "validity_date",
    "art20_item",
    "live",
]


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw"))
    return client


@pytest.fixture
def items(catalogue, other_catalogue):
    """A catalogue with what real ones hold: every disclosure mode, validity, bracket style and a draft."""
    policy = factories.make_item(
        catalogue,
        title="关于印发《青溪县中小学学籍管理办法》的通知",
        doc_number="青教发〔2025〕8号",
        category_code="0102",
        topic=Topic.objects.get(name="科技、教育"),
        genre=Genre.objects.get(name="通知"),
        keywords="学籍 管理",
        generated_date=datetime.date(2025, 3, 1),
        published_at=datetime.datetime(2025, 3, 5, 0, 0, tzinfo=datetime.UTC),  # 08:00 in Shanghai
    )
    items = {
        "policy": policy,
        "lapsed": factories.make_item(
            catalogue,
            title="关于做好2019年招生工作的意见",
            doc_number="青教[2019]3号",
            category_code="0103",
            genre=Genre.objects.get(name="意见"),
            generated_date=datetime.date(2019, 4, 2),
            validity=Validity.LAPSED,
            validity_date=datetime.date(2025, 3, 1),
        ),
        "on_request": factories.make_item(
            catalogue,
            title="校舍安全排查台账",
            category_code="1102",
            disclosure_mode=DisclosureMode.ON_REQUEST,
            disclosure_note="涉及具体学校的安全信息，依申请提供。",
        ),
        "withheld": factories.make_item(
            catalogue,
            title="学生资助对象名单",
            category_code="04",
            disclosure_mode=DisclosureMode.NOT_DISCLOSED,
            non_disclosure_reason=NonDisclosureReason.THIRD_PARTY,
            disclosure_note="含学生及家庭的个人信息。",
            validity=Validity.REPEALED,
            validity_date=datetime.date(2025, 6, 30),
        ),
        "amended": factories.make_item(
            other_catalogue,
            title="青溪县基层医疗机构管理办法",
            doc_number="青卫规（2024）2号",
            category_code="0102",
            topic=Topic.objects.get(name="卫生、体育"),
            genre=Genre.objects.get(name="办法"),
            generated_date=datetime.date(2024, 5, 6),
            validity=Validity.AMENDED,
            validity_date=datetime.date(2025, 1, 1),
            body=(
                f'<p>依据<a linktype="page" id="{policy.pk}">学籍管理办法</a>执行，'
                "详见 <b>附件</b>。</p><ul><li>第一条</li><li>第二条</li></ul>"
            ),
        ),
        "draft": factories.make_item(catalogue, title="尚未发布的草稿", live=False),
    }
    return items


def download(client, export_format):
    response = client.get(EXPORT_URL.format(export_format))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def saved(client, export_format, tmp_path):
    path = tmp_path / f"catalogue.{export_format}"
    path.write_bytes(download(client, export_format))
    return path


def snapshot():
    return {row["pk"]: row for row in CatalogueItemPage.objects.values("pk", *COMPARED_FIELDS)}


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_imports_back_without_changing_or_duplicating_anything(admin_client, items, tmp_path, export_format):
    before = snapshot()
    path = saved(admin_client, export_format, tmp_path)

    dry_run = CatalogueImporter().run(path, dry_run=True)
    assert [str(error) for error in dry_run.errors] == []
    assert (dry_run.created, dry_run.updated) == (0, len(items))

    report = CatalogueImporter().run(path)
    assert [str(error) for error in report.errors] == []
    assert (report.created, report.updated) == (0, len(items))
    assert snapshot() == before


def test_an_edited_export_changes_only_what_was_edited(admin_client, items, tmp_path):
    rows = csv_rows(download(admin_client, "csv"))
    for row in rows:
        if row["标题"] == items["on_request"].title:
            row["内容概述"] = "全县校舍安全排查结果汇总。"
            row["有效性"] = "废止"
            row["有效性变更日期"] = "2026-01-05"
    path = tmp_path / "edited.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    before = snapshot()

    report = CatalogueImporter().run(path)

    assert report.ok and report.created == 0
    after = snapshot()
    edited = after.pop(items["on_request"].pk)
    assert (edited["summary"], edited["validity"], edited["validity_date"]) == (
        "全县校舍安全排查结果汇总。",
        Validity.REPEALED,
        datetime.date(2026, 1, 5),
    )
    before.pop(items["on_request"].pk)
    assert after == before


def test_csv_export_opens_in_excel_with_labels_and_local_dates(admin_client, items, agency):
    content = download(admin_client, "csv")

    assert content.startswith(codecs.BOM_UTF8)  # Excel on Chinese Windows reads it as UTF-8, not GBK
    rows = {row["标题"]: row for row in csv_rows(content)}
    assert list(next(iter(rows.values())))[:4] == ["索引号", "标题", "文号", "机构代码"]
    policy = rows[items["policy"].title]
    assert policy["索引号"] == items["policy"].index_number
    assert policy["文号"] == "青教发〔2025〕8号"
    assert policy["机构代码"] == agency.org_code and policy["机构名称"] == agency.title
    assert policy["目录分类"] == "法规文件/行政规范性文件"
    assert (policy["成文日期"], policy["发布日期"]) == ("2025-03-01", "2025-03-05 08:00")
    assert (policy["主题分类"], policy["体裁"]) == ("科技、教育", "通知")
    assert (policy["公开方式"], policy["有效性"], policy["发布状态"]) == ("主动公开", "有效", "已发布")
    withheld = rows[items["withheld"].title]
    assert (withheld["公开方式"], withheld["不予公开理由"]) == ("不予公开", "保护第三方合法权益")
    assert (withheld["有效性"], withheld["有效性变更日期"]) == ("废止", "2025-06-30")
    assert rows[items["on_request"].title]["公开方式"] == "依申请公开"
    assert rows[items["on_request"].title]["不主动公开理由"] == "涉及具体学校的安全信息，依申请提供。"
    assert rows[items["lapsed"].title]["文号"] == "青教[2019]3号"
    assert rows[items["amended"].title]["有效性"] == "已修改"
    draft = rows[items["draft"].title]
    assert (draft["发布状态"], draft["索引号"], draft["发布日期"]) == ("草稿", "", "")
    for row in rows.values():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["成文日期"])
        assert row["发布日期"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row["发布日期"])
        assert not {"proactive", "valid", "third_party", "True", "False"} & set(row.values())


def test_xlsx_export_has_the_same_columns_labels_and_real_dates(admin_client, items):
    csv_header = list(csv_rows(download(admin_client, "csv"))[0])
    sheet = load_workbook(io.BytesIO(download(admin_client, "xlsx"))).active
    header = [cell.value for cell in sheet[1]]
    assert header == csv_header
    rows = {row[header.index("标题")].value: {h: cell for h, cell in zip(header, row)} for row in sheet.iter_rows(2)}
    policy = rows[items["policy"].title]
    assert policy["发布日期"].value == datetime.datetime(2025, 3, 5, 8, 0)
    assert policy["发布日期"].number_format == "yyyy-mm-dd hh:mm"
    assert policy["成文日期"].value == datetime.date(2025, 3, 1)
    assert policy["成文日期"].number_format == "yyyy-mm-dd"
    assert (policy["公开方式"].value, policy["有效性"].value, policy["发布状态"].value) == (
        "主动公开",
        "有效",
        "已发布",
    )
    assert rows[items["withheld"].title]["不予公开理由"].value == "保护第三方合法权益"
    assert rows[items["draft"].title]["发布状态"].value == "草稿"
