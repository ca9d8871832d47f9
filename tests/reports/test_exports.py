"""A report downloaded as XLSX, PDF and DOCX: the national tables merged where the format merges, the
labels word for word, the figures the report shows (blank as 0), and the six sections in order."""

import io
from decimal import Decimal

import docx
import openpyxl
import pypdf
import pytest

from disclosure.reports import drafting, exports, figures
from disclosure.reports.errors import ReportRefused
from disclosure.requests.choices import AppealKind, AppealResult, ApplicantType, Outcome

from .helpers import case, decided, received

pytestmark = pytest.mark.django_db

TITLE = "青溪县教育局2025年政府信息公开工作年度报告"
DRAFT = f"{TITLE}（草稿）"  # what an editor downloads before the report is published
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


@pytest.fixture
def report(agency, handler):
    """2025: three applications from people (two disclosed, one still open), one from a company the
    agency does not hold the information for; one reconsideration upheld, one lawsuit pending."""
    decided(agency, handler, "2025-03-03", "2025-03-20")
    decided(agency, handler, "2025-04-07", "2025-04-21")
    received(agency, handler, "2025-12-15")
    decided(agency, handler, "2025-05-06", "2025-05-12", Outcome.NOT_HELD, ApplicantType.COMMERCIAL)
    case(agency, AppealKind.REVIEW, "2025-03-01", AppealResult.UPHELD, "2025-05-01")
    case(agency, AppealKind.LAWSUIT_DIRECT, "2025-06-01")
    report = drafting.start_report(agency, 2025)
    report.overview = (
        "<p>2025年，本局共收到政府信息公开申请4件，办结3件。</p><h3>（一）主动公开</h3><p>本局持续更新目录。</p>"
    )
    report.problems = "<ul><li>公开栏目更新不够及时。</li><li>解读材料偏少。</li></ul>"
    report.save()
    return report


def workbook(report):
    data, content_type, name = exports.render(report, "xlsx")
    assert content_type.endswith("spreadsheetml.sheet") and name == f"{DRAFT}.xlsx"
    return openpyxl.load_workbook(io.BytesIO(data))


def merged(sheet):
    """{top-left coordinate: range} of the sheet's merged cells."""
    return {str(cells).split(":")[0]: str(cells) for cells in sheet.merged_cells.ranges}


def test_the_workbook_has_one_sheet_per_table_named_as_the_format_names_them(report):
    book = workbook(report)
    assert book.sheetnames[1:] == ["表二", "表三", "表四"]
    assert book.properties.title == DRAFT
    text = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert text[0] == DRAFT
    assert text[1] == "一、总体情况" and "2025年，本局共收到政府信息公开申请4件，办结3件。" in text
    assert [line for line in text if line in HEADINGS] == HEADINGS


