"""导入目录 in the admin, driven through its screens as an agency's editor would use them."""

import csv
import datetime
import io
import logging
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook
from wagtail.models import ModelLogEntry, PageLogEntry

from disclosure import tasks
from disclosure.catalogue.imports import jobs, transitions, uploads
from disclosure.catalogue.imports.readers import COLUMNS
from disclosure.models import AgencyRole, CatalogueItemPage, ImportJob, ImportUpload
from tests import factories
from tests.celery_worker import real_worker, wait_until

UPLOAD_URL = "/admin/catalogue-imports/upload/"
HISTORY_URL = "/admin/catalogue-imports/"


def row(agency, **values):
    base = {
        "agency_code": agency.org_code,
        "category": "行政规范性文件",
        "title": "关于做好秋季学期开学工作的通知",
        "doc_number": "青教发〔2025〕8号",
        "issued_date": "2025-08-20",
        "published_date": "2025-08-22 09:30",
        "genre": "通知",
        "disclosure_mode": "主动公开",
        "validity": "有效",
        "summary": "部署秋季学期开学各项准备工作。",
        "body": "第一段。\n\n第二段。",
    }
    base.update(values)
    return base


def csv_file(rows, name="目录.csv", encoding="utf-8-sig"):
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="目录.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append([values.get(column, "") for column in COLUMNS])
    content = io.BytesIO()
    workbook.save(content)
    return SimpleUploadedFile(name, content.getvalue())


def job_url(job, view=""):
    return f"/admin/catalogue-imports/{job.pk}/{view + '/' if view else ''}"


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def editor(agency):
    return factories.make_user("editor", agency, AgencyRole.EDITOR, first_name="王编辑")


@pytest.fixture
def other_editor(other_agency):
    return factories.make_user("other-editor", other_agency, AgencyRole.EDITOR)


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def upload(client, catalogue, file):
    return client.post(UPLOAD_URL, {"catalogue": catalogue.pk, "file": file})


def previewed(client, catalogue, file):
    response = upload(client, catalogue, file)
    assert response.status_code == 302, text_of(response)
    job = ImportJob.objects.latest("pk")
    assert response["Location"] == job_url(job)
    return job


