"""Importing reports published before Gongkai: every figure in its cell, the published errors listed
(never corrected), and last year's 结转下年度 there for this year's check."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from disclosure.agencies.models import AgencyRole
from disclosure.reports import checks, drafting, figures, formats, layout
from disclosure.reports.checks import Status
from disclosure.reports.choices import ReportState
from disclosure.reports.errors import ReportRefused
from disclosure.reports.imports import MAX_BYTES, import_past_report, read_report
from disclosure.reports.models import AnnualReport
from disclosure.requests.choices import ApplicantType
from tests.factories import make_user

from .helpers import decided, shown

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGE_2021 = FIXTURES / "report_2021_format.html"
PAGE_2021_GBK = FIXTURES / "report_2021_format_gbk.html"
PAGE_2019 = FIXTURES / "report_2019_format.html"

#: What the 2021 page publishes, every figure not listed being 0 (blank, "/", "—" or "0").
PUBLISHED_2021 = {
    "t2:normative_documents:issued": 3,  # written with a full-width digit
    "t2:normative_documents:repealed": 1,
    "t2:normative_documents:in_force": 12,
    "t2:licensing:decisions": 1156,  # 1,156
    "t2:penalties:decisions": 7,
    "t2:fees:amount": Decimal("12.35"),
    "t3:new:person": 30,
    "t3:new:commercial": 4,
    "t3:new:public_welfare": 1,
    "t3:new:legal_service": 2,
    "t3:new:total": 37,
    "t3:carried_in:person": 2,
    "t3:carried_in:total": 2,
    "t3:disclosed:person": 12,
    "t3:disclosed:commercial": 2,
    "t3:disclosed:legal_service": 1,
    "t3:disclosed:total": 15,
    "t3:partly_disclosed:person": 3,
    "t3:partly_disclosed:total": 3,
    "t3:not_disclosed.security_stability:person": 1,
    "t3:not_disclosed.security_stability:total": 1,
    "t3:not_disclosed.third_party:person": 1,
    "t3:not_disclosed.third_party:total": 1,
    "t3:not_disclosed.process_information:person": 2,
    "t3:not_disclosed.process_information:total": 2,
    "t3:not_disclosed.query_matter:person": 1,
    "t3:not_disclosed.query_matter:total": 1,
    "t3:unavailable.not_held:person": 5,
    "t3:unavailable.not_held:commercial": 1,
    "t3:unavailable.not_held:total": 6,
    "t3:unavailable.would_need_creating:person": 1,
    "t3:unavailable.would_need_creating:total": 1,
    "t3:unavailable.still_unclear:legal_service": 1,
    "t3:unavailable.still_unclear:total": 1,
    "t3:not_processed.petition:person": 2,
    "t3:not_processed.petition:total": 2,
    "t3:not_processed.repeated:person": 1,
    "t3:not_processed.repeated:total": 1,
    "t3:other.no_supplement:person": 1,
    "t3:other.no_supplement:total": 1,
    "t3:total:person": 30,
    "t3:total:commercial": 3,
    "t3:total:legal_service": 2,
    "t3:total:total": 35,
    "t3:carried_out:person": 2,
    "t3:carried_out:commercial": 1,
    "t3:carried_out:public_welfare": 1,
    "t3:carried_out:total": 4,
    "t4:review:upheld": 1,
    "t4:review:pending": 1,
    "t4:review:total": 3,  # the published error: 1 + 0 + 0 + 1 = 2
    "t4:lawsuit_direct:upheld": 1,
    "t4:lawsuit_direct:total": 1,
}


def expected(fmt, published):
    return {code: published.get(code, 0) for code in fmt.cells}


@pytest.fixture
def editor(agency):
    return make_user("report_editor", agency=agency, role=AgencyRole.EDITOR)


def imported(agency, editor, source=PAGE_2021, year=2024, **options):
    return import_past_report(agency, year, source, actor=editor, source_name=Path(source).name, **options)


def test_every_figure_of_a_published_page_lands_in_its_cell(agency, editor):
    report, _problems = imported(agency, editor)
    assert report.state == ReportState.IMPORTED
    assert report.format_version == "national-2021"
    assert report.imported_from == "report_2021_format.html"
    assert shown(report) == expected(report.format, PUBLISHED_2021)
    figure = report.figures.get(cell="t3:carried_out:person")
    assert (figure.entered, figure.computed) == (2, None)
    assert "report_2021_format.html" in figure.source_note


def test_slashes_blanks_and_dashes_are_zeros_not_gaps(agency, editor):
    report, problems = imported(agency, editor)
    values = figures.values(report)
    assert values["t2:regulations:issued"] == 0  # "/"
    assert values["t2:enforcement:decisions"] == 0  # &nbsp;
    assert values["t3:disclosed:research"] == 0  # "/"
    assert values["t3:disclosed:public_welfare"] == 0  # "0"; the rows below leave it blank
    assert values["t3:not_disclosed.state_secret:public_welfare"] == 0
    assert values["t4:lawsuit_after_review:total"] == 0  # "—"
    assert not [problem for problem in problems if not problem.rule]  # everything was read


def test_the_wrong_total_the_page_published_is_listed_as_a_failed_check_and_kept(agency, editor):
    report, problems = imported(agency, editor)
    assert [problem.rule for problem in problems] == ["t4.total"]
    (problem,) = problems
    assert "行政复议" in problem.message and "3" in problem.message
    assert "结果维持（1） + 结果纠正（0） + 其他结果（0） + 尚未审结（1） = 2" in problem.message
    assert figures.values(report)["t4:review:total"] == 3
    assert checks.failures(report)[0].message == problem.message


def test_the_narrative_sections_are_kept_without_the_site_around_them(agency, editor):
    report, _problems = imported(agency, editor)
    assert "全年共收到政府信息公开申请37件" in report.overview
    assert "政策解读形式较为单一" in report.problems
    assert "未收取政府信息公开信息处理费" in report.other_matters
    assert "网站标识码" not in report.other_matters and "首页" not in report.overview
    narrative = next(result for result in checks.run(report) if result.rule == "narrative")
    assert narrative.status == Status.PASSED  # 37, 2, 35 and the one lawsuit agree with the tables


def test_a_gbk_page_reads_as_its_utf8_original():
    assert PAGE_2021_GBK.read_bytes().decode("gbk")  # the fixture really is GBK
    with pytest.raises(UnicodeDecodeError):
        PAGE_2021_GBK.read_bytes().decode("utf-8")
    assert read_report(PAGE_2021_GBK).figures == read_report(PAGE_2021).figures


def test_a_2019_format_page_is_recognised_and_read_block_by_block(agency, editor):
    report, problems = imported(agency, editor, PAGE_2019, year=2020)
    assert report.format_version == "national-2019"
    assert problems == []
    values = shown(report)
    assert values["t2:normative_documents:total_public"] == 15  # 规范性文件 × 对外公开总数量
    assert values["t2:licensing:change"] == -3  # 本年增/减 may be negative
    assert values["t2:other_services:change"] == 2  # "+2"
    assert values["t2:licensing:previous_items"] == 45  # "行政　许可" with a full-width space
    assert values["t2:enforcement:change"] == 0  # "-"
    # 第二十条第（八）项 is published without its header line: its two cells in the format's order.
    assert (values["t2:fees:previous_items"], values["t2:fees:change"]) == (3, -1)
    assert values["t2:procurement:amount"] == Decimal("86.5")
    assert values["t3:other:person"] == 1  # the 2019 format's single （六）其他处理 row
    assert (values["t3:total:total"], values["t3:carried_out:total"]) == (22, 4)
    assert values["t4:lawsuit_direct:corrected"] == 1


def test_the_year_on_year_check_reads_the_imported_carry_over(agency, editor, handler):
    imported(agency, editor)
    for applicant in (ApplicantType.PERSON, ApplicantType.PERSON, ApplicantType.COMMERCIAL):
        decided(agency, handler, "2024-12-16", "2025-01-08", applicant=applicant)
    decided(agency, handler, "2024-12-18", "2025-01-09", applicant=ApplicantType.PUBLIC_WELFARE)
    report = drafting.start_report(agency, 2025, actor=handler)
    assert report.previous().state == ReportState.IMPORTED
    (carry_over,) = [result for result in checks.run(report) if result.rule == "t3.carry_over"]
    assert carry_over.status == Status.PASSED


def test_a_carry_over_that_differs_from_the_imported_report_fails_with_its_figure(agency, editor, handler):
    imported(agency, editor)
    decided(agency, handler, "2024-12-16", "2025-01-08")
    decided(agency, handler, "2024-12-17", "2025-01-08")
    report = drafting.start_report(agency, 2025, actor=handler)
    failed = {result.message for result in checks.failures(report) if result.rule == "t3.carry_over"}
    assert len(failed) == 3  # 商业企业, 社会公益组织 and 总计 differ; 自然人 agrees
    commercial = next(message for message in failed if "“商业企业”" in message)
    assert "2024" in commercial and "1" in commercial


def test_a_figure_that_cannot_be_read_is_named_by_table_row_and_column(agency, editor):
    page = PAGE_2021.read_text(encoding="utf-8").replace(
        "<td>5</td><td>1</td><td>/</td>", "<td>约5</td><td>1</td><td>/</td>"
    )
    report, problems = import_past_report(agency, 2024, page, actor=editor, source_name="年报网页")
    (problem,) = [problem for problem in problems if not problem.rule]
    assert problem.cells == ("t3:unavailable.not_held:person",)
    for part in ("表三", "1.本机关不掌握相关政府信息", "自然人", "约5"):
        assert part in problem.message
    assert figures.values(report)["t3:unavailable.not_held:person"] is None
    assert report.imported_from == "年报网页"


def test_a_row_missing_from_the_page_is_listed_once(agency, editor):
    page = PAGE_2021.read_text(encoding="utf-8").replace("二、上年结转信息公开申请数量", "二、上年度遗留")
    report, problems = import_past_report(agency, 2024, page, actor=editor, source_name="年报网页")
    missing = [problem for problem in problems if not problem.rule]
    assert len(missing) == 1
    assert "二、上年结转政府信息公开申请数量" in missing[0].message and "表三" in missing[0].message
    assert figures.values(report)["t3:carried_in:total"] is None


def test_an_xlsx_in_the_national_layout_round_trips(agency, other_agency, editor):
    report, _problems = imported(agency, editor)
    values = figures.values(report)
    for one_sheet in (False, True):
        workbook = national_workbook(report.format, values, one_sheet=one_sheet)
        again = read_report(workbook)
        assert again.format.code == "national-2021"
        assert again.figures == values
        assert again.problems == []
    upload = SimpleUploadedFile("年报.xlsx", national_workbook(report.format, values))
    copy, problems = import_past_report(other_agency, 2024, upload, actor=None, source_name="")
    assert copy.imported_from == "年报.xlsx"
    assert shown(copy) == shown(report)
    assert [problem.rule for problem in problems] == ["t4.total"]


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"PK\x03\x04 not really a zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old xls",
        b"%PDF-1.7 a printed report",
        "年度报告见附件。".encode("gbk"),
    ],
    ids=["picture", "broken zip", "old xls", "pdf", "plain text"],
)
def test_what_is_no_report_file_is_refused_and_nothing_is_created(agency, editor, content):
    with pytest.raises(ReportRefused) as refused:
        import_past_report(agency, 2024, content, actor=editor, source_name="upload")
    assert refused.value.field == "file"
    assert not AnnualReport.objects.exists()


def test_a_page_with_other_tables_is_refused_naming_the_report_tables(agency, editor):
    page = """<html><body><p>一、总体情况</p><table><tr><th>科室</th><th>电话</th></tr>
    <tr><td>办公室</td><td>0578-1234567</td></tr></table></body></html>"""
    with pytest.raises(ReportRefused) as refused:
        import_past_report(agency, 2024, page, actor=editor, source_name="contacts.html")
    assert "表三" in refused.value.message and "表四" in refused.value.message
    assert not AnnualReport.objects.exists()


def test_a_page_without_table_four_is_refused(agency, editor):
    text = PAGE_2021.read_text(encoding="utf-8")
    start = text.index('<p style="text-indent:2em;"><strong><span style="font-family:黑体;">四、')
    end = text.index("</table>", start) + len("</table>")
    with pytest.raises(ReportRefused) as refused:
        import_past_report(agency, 2024, text[:start] + text[end:], actor=editor, source_name="no-t4.html")
    assert "表四" in refused.value.message and "表三" not in refused.value.message


def test_a_page_without_table_two_is_imported_and_says_so(agency, editor):
    text = PAGE_2021.read_text(encoding="utf-8")
    start = text.index("<table")
    end = text.index("</table>", start) + len("</table>")
    report, problems = import_past_report(agency, 2024, text[:start] + text[end:], actor=editor, source_name="p")
    reading = [problem for problem in problems if not problem.rule]
    assert len(reading) == 1 and "表二" in reading[0].message
    assert figures.values(report)["t2:licensing:decisions"] is None


def test_a_second_report_for_the_year_is_refused(agency, editor):
    imported(agency, editor)
    with pytest.raises(ReportRefused) as refused:
        imported(agency, editor)
    assert refused.value.field == "year" and "2024" in refused.value.message
    assert AnnualReport.objects.count() == 1


def test_an_oversized_upload_is_refused_before_it_is_read(agency, editor):
    with pytest.raises(ReportRefused) as refused:
        import_past_report(agency, 2024, io.BytesIO(b"<table>" * MAX_BYTES), actor=editor, source_name="big.html")
    assert refused.value.field == "file"


def test_only_the_agencys_editors_import_its_reports(agency, editor, handler):
    with pytest.raises(PermissionDenied):
        imported(agency, handler)
    assert not AnnualReport.objects.exists()


def test_an_imported_report_cannot_be_changed_like_a_draft(agency, editor):
    report, _problems = imported(agency, editor)
    with pytest.raises(ReportRefused):
        figures.override(report, "t4:review:total", 2, editor, "更正")
    assert figures.values(report)["t4:review:total"] == 3


def test_a_dry_run_reads_and_checks_but_keeps_nothing(agency, editor):
    report, problems = imported(agency, editor, dry_run=True)
    assert report is None
    assert [problem.rule for problem in problems] == ["t4.total"]
    assert not AnnualReport.objects.exists()


def test_the_command_imports_a_page_and_prints_its_problems(agency):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_annual_report", str(PAGE_2021), agency=agency.slug, year=2024, stdout=out, stderr=err)
    report = AnnualReport.objects.get(agency=agency, year=2024)
    assert report.state == ReportState.IMPORTED and report.imported_from == PAGE_2021.name
    assert "行政复议" in err.getvalue()
    assert agency.title in out.getvalue()


def test_the_command_dry_run_writes_nothing_and_a_refusal_is_an_error(agency):
    out = io.StringIO()
    call_command("import_annual_report", str(PAGE_2019), agency=str(agency.pk), year=2020, dry_run=True, stdout=out)
    assert not AnnualReport.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_annual_report", str(FIXTURES / "missing.html"), agency=agency.slug, year=2020)
    with pytest.raises(CommandError):
        call_command("import_annual_report", str(PAGE_2019), agency="no-such-agency", year=2020)


def national_workbook(fmt, values, one_sheet=False):
    """An XLSX in the national layout: per table a caption row, then the grid with its merges."""
    book = Workbook()
    book.remove(book.active)
    sheet, top = None, 1
    for grid in layout.grids(fmt):
        if sheet is None or not one_sheet:
            sheet, top = book.create_sheet(f"表{grid.table.section}"), 1
        sheet.cell(top, 1, grid.caption)
        sheet.merge_cells(start_row=top, start_column=1, end_row=top, end_column=grid.width)
        for r, c, cell in grid.positions():
            row, column = top + 1 + r, 1 + c
            if cell.is_figure:
                value = values[cell.cell]
                sheet.cell(row, column, int(value) if value == value.to_integral_value() else float(value))
            else:
                sheet.cell(row, column, cell.text)
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + cell.rowspan - 1,
                    end_column=column + cell.colspan - 1,
                )
        top += len(grid.rows) + 2
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_every_format_is_read_back_from_its_own_layout():
    for fmt in formats.all_formats():
        values = {code: Decimal(number) for number, code in enumerate(fmt.cells, start=1)}
        reading = read_report(national_workbook(fmt, values))
        assert reading.format.code == fmt.code
        assert reading.figures == values


def test_a_file_whose_title_names_another_year_or_agency_is_flagged(agency, other_agency, editor):
    _report, problems = import_past_report(agency, 2023, PAGE_2021, actor=editor, source_name="page.html", dry_run=True)
    assert any("2023" in str(problem) and "青溪县教育局2024年" in str(problem) for problem in problems)
    other_editor = make_user("other-editor", agency=other_agency, role=AgencyRole.EDITOR)
    _report, problems = import_past_report(
        other_agency, 2024, PAGE_2021, actor=other_editor, source_name="page.html", dry_run=True
    )
    assert any(other_agency.title in str(problem) for problem in problems)
    _report, problems = import_past_report(agency, 2024, PAGE_2021, actor=editor, source_name="page.html", dry_run=True)
    assert not any("标题" in str(problem) or "title" in str(problem) for problem in problems)
