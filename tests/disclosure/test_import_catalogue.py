import csv
import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save, pre_save
from openpyxl import Workbook
from wagtail.models import Page, PageLogEntry

from disclosure.catalogue.choices import DisclosureMode, NonDisclosureReason, Validity
from disclosure.catalogue.imports.importer import CatalogueImporter
from disclosure.catalogue.imports.readers import COLUMNS
from disclosure.catalogue.stats import stats_for
from disclosure.models import CatalogueItemPage, IssuedIndexNumber
from tests import factories

pytestmark = pytest.mark.django_db


def row(agency, **values):
    base = {
        "agency_code": agency.org_code,
        "category": "行政规范性文件",
        "title": "关于做好秋季学期开学工作的通知",
        "index_number": "",
        "doc_number": "青教发[2025]8号",
        "issued_date": "2025-08-20",
        "published_date": "2025-08-22 09:30",
        "topic": "科技、教育",
        "genre": "通知",
        "disclosure_mode": "主动公开",
        "validity": "有效",
        "keywords": "开学 安全",
        "summary": "部署秋季学期开学各项准备工作。",
        "body": "第一段。\n\n第二段。",
    }
    base.update(values)
    return base


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_csv_rows_become_published_items_with_metadata(tmp_path, catalogue, agency):
    path = write_csv(
        tmp_path / "items.csv",
        [row(agency), row(agency, title="第二条", doc_number="", index_number="IMPORTED/2019-00007")],
    )
    report = CatalogueImporter().run(path)
    assert report.ok and report.created == 2
    item = CatalogueItemPage.objects.get(title="关于做好秋季学期开学工作的通知")
    assert item.live and item.agency == agency and item.category.name == "行政规范性文件"
    assert item.doc_number_key == "青教发〔2025〕8号"
    assert item.body == "<p>第一段。</p><p>第二段。</p>"
    assert item.index_number.startswith(agency.org_code)  # allocated on import
    assert item.get_parent().pk == catalogue.pk and item.url
    assert CatalogueItemPage.objects.get(title="第二条").index_number == "IMPORTED/2019-00007"
    assert IssuedIndexNumber.objects.get(value="IMPORTED/2019-00007").imported
    assert PageLogEntry.objects.filter(page=item, action="gongkai.catalogue.import").exists()


def test_imported_items_are_served_and_listed(client, tmp_path, catalogue, agency):
    write_csv(tmp_path / "items.csv", [row(agency)])
    CatalogueImporter().run(tmp_path / "items.csv")
    item = CatalogueItemPage.objects.get()
    assert client.get(item.url).status_code == 200
    assert "关于做好秋季学期开学工作的通知" in client.get(catalogue.url).content.decode()


def test_imported_items_get_addresses_made_of_their_titles_as_the_editor_makes_them(
    client, tmp_path, catalogue, agency
):
    factories.make_item(catalogue, title="关于做好秋季学期开学工作的通知", slug="关于做好秋季学期开学工作的通知")
    rows = [row(agency, doc_number=f"青教发[2025]{n}号") for n in (8, 9)]  # two more items of the same title
    write_csv(tmp_path / "items.csv", rows)
    CatalogueImporter().run(tmp_path / "items.csv")
    slugs = sorted(CatalogueItemPage.objects.values_list("slug", flat=True))
    assert slugs == [
        "关于做好秋季学期开学工作的通知",
        "关于做好秋季学期开学工作的通知-2",
        "关于做好秋季学期开学工作的通知-3",
    ]
    for item in CatalogueItemPage.objects.all():
        assert client.get(item.url).status_code == 200


def test_invalid_rows_are_reported_in_chinese_and_valid_rows_still_import(tmp_path, catalogue, agency):
    path = write_csv(
        tmp_path / "mixed.csv",
        [
            row(agency),
            row(agency, title="", category="不存在的分类", issued_date="2025-02-30", summary="字" * 101),
            row(agency, title="无效公开方式", disclosure_mode="随便"),
        ],
    )
    report = CatalogueImporter().run(path)
    assert report.created == 1
    messages = {(e.row, e.field): e.message for e in report.errors}
    assert set(messages) == {(3, "title"), (3, "category"), (3, "issued_date"), (3, "summary"), (4, "disclosure_mode")}
    assert messages[(3, "category")] == "该机构没有名为“不存在的分类”的目录分类。"
    assert "第 3 行，字段 title" in str(next(e for e in report.errors if e.field == "title"))


