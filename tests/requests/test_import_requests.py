"""``manage.py import_requests``: a register of requests handled before Gongkai, whole or not at all."""

import csv
import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from openpyxl import Workbook

from disclosure.management.commands.import_requests import Command
from disclosure.models import DisclosureRequest, RequestEvent
from disclosure.requests import encryption, intake
from disclosure.requests.choices import ApplicantType, IntakeChannel, Outcome, RequestState
from disclosure.requests.imports.importer import RequestImporter
from tests.requests.helpers import VALID_ID, application_data, day, handler_of

pytestmark = pytest.mark.django_db

HEADINGS = [
    "申请编号",
    "申请人类型",
    "申请人",
    "证件号码",
    "联系电话",
    "收到日期",
    "渠道",
    "申请内容",
    "办理结果",
    "答复日期",
    "转入下年",
]


def rows(agency):
    return [
        # Decided within its year.
        [
            f"{agency.short_name}依申〔2025〕7号",
            "自然人",
            "李四",
            VALID_ID,
            "13800000001",
            "2025-03-03",
            "信函",
            "申请公开2024年县教育经费执行情况。",
            "予以公开",
            "2025-03-20",
            "否",
        ],
        # Received in December, decided in January: carried over into 2026.
        [
            f"{agency.short_name}依申〔2025〕12号",
            "商业企业",
            "青溪某建设有限公司",
            "",
            "",
            "2025/12/22",
            "当面",
            "申请公开城区学校改扩建工程的招标文件。",
            "不予公开-国家秘密",
            "2026年1月9日",
            "是",
        ],
        # Still open: its clock runs from its date of receipt.
        [
            "",
            "法律服务机构",
            "青溪某律师事务所",
            "",
            "",
            "2026-11-16",
            "电子邮件",
            "申请公开2026年教师招聘面试成绩。",
            "",
            "",
            "",
        ],
        # A row of report table 三 by its number.
        ["", "其他", "某协会", "", "", "2025-05-06", "传真", "申请公开某协会登记材料。", "（五）2", "2025-05-08", "否"],
    ]


def write_csv(path, table, encoding="utf-8-sig", headings=HEADINGS):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(headings)
        writer.writerows(table)
    return path


def run(path, agency=None, dry_run=False):
    return RequestImporter(agency=agency).run(path, dry_run=dry_run)


def test_a_register_becomes_decided_and_open_requests(tmp_path, agency):
    report = run(write_csv(tmp_path / "台账.csv", rows(agency)), agency=agency)
    assert report.ok, report.errors
    assert (report.open, report.decided, report.archived) == (1, 3, 0)

    decided = DisclosureRequest.objects.get(number=f"{agency.short_name}依申〔2025〕7号")
    assert decided.state == RequestState.DECIDED and decided.outcome == Outcome.DISCLOSED
    assert decided.decided_on == day("2025-03-20") and decided.received_on == day("2025-03-03")
    assert decided.channel == IntakeChannel.LETTER and decided.applicant_type == ApplicantType.PERSON
    assert decided.due_date == day("2025-03-31")  # 20 working days after 03-03
    assert decided.submitted_at.date() == day("2025-03-03")

    secret = DisclosureRequest.objects.get(number=f"{agency.short_name}依申〔2025〕12号")
    assert secret.outcome == Outcome.STATE_SECRET and secret.decided_on == day("2026-01-09")

    still_open = DisclosureRequest.objects.get(applicant_name="青溪某律师事务所")
    assert still_open.state == RequestState.IN_PROGRESS
    assert still_open.clock_start == day("2026-11-16") and still_open.due_date == day("2026-12-14")
    assert still_open.number == f"{agency.short_name}依申〔2026〕1号"  # allocated in its year of receipt

    repeated = DisclosureRequest.objects.get(applicant_name="某协会")
    assert repeated.outcome == Outcome.REPEATED and repeated.number == f"{agency.short_name}依申〔2025〕13号"

    # 上年结转 of the 2026 report: received in 2025, not decided in 2025.
    carried = DisclosureRequest.objects.filter(received_on__year=2025).exclude(decided_on__year=2025)
    assert list(carried) == [secret]
    assert RequestEvent.objects.filter(request=decided, kind="decided").exists()


def test_personal_data_is_stored_as_the_form_stores_it(tmp_path, agency):
    run(write_csv(tmp_path / "台账.csv", rows(agency)), agency=agency)
    request = DisclosureRequest.objects.get(applicant_name="李四")
    assert encryption.decrypt_text(request.id_number_token) == VALID_ID
    assert request.id_number_masked == "1101**********002X"
    assert request.applicant_fingerprint
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {DisclosureRequest._meta.db_table} WHERE id = %s", [request.pk])
        stored = repr(cursor.fetchone())
    assert VALID_ID not in stored


def test_the_desk_numbers_after_the_imported_ones(tmp_path, agency):
    today = datetime.date.today()
    table = rows(agency)[2:3]
    table[0][0] = f"{agency.short_name}依申〔{today.year}〕41号"
    table[0][5] = f"{today:%Y-%m-%d}"
    run(write_csv(tmp_path / "台账.csv", table), agency=agency)
    fresh = intake.register(
        agency, handler_of(agency), application_data(), channel="in_person", received_on=today
    ).request
    assert fresh.number == f"{agency.short_name}依申〔{today.year}〕42号"