def test_table_three_is_merged_as_the_national_format_and_shows_the_figures_as_numbers(report):
    sheet = workbook(report)["表三"]
    spans = merged(sheet)
    assert sheet["A1"].value == "三、收到和处理政府信息公开申请情况" and spans["A1"] == "A1:J1"
    assert sheet["A2"].value.startswith("（本列数据的勾稽关系为") and spans["A2"] == "A2:C4"
    assert sheet["D2"].value == "申请人情况" and spans["D2"] == "D2:J2"
    assert sheet["D3"].value == "自然人" and spans["D3"] == "D3:D4"
    assert sheet["E3"].value == "法人或其他组织" and spans["E3"] == "E3:I3"
    assert [sheet.cell(4, column).value for column in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert sheet["A5"].value == "一、本年新收政府信息公开申请数量" and spans["A5"] == "A5:C5"
    assert sheet["A7"].value == "三、本年度办理结果" and spans["A7"] == "A7:A28"  # 22 rows
    assert sheet["B9"].value == "（三）不予公开" and spans["B9"] == "B9:B16"
    assert sheet["C17"].value == "1.本机关不掌握相关政府信息"
    assert sheet["B28"].value == "（七）总计" and sheet["A29"].value == "四、结转下年度继续办理"
    new = [sheet.cell(5, column).value for column in range(4, 11)]
    assert new == [3, 1, 0, 0, 0, 0, 4]  # 自然人 … 总计, as numbers
    assert all(type(value) is int for value in new)
    assert sheet["D7"].value == 2 and sheet["E17"].value == 1  # 予以公开 by people; not held, a company
    assert [sheet.cell(28, column).value for column in range(4, 11)] == [2, 1, 0, 0, 0, 0, 3]  # （七）总计
    assert sheet["J29"].value == 1  # carried into 2026
    assert sheet["D5"].border.left.style == "thin" and sheet["A7"].alignment.wrap_text


def test_table_four_groups_fifteen_figures_under_reconsideration_and_lawsuits(report):
    sheet = workbook(report)["表四"]
    spans = merged(sheet)
    assert sheet["A2"].value == "行政复议" and spans["A2"] == "A2:E3"
    assert sheet["F2"].value == "行政诉讼" and spans["F2"] == "F2:O2"  # 10 columns
    assert sheet["F3"].value == "未经复议直接起诉" and spans["F3"] == "F3:J3"
    assert sheet["K3"].value == "复议后起诉" and spans["K3"] == "K3:O3"
    assert [sheet.cell(4, column).value for column in range(1, 6)] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert [sheet.cell(5, column).value for column in range(1, 16)] == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def test_table_two_shows_an_amount_in_wan_yuan_and_a_figure_to_enter_as_such(report, handler):
    sheet = workbook(report)["表二"]
    assert sheet["A1"].value == "二、主动公开政府信息情况"
    assert sheet["A2"].value == "第二十条第（一）项" and merged(sheet)["A2"] == "A2:D2"
    assert sheet["A15"].value == "行政事业性收费" and merged(sheet)["B15"] == "B15:D15"
    assert sheet["B15"].value == "待填报"  # a draft's figure not entered yet says so, never a final-looking 0
    figures.enter(report, "t2:fees:amount", "1.25", handler, "县财政局非税收入系统")
    assert workbook(report)["表二"]["B15"].value == 1.25


def test_the_pdf_has_the_title_the_six_sections_in_order_and_the_tables_figures(report):
    data, content_type, name = exports.render(report, "pdf")
    assert content_type == "application/pdf" and name == f"{DRAFT}.pdf"
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert pdf.metadata.title == DRAFT
    lines = [line.strip() for page in pdf.pages for line in page.extract_text().splitlines()]
    assert DRAFT in "".join(lines[:4])
    assert [line for line in lines if line in HEADINGS] == HEADINGS
    assert "2025年，本局共收到政府信息公开申请4件，办结3件。" in lines and "（一）主动公开" in lines
    assert "· 公开栏目更新不够及时。" in lines  # a list item keeps its mark
    row = lines.index("一、本年新收政府信息公开申请数量")
    assert lines[row + 1 : row + 8] == ["3", "1", "0", "0", "0", "0", "4"]  # 自然人 … 总计
    table_three = next(page for page in pdf.pages if "一、本年新收政府信息公开申请数量" in page.extract_text())
    assert table_three.mediabox.width > table_three.mediabox.height  # 10 columns: a landscape page


def test_the_word_file_has_headings_and_tables_with_cells_merged_as_the_format(report):
    data, content_type, name = exports.render(report, "docx")
    assert content_type.endswith("wordprocessingml.document") and name == f"{DRAFT}.docx"
    word = docx.Document(io.BytesIO(data))
    assert word.core_properties.title == DRAFT
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == HEADINGS
    assert "（一）主动公开" in [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert word.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
    )
    two, three, four = word.tables
    assert three.cell(5, 0).text == "三、本年度办理结果"
    assert three.cell(5, 0)._tc is three.cell(26, 0)._tc and three.cell(27, 0)._tc is not three.cell(5, 0)._tc
    assert three.cell(1, 4).text == "法人或其他组织"
    assert three.cell(1, 4)._tc is three.cell(1, 8)._tc and three.cell(1, 9).text == "总计"
    assert [three.cell(3, column).text for column in range(3, 10)] == ["3", "1", "0", "0", "0", "0", "4"]
    assert four.cell(0, 5).text == "行政诉讼" and four.cell(0, 5)._tc is four.cell(0, 14)._tc
    assert [four.cell(3, column).text for column in (0, 4, 8, 9)] == ["1", "1", "1", "1"]
    assert two.cell(0, 0)._tc is two.cell(0, 3)._tc and two.cell(0, 0).text == "第二十条第（一）项"


def test_a_published_snapshot_renders_from_its_figures_as_text(report):
    fmt = report.format
    snapshot = {code: None for code in fmt.cells} | {"t3:new:person": "7", "t2:fees:amount": "0.5"}
    contents = exports.ReportContents(fmt, TITLE, snapshot, {"overview": "<p>已发布。</p>"})
    data, _type, _name = exports.render_contents(contents, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book["表三"]["D5"].value == 7 and book["表三"]["E5"].value == 0
    assert book["表二"]["B15"].value == 0.5
    assert contents.figure("t2:fees:amount") == Decimal("0.5")


def test_an_unknown_kind_is_refused_and_the_file_name_survives_the_download_header(report):
    with pytest.raises(ReportRefused):
        exports.render(report, "csv")
    header = exports.content_disposition(f"{TITLE}.pdf")
    assert header.startswith("attachment;") and "filename*=utf-8''%E9%9D%92%E6%BA%AA" in header
    assert exports.filename("县/区教育局2025年报告", "pdf") == "县-区教育局2025年报告.pdf"


def test_a_report_in_the_2019_format_exports_in_that_formats_layout(agency):
    report = drafting.start_report(agency, 2020)
    book = openpyxl.load_workbook(io.BytesIO(exports.render(report, "xlsx")[0]))
    assert merged(book["表三"])["A7"] == "A7:A26"  # 三、本年度办理结果 over 20 rows: （六）其他处理 is one row
    assert "第二十条第（九）项" in [row[0] for row in book["表二"].iter_rows(values_only=True)]
    assert len(pypdf.PdfReader(io.BytesIO(exports.render(report, "pdf")[0])).pages) >= 3
    assert len(docx.Document(io.BytesIO(exports.render(report, "docx")[0])).tables) == 3


def test_a_drafts_figure_still_to_enter_says_so_in_every_file(agency, handler):
    report = drafting.start_report(agency, 2025, actor=handler)  # 行政事业性收费 not entered
    book = openpyxl.load_workbook(io.BytesIO(exports.render(report, "xlsx")[0]))
    assert "待填报" in [cell.value for row in book["表二"].iter_rows() for cell in row]
    pdf_text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(exports.render(report, "pdf")[0])).pages
    )
    assert "待填报" in pdf_text
    figures.enter(report, "t2:fees:amount", 0, handler, "县财政局非税收入征管系统")
    book = openpyxl.load_workbook(io.BytesIO(exports.render(report, "xlsx")[0]))
    assert "待填报" not in [cell.value for row in book["表二"].iter_rows() for cell in row]