def test_rerunning_the_same_file_updates_instead_of_duplicating(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "items.csv", [row(agency), row(agency, title="带索引号", index_number="X/2020-00001")])
    CatalogueImporter().run(path)
    write_csv(
        path,
        [row(agency, summary="更新后的概述。"), row(agency, title="带索引号（修订）", index_number="X/2020-00001")],
    )
    report = CatalogueImporter().run(path)
    assert report.created == 0 and report.updated == 2
    assert CatalogueItemPage.objects.count() == 2
    assert CatalogueItemPage.objects.get(index_number="X/2020-00001").title == "带索引号（修订）"


def test_a_retired_index_number_cannot_be_imported_again(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "items.csv", [row(agency, index_number="X/2020-00009")])
    CatalogueImporter().run(path)
    CatalogueItemPage.objects.get().delete()
    report = CatalogueImporter().run(path)
    assert report.created == 0 and "不能重复使用" in report.errors[0].message


def test_xlsx_and_jsonl_are_read_too(tmp_path, catalogue, agency):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    sheet.append([row(agency, title="表格导入").get(c, "") for c in COLUMNS])
    workbook.save(tmp_path / "items.xlsx")
    lines = [json.dumps(row(agency, title="JSON导入"), ensure_ascii=False), "{not json"]
    (tmp_path / "items.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert CatalogueImporter().run(tmp_path / "items.xlsx").created == 1
    report = CatalogueImporter().run(tmp_path / "items.jsonl")
    assert report.created == 1 and report.errors[0].row == 2
    assert set(CatalogueItemPage.objects.values_list("title", flat=True)) == {"表格导入", "JSON导入"}


def test_gb18030_csv_from_excel_is_read(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "gbk.csv", [row(agency, title="国标编码文件")], encoding="gb18030")
    assert CatalogueImporter().run(path).created == 1


def test_html_body_is_cleaned(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "items.csv", [row(agency, body='<p onclick="x()">正文<script>alert(1)</script></p>')])
    CatalogueImporter().run(path)
    body = CatalogueItemPage.objects.get().body
    assert "script" not in body and "onclick" not in body and "正文" in body


def test_command_dry_run_writes_nothing_and_reports(tmp_path, catalogue, agency, capsys):
    path = write_csv(tmp_path / "items.csv", [row(agency), row(agency, title="", summary="")])
    call_command("import_catalogue", str(path), "--dry-run", "--no-progress")
    out, err = capsys.readouterr()
    assert CatalogueItemPage.objects.count() == 0
    assert "试运行" in out and "新增 1 条" in out
    assert "第 3 行，字段 title：标题为必填项。" in err


def test_command_agency_option_and_unreadable_files(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "items.csv", [row(agency, agency_code="")])
    call_command("import_catalogue", str(path), "--agency", agency.org_code, "--no-progress")
    assert CatalogueItemPage.objects.count() == 1
    with pytest.raises(CommandError, match="没有组织机构代码"):
        call_command("import_catalogue", str(path), "--agency", "000000000", "--no-progress")
    (tmp_path / "items.txt").write_text("x")
    with pytest.raises(CommandError):
        call_command("import_catalogue", str(tmp_path / "items.txt"), "--no-progress")


def test_draft_option_creates_unpublished_items_without_numbers(tmp_path, catalogue, agency, client):
    path = write_csv(tmp_path / "items.csv", [row(agency)])
    call_command("import_catalogue", str(path), "--draft", "--no-progress")
    item = CatalogueItemPage.objects.get()
    assert not item.live and item.index_number is None
    assert client.get(catalogue.url).content.decode().count("开学工作") == 0


def test_large_imports_refresh_the_planner_statistics(tmp_path, catalogue, agency, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from disclosure.catalogue.imports import importer

    monkeypatch.setattr(importer, "ANALYZE_AFTER_ROWS", 2)
    write_csv(tmp_path / "items.csv", [row(agency), row(agency, title="第二条")])
    with CaptureQueriesContext(connection) as queries:
        CatalogueImporter().run(tmp_path / "items.csv")
    assert any(q["sql"].startswith("ANALYZE") for q in queries.captured_queries)


@pytest.mark.parametrize("content", ["", "title,summary\n"])
def test_empty_or_headerless_files_are_reported(tmp_path, catalogue, content):
    path = tmp_path / "empty.csv"
    path.write_text(content, encoding="utf-8")
    report = CatalogueImporter().run(path)
    assert report.created == 0 and report.errors[0].field == "file"
    assert ("文件为空" if not content else "表头缺少列") in report.errors[0].message


def test_a_validity_change_before_the_issued_date_is_refused(tmp_path, catalogue, agency):
    path = write_csv(
        tmp_path / "items.csv",
        [
            row(agency, title="废止日期在成文之后", validity="废止", validity_date="2025-09-01"),
            row(agency, title="废止日期早于成文", validity="废止", validity_date="2025-08-19"),
            row(agency, title="日期写错", validity="失效", validity_date="去年"),
        ],
    )

    report = CatalogueImporter().run(path)

    assert report.created == 1
    assert CatalogueItemPage.objects.get().validity_date == datetime.date(2025, 9, 1)
    errors = {error.row: str(error) for error in report.errors}
    assert errors[3] == (
        "第 3 行，字段 validity_date：有效性变更日期（2025-08-19）早于成文日期（2025-08-20）："
        "文件不能在成文之前失效、废止或修改。"
    )
    assert errors[4].startswith("第 4 行，字段 validity_date：") and "去年" in errors[4]


def test_chinese_headings_and_labels_are_read_like_keys_and_codes(tmp_path, catalogue, agency):
    headings = ["机构代码", "目录分类", "标题", "成文日期", "公开方式", "不予公开理由", "不主动公开理由"]
    headings += ["有效性", "有效性变更日期", "内容概述", "发布状态"]
    lines = [
        headings,
        [
            agency.org_code,
            "法规文件/其他文件",
            "按标签填写",
            "2025-01-02",
            "不予公开",
            "保护第三方合法权益",
            "含个人信息。",
        ],
        [agency.org_code, "0103", "按代码填写", "2025-01-02", "not_disclosed", "state_secret", "涉密。"],
        [
            agency.org_code,
            "其他文件",
            "英文界面导出",
            "2025-01-02",
            "Disclosure on request (依申请公开)",
            "",
            "依申请提供。",
        ],
        [agency.org_code, "其他文件", "理由写错", "2025-01-02", "不予公开", "保密", "涉密。"],
    ]
    lines[1:] = [line + ["", "", "概述。", "已发布"] for line in lines[1:]]
    lines[3][7:9] = ["Lapsed (失效)", "2025-06-01"]
    path = tmp_path / "chinese.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(lines)

    report = CatalogueImporter().run(path)

    assert report.created == 3
    items = {item.title: item for item in CatalogueItemPage.objects.all()}
    assert items["按标签填写"].non_disclosure_reason == NonDisclosureReason.THIRD_PARTY
    assert items["按标签填写"].disclosure_note == "含个人信息。"
    assert items["按代码填写"].non_disclosure_reason == NonDisclosureReason.STATE_SECRET
    on_request = items["英文界面导出"]
    assert on_request.disclosure_mode == DisclosureMode.ON_REQUEST and on_request.category.code == "0103"
    assert (on_request.validity, on_request.validity_date) == (Validity.LAPSED, datetime.date(2025, 6, 1))
    [error] = report.errors
    assert (error.row, error.field) == (5, "non_disclosure_reason")
    assert error.message.startswith("未知的法定理由“保密”") and "保护第三方合法权益" in error.message


def test_every_column_rule_refuses_its_row_naming_the_column(tmp_path, catalogue, agency, other_agency):
    rows = {
        2: row(agency, agency_code="000000000"),
        3: row(agency, agency_code=""),
        4: row(agency, title="长" * 256),
        5: row(agency, category=""),
        6: row(agency, published_date="下周一"),
        7: row(agency, topic="不存在的主题"),
        8: row(agency, genre="不存在的体裁"),
        9: row(agency, disclosure_mode="依申请公开", disclosure_note=""),
        10: row(agency, disclosure_mode="不予公开", disclosure_note="涉密。", non_disclosure_reason=""),
        11: row(agency, validity="暂停"),
        12: row(agency, summary=""),
        13: row(agency, doc_number="文" * 101),
        14: row(agency, keywords="词" * 201),
        15: row(agency, index_number="X" * 101),
    }
    report = CatalogueImporter().run(write_csv(tmp_path / "rules.csv", rows.values()))

    assert report.created == 0
    assert {(e.row, e.field): e.message for e in report.errors} == {
        (2, "agency_code"): "没有组织机构代码为“000000000”的机构。",
        (3, "agency_code"): "请填写机构的组织机构代码，或在导入时使用 --agency 参数。",
        (4, "title"): "标题超过255个字符。",
        (5, "category"): "分类为必填项。",
        (6, "published_date"): "“下周一”不是有效日期，请按 YYYY-MM-DD 或 YYYY-MM-DD HH:MM 格式填写。",
        (7, "topic"): "未知的主题分类“不存在的主题”。",
        (8, "genre"): "未知的体裁“不存在的体裁”。",
        (9, "disclosure_note"): "非主动公开的条目须在 disclosure_note 列填写理由。",
        (10, "non_disclosure_reason"): "不予公开的条目须填写法定理由（non_disclosure_reason）。",
        (11, "validity"): "有效性只能是有效、失效、废止或已修改。",
        (12, "summary"): "内容概述为必填项。",
        (13, "doc_number"): "文号超过100个字符。",
        (14, "keywords"): "主题词超过200个字符。",
        (15, "index_number"): "索引号超过100个字符。",
    }

    other = write_csv(tmp_path / "other.csv", [row(other_agency)])
    [error] = CatalogueImporter(agency=agency).run(other).errors
    assert str(error) == "第 2 行，字段 agency_code：该行所属机构与 --agency 指定的机构不一致。"


def test_a_row_reports_all_its_errors_in_column_order(tmp_path, catalogue, agency):
    bad = row(agency, title="", category="不存在的分类", issued_date="", disclosure_mode="不予公开", summary="")
    report = CatalogueImporter().run(write_csv(tmp_path / "bad.csv", [bad]))
    assert [(e.field, e.message) for e in report.errors] == [
        ("title", "标题为必填项。"),
        ("category", "该机构没有名为“不存在的分类”的目录分类。"),
        ("issued_date", "“”不是有效日期，请按 YYYY-MM-DD 格式填写。"),
        ("disclosure_note", "非主动公开的条目须在 disclosure_note 列填写理由。"),
        ("non_disclosure_reason", "不予公开的条目须填写法定理由（non_disclosure_reason）。"),
        ("summary", "内容概述为必填项。"),
    ]


def test_cells_are_read_as_people_typed_them(tmp_path, catalogue, agency):
    """Spreadsheets store 8 as 8.0 and dates as dates; old systems write 2025年8月20日."""
    line = row(agency, doc_number=8.0, keywords=2025, issued_date="2025年8月20日", published_date="2025/08/22")
    (tmp_path / "cells.jsonl").write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    assert CatalogueImporter().run(tmp_path / "cells.jsonl").ok
    item = CatalogueItemPage.objects.get()
    assert (item.doc_number, item.keywords) == ("8", "2025")
    assert item.generated_date == datetime.date(2025, 8, 20)
    assert item.published_at.isoformat() == "2025-08-22T01:00:00+00:00"  # 09:00 in the site's time zone


def test_imported_items_are_stored_as_add_child_and_save_would_store_them(tmp_path, catalogue, agency):
    """Imports insert pages in bulk; what a page gets from add_child and save it gets all the same."""
    CatalogueImporter().run(write_csv(tmp_path / "items.csv", [row(agency)]))
    imported = CatalogueItemPage.objects.get()
    identity = {"id", "page_ptr_id", "path", "slug", "url_path", "translation_key", "index_number"}
    fields = [f.attname for f in CatalogueItemPage._meta.concrete_fields]
    twin = CatalogueItemPage(**{name: getattr(imported, name) for name in fields if name not in identity})
    twin.slug, twin.doc_number_key, twin.art20_item = "twin", "", None  # save derives them again
    catalogue.add_child(instance=twin)

    def stored(item):
        return CatalogueItemPage.objects.filter(pk=item.pk).values(*fields).get()

    imported_row, twin_row = stored(imported), stored(twin)
    assert imported_row["url_path"] == f"{catalogue.url_path}{imported.slug}/"
    assert imported_row["path"][: -Page.steplen] == twin_row["path"][: -Page.steplen] == catalogue.path
    assert {k: v for k, v in imported_row.items() if k not in identity} == {
        k: v for k, v in twin_row.items() if k not in identity
    }
    catalogue.refresh_from_db()
    assert catalogue.numchild == 2

    # Updated in bulk too: saving the item again the ordinary way changes nothing.
    changed = row(agency, index_number=imported.index_number, doc_number="青教发(2025)9号", category="0103")
    assert CatalogueImporter().run(write_csv(tmp_path / "changed.csv", [changed])).updated == 1
    before = stored(imported)
    assert before["doc_number_key"] == "青教发〔2025〕9号"
    CatalogueItemPage.objects.get(pk=imported.pk).save(clean=False)
    assert stored(imported) == before


def test_imported_items_are_found_by_the_admins_page_search(admin_client, tmp_path, catalogue, agency):
    CatalogueImporter().run(write_csv(tmp_path / "live.csv", [row(agency, title="关于萤火虫栖息地保护的通知")]))
    draft = row(agency, title="关于萤火虫观测点设置的通知（草稿）")
    CatalogueImporter(publish=False).run(write_csv(tmp_path / "draft.csv", [draft]))

    page = admin_client.get("/admin/pages/search/", {"q": "萤火虫"}).content.decode()
    assert "关于萤火虫栖息地保护的通知" in page and "关于萤火虫观测点设置的通知（草稿）" in page

    renamed = row(agency, title="关于萤火虫与蜻蜓栖息地保护的通知")
    renamed["index_number"] = CatalogueItemPage.objects.get(live=True).index_number
    CatalogueImporter().run(write_csv(tmp_path / "renamed.csv", [renamed]))
    assert [p.title for p in Page.objects.search("蜻蜓")] == ["关于萤火虫与蜻蜓栖息地保护的通知"]


def test_a_page_saved_while_an_import_runs_is_still_indexed(tmp_path, catalogue, agency, monkeypatch):
    """Nothing is switched off for the whole process: a request saving a page meanwhile is indexed as usual."""
    meanwhile = []
    log = CatalogueImporter._log

    def log_while_an_editor_saves(importer, items, action):
        if not meanwhile:
            meanwhile.append(factories.make_item(catalogue, title="关于湿地巡护排班的通知", live=False))
        return log(importer, items, action)

    monkeypatch.setattr(CatalogueImporter, "_log", log_while_an_editor_saves)
    assert CatalogueImporter().run(write_csv(tmp_path / "items.csv", [row(agency)])).created == 1
    assert meanwhile and [p.title for p in Page.objects.search("湿地巡护")] == ["关于湿地巡护排班的通知"]


def test_an_import_refreshes_the_catalogue_counts(tmp_path, catalogue, agency):
    def public_items():
        return CatalogueItemPage.objects.live().filter(agency=agency)

    assert stats_for(agency.pk, public_items).total == 0
    CatalogueImporter().run(write_csv(tmp_path / "items.csv", [row(agency), row(agency, title="第二条")]))
    assert stats_for(agency.pk, public_items).total == 2


# Items are written in bulk, without Model.save: no receiver of these signals runs for an
# import. The importer does what each one would have done, or deliberately not.
SAVE_RECEIVERS = {
    pre_save: {
        "wagtail.models.i18n.set_locale_on_new_instance": "the importer gives items their catalogue's locale",
    },
    post_save: {
        "modelsearch.signal_handlers.post_save_signal_handler": "bulk_pages.index_pages, once per batch",
        "disclosure.signals.refresh_catalogue_stats_on_live_save": "stats.invalidate, once per batch and agency",
        "wagtail.signal_handlers.update_reference_index_on_save": "not done, as imports never did: too slow per row",
    },
}


@pytest.mark.parametrize("signal", SAVE_RECEIVERS, ids=["pre_save", "post_save"])
def test_the_importer_stands_in_for_every_save_receiver_of_an_item(signal):
    sync_receivers, async_receivers = signal._live_receivers(CatalogueItemPage)
    receivers = {f"{r.__module__}.{r.__qualname__}" for r in [*sync_receivers, *async_receivers]}
    new = receivers - set(SAVE_RECEIVERS[signal])
    assert not new, (
        f"{sorted(new)} now receive(s) saved catalogue items; imports write items in bulk without "
        "signals (disclosure/catalogue/imports/bulk_pages.py): make the importer do what it does, then list it here."
    )


def test_a_csv_cell_longer_than_csvs_own_limit_is_imported(tmp_path, catalogue, agency):
    path = write_csv(tmp_path / "items.csv", [row(agency, body="很长的正文。" * 25_000)])  # 150,000 characters
    call_command("import_catalogue", str(path), "--no-progress")
    assert len(CatalogueItemPage.objects.get().body) > 150_000


def test_files_csv_or_json_cannot_parse_end_the_command_with_a_clean_error(tmp_path, catalogue, capsys):
    path = tmp_path / "items.csv"
    path.write_text("category,title\n行政规范性文件,关于\r开学的通知\n", encoding="utf-8", newline="")
    with pytest.raises(CommandError, match="没有导入任何数据"):
        call_command("import_catalogue", str(path), "--no-progress")
    assert "CSV 文件第 2 行无法读取" in capsys.readouterr().err

    path = tmp_path / "items.jsonl"
    path.write_text('{"title": ' + "[" * 100_000 + "}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="没有导入任何数据"):
        call_command("import_catalogue", str(path), "--no-progress")
    assert "第 1 行嵌套过深，无法读取。" in capsys.readouterr().err
