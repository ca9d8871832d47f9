"""The report as an XLSX workbook, for the superior agency's statistics and the agency's own files.

One sheet per table (表二, 表三, 表四), each the table alone in the national layout: its caption
(二、主动公开政府信息情况) merged across row 1, then ``layout``'s grid cell for cell — merged where
the format merges, labels word for word, figures as numbers (blank as 0, as published reports
print them) — so a workbook read back lines up with the layout. A first sheet holds the title
and the text sections, one paragraph a row.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .. import layout
from .content import column_widths, is_wide, lines

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "宋体"
LINE_HEIGHT = 15  # points per line of 11-point text
TEXT_WIDTH = 90  # the text sheet's one column, in character units
TABLE_TOP = 2  # the grid starts under the caption
WIDEST = 40  # the widest column, in character units: longer labels wrap

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
STYLES = {
    "title": (Font(name=FONT, size=16, bold=True), CENTRED),
    "heading": (Font(name=FONT, size=12, bold=True), LEFT),
    "caption": (Font(name=FONT, size=12, bold=True), CENTRED),
    "paragraph": (Font(name=FONT, size=11), LEFT),
    "item": (Font(name=FONT, size=11), LEFT),
    "cell": (Font(name=FONT, size=11), CENTRED),
    "row label": (Font(name=FONT, size=11), LEFT),
}


def sheet_name(section):
    """表二: what the tables are called in the format's notes and in every agency's files."""
    return f"表{section.number}"


def _put(sheet, row, column, value, style):
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text an editor typed, never a formula
    cell.font, cell.alignment = STYLES[style]
    return cell


def _text_sheet(sheet, contents):
    sheet.title = _("Report text")
    sheet.column_dimensions["A"].width = TEXT_WIDTH
    rows = [("title", contents.title)]
    for section in contents.fmt.sections:
        rows.append(("heading", f"{section.number}、{section.title}"))
        if section.table:
            note = _("The table is on the sheet “%(sheet)s”.") % {"sheet": sheet_name(section)}
            rows.append(("paragraph", note))
        else:
            rows += [(block.kind, block.text) for block in contents.paragraphs(section.narrative)]
    for index, (kind, text) in enumerate(rows, start=1):
        _put(sheet, index, 1, text, kind)
        if kind != "title":
            sheet.row_dimensions[index].height = LINE_HEIGHT * lines(text, TEXT_WIDTH) + 4
    sheet.row_dimensions[1].height = 2 * LINE_HEIGHT


def _table_sheet(sheet, section, grid, contents):
    sheet.title = sheet_name(section)
    widths = column_widths(grid, contents, WIDEST)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    _put(sheet, 1, 1, grid.caption, "caption")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
    sheet.row_dimensions[1].height = 2 * LINE_HEIGHT
    heights = [1] * len(grid.rows)
    for row, column, cell in grid.positions():
        top, left = TABLE_TOP + row, 1 + column
        value = contents.figure(cell.cell) if cell.is_figure else cell.text
        target = _put(sheet, top, left, value, "row label" if cell.scope == "row" else "cell")
        target.border = BORDER  # before merging: a merged range takes its edges from its first cell
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=top, start_column=left, end_row=top + cell.rowspan - 1, end_column=left + cell.colspan - 1
            )
        if cell.rowspan == 1:
            heights[row] = max(heights[row], lines(contents.text(cell), sum(widths[column : column + cell.colspan])))
    for row, count in enumerate(heights):
        sheet.row_dimensions[TABLE_TOP + row].height = LINE_HEIGHT * count + 4
    _print_setup(sheet, grid, contents)


def _print_setup(sheet, grid, contents):
    sheet.oddHeader.center.text = contents.title.replace("&", "&&")  # & starts a code in a header
    sheet.print_title_rows = f"1:{TABLE_TOP + grid.head_rows - 1}" if grid.head_rows else "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if is_wide(grid) else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


def render(contents):
    """The workbook's bytes: the text sheet, then one sheet per table in the format's order."""
    workbook = Workbook()
    workbook.properties.title = contents.title
    workbook.properties.creator = "Gongkai"
    _text_sheet(workbook.active, contents)
    for grid in layout.grids(contents.fmt):
        section = contents.fmt.section_of(grid.table.code)
        _table_sheet(workbook.create_sheet(), section, grid, contents)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