def test_gbk_csv_and_xlsx_are_read(tmp_path, agency):
    assert run(write_csv(tmp_path / "gbk.csv", rows(agency)[:1], encoding="gbk"), agency=agency).ok
    book = Workbook()
    sheet = book.active
    sheet.append(HEADINGS + ["归档日期", "序号"])
    sheet.append(
        [
            "",
            "自然人",
            "王五",
            "",
            "",
            datetime.datetime(2024, 6, 3),
            "网络",
            "申请公开某文件。",
            "（四）1",
            datetime.datetime(2024, 6, 20),
            "否",
            datetime.datetime(2024, 7, 1),
            1,
        ]
    )
    book.save(tmp_path / "register.xlsx")
    report = run(tmp_path / "register.xlsx", agency=agency)
    assert report.ok, report.errors
    assert report.archived == 1 and report.warnings and "序号" in report.warnings[0]
    archived = DisclosureRequest.objects.get(applicant_name="王五")
    assert archived.state == RequestState.ARCHIVED and archived.archived_on == day("2024-07-01")
    assert archived.outcome == Outcome.NOT_HELD


@pytest.mark.parametrize(
    "label",
    [
        "不予公开-国家秘密",
        "不予公开：属于国家秘密",
        "(三)1 不予公开：属于国家秘密",
        "三(三)1",
        "（三）1",
        "not_disclosed.state_secret",
    ],
)
def test_outcomes_are_read_in_the_forms_registers_write_them(tmp_path, agency, label):
    table = rows(agency)[:1]
    table[0][8] = label
    assert run(write_csv(tmp_path / "a.csv", table), agency=agency).ok
    assert DisclosureRequest.objects.get().outcome == Outcome.STATE_SECRET


def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path, agency):
    table = rows(agency)
    table[0][1] = "外星人"  # row 2: applicant type
    table[1][10] = "否"  # row 3: decided in the next year but "not carried over"
    table[2][5] = "2026-13-01"  # row 4: no such date
    table[3][8] = "不予公开"  # row 5: which of the eight?
    table.append(["", "自然人", "赵六", "110105194912310021", "", "2025-01-02", "", "某信息", "", "2025-02-01", ""])
    report = run(write_csv(tmp_path / "bad.csv", table), agency=agency)
    found = {(error.row, error.field) for error in report.errors}
    assert found == {
        (2, "applicant_type"),
        (3, "carried_over"),
        (4, "received_on"),
        (5, "outcome"),
        (6, "id_number"),  # checksum
        (6, "outcome"),  # a date of reply without an outcome
    }
    assert str(report.errors[0]).startswith("第 2 行，字段 applicant_type：")
    assert "自然人" in str(report.errors[0])
    assert not DisclosureRequest.objects.exists()


def test_numbers_already_taken_are_refused(tmp_path, agency):
    table = rows(agency)
    table[3][0] = table[0][0]
    report = run(write_csv(tmp_path / "twice.csv", table), agency=agency)
    assert [(error.row, error.field) for error in report.errors] == [(5, "number")]
    assert "2" in report.errors[0].message  # names the row it repeats
    assert run(write_csv(tmp_path / "ok.csv", rows(agency)), agency=agency).ok
    again = run(write_csv(tmp_path / "again.csv", rows(agency)[:1]), agency=agency)
    assert [(error.row, error.field) for error in again.errors] == [(2, "number")]


def test_the_command_dry_run_writes_nothing_and_errors_fail(tmp_path, agency):
    path = write_csv(tmp_path / "台账.csv", rows(agency))
    out = StringIO()
    call_command("import_requests", str(path), "--agency", agency.org_code, "--dry-run", stdout=out)
    assert "4" in out.getvalue() and not DisclosureRequest.objects.exists()
    call_command("import_requests", str(path), "--agency", agency.org_code, stdout=StringIO())
    assert DisclosureRequest.objects.count() == 4

    missing = write_csv(tmp_path / "missing.csv", [["李四"]], headings=["申请人"])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_requests", str(missing), "--agency", agency.org_code, stderr=err)
    assert "received_on" in err.getvalue() and "申请内容" in err.getvalue()


def test_the_command_help_lists_the_accepted_values():
    for value in ("自然人", "法律服务机构", "不予公开-国家秘密", "三(三)1", "办理中", "转入下年", "归档日期"):
        assert value in Command.help


def test_rows_name_their_agency_or_the_import_does(tmp_path, agency, other_agency):
    headings = ["机构代码", *HEADINGS]
    table = [[agency.org_code, *rows(agency)[0]], [other_agency.org_code, *rows(agency)[3]]]
    report = run(write_csv(tmp_path / "two.csv", table, headings=headings))
    assert report.ok, report.errors
    assert DisclosureRequest.objects.get(applicant_name="某协会").agency == other_agency
    refused = run(write_csv(tmp_path / "three.csv", [["ZZZ", *rows(agency)[3]]], headings=headings))
    assert [(error.row, error.field) for error in refused.errors] == [(2, "agency_code")]