def confirm(client, job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(job_url(job, "confirm"))
    assert response.status_code == 302
    job.refresh_from_db()
    return job


def test_editors_find_the_import_under_the_disclosure_menu_and_others_do_not(client, catalogue, agency, editor):
    client.force_login(editor)
    assert UPLOAD_URL in client.get("/admin/").content.decode()
    page = client.get(UPLOAD_URL)
    assert page.status_code == 200
    assert "导入目录" in text_of(page) and "青溪县教育局 · 信息公开目录" in text_of(page)

    reviewer = factories.make_user("secrecy", agency, AgencyRole.SECRECY_REVIEWER)
    client.force_login(reviewer)
    assert UPLOAD_URL not in client.get("/admin/").content.decode()
    refused = client.get(UPLOAD_URL)  # Wagtail answers a permission denied with the dashboard and a message
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_the_dry_run_lists_row_errors_in_chinese_and_writes_no_item(as_editor, catalogue, agency):
    file = csv_file(
        [
            row(agency),
            row(agency, title="第二份通知", doc_number=""),
            row(agency, title="缺概述的通知", summary="", issued_date="2025-02-30"),
        ]
    )
    job = previewed(as_editor, catalogue, file)

    assert CatalogueItemPage.objects.count() == 0
    assert job.state == "previewed" and job.total_rows == 3
    assert job.preview["created"] == 2 and job.preview["skipped"] == 1
    assert ImportUpload.objects.filter(job=job).exists()
    page = text_of(as_editor.get(job_url(job)))
    assert "试运行结果：尚未写入任何内容" in page
    assert re.search(r'将新增</th><td data-count="created">2<', page)
    assert "<td>4</td><td>成文日期（issued_date）</td>" in page
    assert "“2025-02-30”不是有效日期" in page
    assert "<td>4</td><td>内容概述（summary）</td>" in page
    assert "确认导入" in page


def test_confirming_imports_the_rows_as_drafts_and_records_the_result(
    as_editor, catalogue, agency, editor, django_capture_on_commit_callbacks
):
    job = previewed(as_editor, catalogue, xlsx_file([row(agency), row(agency, title="第二份通知", summary="")]))
    job = confirm(as_editor, job, django_capture_on_commit_callbacks)

    item = CatalogueItemPage.objects.get()
    assert item.title == "关于做好秋季学期开学工作的通知" and item.get_parent().pk == catalogue.pk
    assert not item.live and item.owner == editor  # a draft, for the review (先审查、后公开)
    assert PageLogEntry.objects.filter(page=item, action="gongkai.catalogue.import", user=editor).exists()
    assert job.state == "finished" and job.rows_done == job.total_rows == 2
    assert (job.result["created"], job.result["updated"], job.result["skipped"]) == (1, 0, 1)
    assert not ImportUpload.objects.filter(job=job).exists()  # the file goes once imported
    page = text_of(as_editor.get(job_url(job)))
    assert "导入完成" in page and re.search(r'新增（草稿）</th><td data-count="created">1<', page)
    assert "<td>3</td><td>内容概述（summary）</td>" in page
    assert as_editor.get(job_url(job, "status")).json() == {
        "state": "finished",
        "state_label": "已完成",
        "in_progress": False,
        "rows_done": 2,
        "total_rows": 2,
        "progress_text": "已处理 2 / 2 行",
    }
    steps = list(ModelLogEntry.objects.filter(object_id=str(job.pk)).order_by("pk").values_list("action", flat=True))
    assert steps == [f"gongkai.catalogue_import.{step}" for step in ("previewed", "queued", "started", "finished")]
    history = text_of(as_editor.get(HISTORY_URL))
    assert "目录.xlsx" in history and "新增 1 条，更新 0 条，跳过 1 行" in history


def test_an_import_updates_its_own_drafts_but_never_a_published_item(
    as_editor, catalogue, agency, django_capture_on_commit_callbacks
):
    published = factories.make_item(catalogue, title="已发布的通知")
    first = previewed(as_editor, catalogue, csv_file([row(agency, index_number="QX/2019-00001")]))
    confirm(as_editor, first, django_capture_on_commit_callbacks)

    again = previewed(
        as_editor,
        catalogue,
        csv_file(
            [
                row(agency, index_number="QX/2019-00001", summary="修改后的概述。"),
                row(agency, title="已发布的通知（改）", index_number=published.index_number),
            ]
        ),
    )
    assert (again.preview["created"], again.preview["updated"], again.preview["skipped"]) == (0, 1, 1)
    assert "请在页面编辑器中修改并提交审核（先审查、后公开）" in text_of(as_editor.get(job_url(again)))
    confirm(as_editor, again, django_capture_on_commit_callbacks)
    assert CatalogueItemPage.objects.get(index_number="QX/2019-00001").summary == "修改后的概述。"
    published.refresh_from_db()
    assert published.title == "已发布的通知" and published.live


def test_rows_of_another_agency_are_refused(as_editor, catalogue, agency, other_agency, other_catalogue):
    job = previewed(as_editor, catalogue, csv_file([row(agency), row(other_agency, title="他局的文件")]))
    assert job.preview["created"] == 1 and job.preview["skipped"] == 1
    page = text_of(as_editor.get(job_url(job)))
    assert f"该行属于另一个机构（{other_agency.org_code}）；本次导入的是“青溪县教育局”的目录。" in page


def test_another_agencys_editor_can_reach_neither_the_catalogue_nor_the_job(
    client, catalogue, agency, other_catalogue, editor, other_editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    job = previewed(client, catalogue, csv_file([row(agency)]))

    client.force_login(other_editor)
    form = client.get(UPLOAD_URL)
    assert "青溪县教育局" not in text_of(form) and "青溪县卫生健康局 · 信息公开目录" in text_of(form)
    refused = upload(client, catalogue, csv_file([row(agency, title="越权导入")]))
    assert refused.status_code == 400 and "选择一个有效的选项" in text_of(refused)
    for view in ("", "status"):
        assert client.get(job_url(job, view)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(job_url(job, "confirm")).status_code == 404
        assert client.post(job_url(job, "discard")).status_code == 404
    assert "目录.csv" not in text_of(client.get(HISTORY_URL))
    job.refresh_from_db()
    assert job.state == "previewed" and CatalogueItemPage.objects.count() == 0
    assert ImportJob.objects.count() == 1


def test_superusers_may_import_into_any_catalogue(client, catalogue, other_catalogue, other_agency):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw"))
    job = previewed(client, other_catalogue, csv_file([row(other_agency)]))
    assert job.agency == other_agency and job.preview["created"] == 1


def broken_workbook():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    return content.getvalue()


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "目录.csv",
            "标题,目录分类\n通知,规范性文件\n".encode() + b"\xff\xfe\x80",
            "CSV 文件既不是 UTF-8 编码，也不是 GB18030 编码",
        ),
        ("目录.csv", "title,summary\n通知,概述\n".encode(), "表头缺少列"),
        ("目录.csv", b"title,category,summary\n", "文件只有表头，没有可导入的行"),
        ("目录.csv", b"", "所提交的是空文件"),
        ("目录.xlsx", b"PK\x03\x04not really a zip", "不是 XLSX 工作簿"),
        ("目录.xlsx", "标题,目录分类\n".encode(), "文件可能已损坏"),
        ("目录.xlsx", broken_workbook(), "无法读取该 XLSX 工作簿"),
        ("目录.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "旧版 Excel（.xls）"),
        ("目录.txt", b"title,category\n", "不支持的文件类型"),
    ],
)
def test_unreadable_files_are_refused_on_the_form_in_chinese(as_editor, catalogue, name, content, message):
    response = upload(as_editor, catalogue, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in text_of(response)
    assert ImportJob.objects.count() == 0 and CatalogueItemPage.objects.count() == 0


def test_files_over_the_size_or_row_limit_are_refused(as_editor, catalogue, agency, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 100)
    response = upload(as_editor, catalogue, csv_file([row(agency)]))
    assert response.status_code == 400 and "文件超过 100 字节：请拆分为多个文件。" in text_of(response)
    monkeypatch.setattr(uploads, "MAX_BYTES", 10_000)
    monkeypatch.setattr(uploads, "MAX_ROWS", 1)
    response = upload(as_editor, catalogue, csv_file([row(agency), row(agency, title="第二份通知")]))
    assert response.status_code == 400 and "文件超过 1 行：请拆分为多个文件。" in text_of(response)
    assert ImportJob.objects.count() == 0


def test_gbk_csv_and_jsonl_are_read(as_editor, catalogue, agency):
    gbk = previewed(as_editor, catalogue, csv_file([row(agency)], encoding="gb18030"))
    assert gbk.preview["created"] == 1 and gbk.file_format == "csv"
    line = '{"category": "行政规范性文件", "title": "JSON通知", "issued_date": "2025-08-20", "summary": "概述"}'
    jsonl = previewed(as_editor, catalogue, SimpleUploadedFile("目录.jsonl", line.encode()))
    assert jsonl.preview["created"] == 1 and jsonl.file_format == "jsonl"


def test_a_discarded_preview_drops_its_file_and_cannot_be_confirmed(as_editor, catalogue, agency):
    job = previewed(as_editor, catalogue, csv_file([row(agency)]))
    response = as_editor.post(job_url(job, "discard"))
    assert response.status_code == 302 and response["Location"] == UPLOAD_URL
    job.refresh_from_db()
    assert job.state == "discarded" and not ImportUpload.objects.filter(job=job).exists()
    as_editor.post(job_url(job, "confirm"))
    job.refresh_from_db()
    assert job.state == "discarded" and CatalogueItemPage.objects.count() == 0
    assert "无法再执行该操作" in text_of(as_editor.get(job_url(job)))


def test_a_preview_left_unconfirmed_for_a_day_loses_its_file(as_editor, catalogue, agency):
    stale = previewed(as_editor, catalogue, csv_file([row(agency)]))
    ImportJob.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    previewed(as_editor, catalogue, csv_file([row(agency, title="新的文件")]))
    stale.refresh_from_db()
    assert stale.state == "discarded" and not ImportUpload.objects.filter(job=stale).exists()


def test_a_dry_run_without_importable_rows_offers_no_confirmation(as_editor, catalogue, agency):
    job = previewed(as_editor, catalogue, csv_file([row(agency, summary="")]))
    page = text_of(as_editor.get(job_url(job)))
    assert "没有可以导入的行" in page and "确认导入" not in page
    as_editor.post(job_url(job, "confirm"))
    job.refresh_from_db()
    assert job.state == "previewed"


def test_an_import_that_breaks_is_recorded_as_failed(
    as_editor, catalogue, agency, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    job = previewed(as_editor, catalogue, csv_file([row(agency)]))

    def breaks(*args, **kwargs):
        raise RuntimeError("数据库连接中断")

    monkeypatch.setattr(jobs.CatalogueImporter, "run", breaks)
    with caplog.at_level(logging.ERROR, logger=jobs.logger.name):
        job = confirm(as_editor, job, django_capture_on_commit_callbacks)
    assert job.state == "failed" and "导入因意外错误而中断" in job.failure
    page = text_of(as_editor.get(job_url(job)))
    assert "导入失败" in page and "服务器日志" in page
    assert "数据库连接中断" not in job.failure and "数据库连接中断" not in page  # the details are the log's
    assert "数据库连接中断" in caplog.text


def test_a_broker_that_refuses_the_task_fails_the_job_instead_of_leaving_it_queued(as_editor, catalogue, agency):
    job = previewed(as_editor, catalogue, csv_file([row(agency)]))
    ImportJob.objects.filter(pk=job.pk).update(state="queued")

    def refuses(job_id):
        raise ConnectionError("broker unreachable")

    jobs.hand_to_worker(job.pk, refuses)
    job.refresh_from_db()
    assert job.state == "failed" and "无法将导入提交给后台任务" in job.failure
    assert "broker" not in job.failure


def test_the_progress_page_polls_while_the_worker_imports(as_editor, catalogue, agency):
    job = previewed(as_editor, catalogue, csv_file([row(agency), row(agency, title="第二份通知")]))
    ImportJob.objects.filter(pk=job.pk).update(state="running", rows_done=1)
    page = text_of(as_editor.get(job_url(job)))
    assert 'data-status-url="/admin/catalogue-imports/' in page and "import_progress.js" in page
    assert '<progress max="2" value="1"' in page and "已处理 1 / 2 行" in page
    assert as_editor.get(job_url(job, "status")).json()["in_progress"] is True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_confirmed_import_runs_in_a_real_worker(client):
    """With CI's RabbitMQ/Redis (CELERY_BROKER_URL) the job crosses the network; locally over memory://."""
    agency = factories.make_agency(title="青溪县交通运输局", short_name="县交通局")
    catalogue = factories.make_catalogue(agency)
    client.force_login(factories.make_user("worker-editor", agency, AgencyRole.EDITOR))
    job = previewed(client, catalogue, csv_file([row(agency), row(agency, title="关于公交线路调整的通知")]))
    with real_worker():
        assert client.post(job_url(job, "confirm")).status_code == 302
        assert wait_until(lambda: ImportJob.objects.get(pk=job.pk).state == "finished")
    job.refresh_from_db()
    assert job.result["created"] == 2 and job.rows_done == 2
    assert set(CatalogueItemPage.objects.filter(agency=agency).values_list("title", flat=True)) == {
        "关于做好秋季学期开学工作的通知",
        "关于公交线路调整的通知",
    }


def test_a_csv_cell_longer_than_csvs_own_limit_is_read(as_editor, catalogue, agency):
    job = previewed(as_editor, catalogue, csv_file([row(agency, body="很长的正文。" * 25_000)]))  # 150,000 characters
    assert job.preview["created"] == 1


def test_a_csv_file_csv_cannot_parse_is_refused_on_the_form_in_chinese(as_editor, catalogue):
    content = "category,title\n行政规范性文件,关于\r开学的通知\n".encode()  # a lone carriage return inside a cell
    response = upload(as_editor, catalogue, SimpleUploadedFile("目录.csv", content))
    assert response.status_code == 400
    assert "CSV 文件第 2 行无法读取：请检查其中的引号和换行。" in text_of(response)
    assert ImportJob.objects.count() == 0


def test_a_json_line_nested_too_deeply_is_a_row_error(as_editor, catalogue, agency):
    lines = [
        '{"category": "行政规范性文件", "title": "JSON通知", "issued_date": "2025-08-20", "summary": "概述"}',
        '{"title": ' + "[" * 100_000 + "}",
    ]
    job = previewed(as_editor, catalogue, SimpleUploadedFile("目录.jsonl", "\n".join(lines).encode()))
    assert job.preview["created"] == 1 and job.preview["skipped"] == 1
    assert "第 2 行嵌套过深，无法读取。" in text_of(as_editor.get(job_url(job)))


def workbook_claiming_one_cell(rows):
    """An XLSX whose sheet's <dimension> claims the sheet is the cell A1, whatever it holds."""
    original = zipfile.ZipFile(io.BytesIO(xlsx_file(rows).read()))
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A1"', data)
            archive.writestr(entry, data)
    return SimpleUploadedFile("目录.xlsx", content.getvalue())


def test_a_workbook_is_read_whole_and_its_row_limit_enforced_whatever_its_dimension_claims(
    as_editor, catalogue, agency, monkeypatch
):
    rows = [row(agency, title=f"第{n}份通知") for n in range(3)]
    job = previewed(as_editor, catalogue, workbook_claiming_one_cell(rows))
    assert job.total_rows == 3 and job.preview["created"] == 3

    monkeypatch.setattr(uploads, "MAX_ROWS", 2)
    response = upload(as_editor, catalogue, workbook_claiming_one_cell(rows))
    assert response.status_code == 400 and "文件超过 2 行：请拆分为多个文件。" in text_of(response)
    assert ImportJob.objects.count() == 1


def test_imports_whose_worker_died_are_failed_by_the_sweep(
    as_editor, catalogue, agency, django_capture_on_commit_callbacks
):
    stalled = previewed(as_editor, catalogue, csv_file([row(agency)]))
    with django_capture_on_commit_callbacks(execute=False):  # no worker takes it
        as_editor.post(job_url(stalled, "confirm"))
    waiting = previewed(as_editor, catalogue, csv_file([row(agency, title="刚确认的通知")]))
    with django_capture_on_commit_callbacks(execute=False):
        as_editor.post(job_url(waiting, "confirm"))
    ImportJob.objects.filter(pk=stalled.pk).update(progress_at=timezone.now() - datetime.timedelta(minutes=31))

    assert tasks.fail_stalled_catalogue_imports() == 1

    stalled.refresh_from_db()
    assert stalled.state == "failed" and "后台任务没有响应" in stalled.failure
    assert not ImportUpload.objects.filter(job=stalled).exists()
    assert as_editor.get(job_url(stalled, "status")).json()["in_progress"] is False  # the page stops polling
    assert ModelLogEntry.objects.filter(object_id=str(stalled.pk), action="gongkai.catalogue_import.failed").exists()
    waiting.refresh_from_db()
    assert waiting.state == "queued" and ImportUpload.objects.filter(job=waiting).exists()


def test_an_old_preview_confirmed_while_another_file_is_uploaded_is_left_to_its_import(
    as_editor, catalogue, agency, editor, monkeypatch
):
    old = previewed(as_editor, catalogue, csv_file([row(agency)]))
    ImportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    discard = transitions.discard

    def confirmed_meanwhile(job, actor):  # another request confirms it between the listing and the discard
        transitions.confirm(job, editor)
        return discard(job, actor)

    monkeypatch.setattr(transitions, "discard", confirmed_meanwhile)
    previewed(as_editor, catalogue, csv_file([row(agency, title="新的文件")]))
    old.refresh_from_db()
    assert old.state == "queued" and ImportUpload.objects.filter(job=old).exists()


def test_the_import_runs_as_the_editor_who_confirmed_it(
    client, catalogue, agency, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    job = previewed(client, catalogue, csv_file([row(agency)]))
    colleague = factories.make_user("colleague", agency, AgencyRole.EDITOR)
    client.force_login(colleague)
    job = confirm(client, job, django_capture_on_commit_callbacks)
    assert job.state == "finished" and job.user == editor and job.confirmed_by == colleague
    item = CatalogueItemPage.objects.get()
    assert item.owner == colleague
    assert PageLogEntry.objects.filter(page=item, action="gongkai.catalogue.import", user=colleague).exists()


def test_an_import_whose_confirmer_lost_the_permission_fails_without_writing(
    as_editor, catalogue, agency, editor, django_capture_on_commit_callbacks
):
    job = previewed(as_editor, catalogue, csv_file([row(agency)]))
    with django_capture_on_commit_callbacks(execute=False):
        as_editor.post(job_url(job, "confirm"))
    editor.groups.clear()  # moved to another post before the worker took the job

    jobs.run(job.pk)

    job.refresh_from_db()
    assert job.state == "failed" and "确认本次导入的用户已无权导入此目录" in job.failure
    assert CatalogueItemPage.objects.count() == 0 and not ImportUpload.objects.filter(job=job).exists()
