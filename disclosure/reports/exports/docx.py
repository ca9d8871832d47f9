"""The report as a Word file (python-docx), for the agency's own filing and its OA system.

Laid out as the notices are (``requests.notices``: A4, the 公文 margins, 宋体 at 三号): the title,
the six sections in the format's order under Word headings (so the navigation pane lists them),
the tables from ``layout``'s grids with their cells merged where the format merges. 表三 and
表四 go on a landscape section. Chinese text needs its font named in ``w:eastAsia`` and the
template's theme fonts removed, or Word shows the headings in a Latin font's fallback.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ...requests.notices.document import BODY_PT, LINE_PT, MARGINS_MM, TITLE_PT
from ...requests.notices.word import FONT
from .. import layout
from .content import fitting_widths, is_wide, title_lines

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADING_FONT = "黑体"
CELL_PT = 10.5  # 五号, the usual size of a table in a 公文
MM_PER_PT = 25.4 / 72
CELL_UNIT_MM = CELL_PT / 2 * MM_PER_PT  # half a Chinese character
PADDING_MM = 1.9  # the cell margins of Word's "Table Grid" (108 twips)
LANDSCAPE_MARGIN_MM = 20
#: The text width of each page orientation, in millimetres.
WIDTHS = {"portrait": 210 - MARGINS_MM["left"] - MARGINS_MM["right"], "landscape": 297 - 2 * LANDSCAPE_MARGIN_MM}
ALIGNMENTS = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}


def _fonts(target, font, size, bold=None):
    """Name ``font`` for Latin and East-Asian text alike, dropping the theme fonts that would win."""
    target.font.name = font
    target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), font)


def _styles(word):
    _fonts(word.styles["Normal"], FONT, BODY_PT)
    for name, font, size in (
        ("Title", FONT, TITLE_PT),
        ("Heading 1", HEADING_FONT, BODY_PT),
        ("Heading 2", FONT, BODY_PT),
    ):
        style = word.styles[name]
        _fonts(style, font, size, bold=name != "Heading 1")
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.line_spacing = Pt(LINE_PT if size == BODY_PT else size * 1.5)
        style.paragraph_format.space_before = Pt(LINE_PT / 2 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(0)
    title = word.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(LINE_PT / 2)
    border = title.element.pPr.find(qn("w:pBdr"))
    if border is not None:
        title.element.pPr.remove(border)  # the template underlines its title in blue
    word.styles["Heading 1"].paragraph_format.first_line_indent = Pt(2 * BODY_PT)


def _page(section, orientation):
    if orientation == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        margin = Mm(LANDSCAPE_MARGIN_MM)
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = margin
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])


def _page_numbers(section):
    """— 3 —, centred in the footer, as 公文 number their pages (a PAGE field Word fills in)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    paragraph.add_run(" —")


def _text(word, text, indent=True):
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.line_spacing = Pt(LINE_PT)
    paragraph.paragraph_format.space_after = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
    paragraph.add_run(text)
    return paragraph


def _header_row(row):
    """Repeat this row at the top of every page the table runs onto."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def table(word, grid, contents, width_mm):
    """``grid`` as a Word table ``width_mm`` wide, its cells merged where the format merges."""
    room = width_mm - 2 * PADDING_MM * grid.width
    units = fitting_widths(grid, contents, room / CELL_UNIT_MM)
    widths = [Mm(unit * CELL_UNIT_MM + 2 * PADDING_MM) for unit in units]
    result = word.add_table(rows=len(grid.rows), cols=grid.width)
    result.style = word.styles["Table Grid"]
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    result.autofit = False
    for index, column in enumerate(result.columns):
        column.width = widths[index]
    for row in result.rows:
        for index, cell in enumerate(row.cells):
            cell.width = widths[index]
    for row in result.rows[: grid.head_rows]:
        _header_row(row)
    for row, column, cell in grid.positions():
        target = result.cell(row, column)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(result.cell(row + cell.rowspan - 1, column + cell.colspan - 1))
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = target.paragraphs[0]
        paragraph.alignment = ALIGNMENTS["left" if cell.scope == "row" else "center"]
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        _fonts(paragraph.add_run(contents.text(cell)), FONT, CELL_PT)
    return result


def render(contents):
    """The Word file's bytes: the title, then the six sections in the format's order."""
    word = Document()
    _styles(word)
    _page(word.sections[0], "portrait")
    _page_numbers(word.sections[0])
    word.core_properties.title = contents.title
    word.core_properties.author = ""
    title = word.add_paragraph(style="Title")
    for index, line in enumerate(title_lines(contents.title, WIDTHS["portrait"] / (TITLE_PT / 2 * MM_PER_PT))):
        run = title.add_run()
        if index:
            run.add_break()
        run.add_text(line)

    grids = {grid.table.code: grid for grid in layout.grids(contents.fmt)}
    orientation = "portrait"
    for section in contents.fmt.sections:
        grid = grids.get(section.table)
        wanted = "landscape" if grid is not None and is_wide(grid) else "portrait"
        if wanted != orientation:
            _page(word.add_section(WD_SECTION.NEW_PAGE), wanted)
            orientation = wanted
        word.add_heading(f"{section.number}、{section.title}", level=1)
        if grid is not None:
            table(word, grid, contents, WIDTHS[orientation])
            continue
        for block in contents.paragraphs(section.narrative):
            if block.kind == "heading":
                word.add_heading(block.text, level=2)
            else:
                _text(word, block.text, indent=block.kind != "item")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
