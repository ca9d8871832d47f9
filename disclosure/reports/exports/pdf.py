"""The report as a PDF, laid out as the notices are (``requests.notices``): A4, the 公文 margins,
the CID font STSong-Light that every PDF reader has (nothing embedded, the text stays
extractable) and Chinese line breaking.

The six sections come in the format's order; the tables are ``layout``'s grids with their merged
cells. 表三 (10 columns) and 表四 (15) go on landscape pages so that their figures stay legible;
the text returns to portrait after them. Header rows repeat when a table runs over a page.
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from ...requests.notices.document import BODY_PT, LINE_PT, MARGINS_MM
from ...requests.notices.pdf import BODY, FONT, TITLE, NoticeParagraph
from .. import layout
from .content import fitting_widths, is_wide, title_lines

CONTENT_TYPE = "application/pdf"
#: Table text: 9 points, so that 表三 fits one landscape page; a character unit is half a Chinese character.
CELL_PT = 9
CELL_UNIT = CELL_PT / 2
PADDING = 3
#: Landscape pages: the same margins all round, the table as wide as the page allows.
LANDSCAPE_MARGIN_MM = 20

HEADING = ParagraphStyle("report-heading", parent=BODY, spaceBefore=LINE_PT / 2, keepWithNext=1)
SUBHEADING = ParagraphStyle("report-subheading", parent=BODY, keepWithNext=1)
ITEM = ParagraphStyle("report-item", parent=BODY, firstLineIndent=0, leftIndent=2 * BODY_PT)
CELL = ParagraphStyle(
    "report-cell", parent=BODY, fontSize=CELL_PT, leading=CELL_PT * 1.2, firstLineIndent=0, alignment=TA_CENTER
)
ROW_LABEL = ParagraphStyle("report-row-label", parent=CELL, alignment=TA_LEFT)
PARAGRAPH_STYLES = {"heading": SUBHEADING, "item": ITEM, "paragraph": BODY}


def _page_numbers(page_width):
    """— 3 —, centred at the foot of the page, as 公文 number their pages."""

    def draw(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 12)
        canvas.drawCentredString(page_width / 2, 12 * mm, f"— {document.page} —")
        canvas.restoreState()

    return draw


def _frame(left, bottom, width, height):
    return Frame(left, bottom, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


#: The text width of each page orientation, in points.
WIDTHS = {
    "portrait": A4[0] - (MARGINS_MM["left"] + MARGINS_MM["right"]) * mm,
    "landscape": landscape(A4)[0] - 2 * LANDSCAPE_MARGIN_MM * mm,
}


def _templates():
    margin = LANDSCAPE_MARGIN_MM * mm
    portrait = _frame(
        MARGINS_MM["left"] * mm,
        MARGINS_MM["bottom"] * mm,
        WIDTHS["portrait"],
        A4[1] - (MARGINS_MM["top"] + MARGINS_MM["bottom"]) * mm,
    )
    across = _frame(margin, margin, WIDTHS["landscape"], landscape(A4)[1] - 2 * margin)
    return [
        PageTemplate("portrait", [portrait], onPage=_page_numbers(A4[0]), pagesize=A4),
        PageTemplate("landscape", [across], onPage=_page_numbers(A4[1]), pagesize=landscape(A4)),
    ]


def _paragraph(text, style):
    return NoticeParagraph(escape(text), style)


def table(grid, contents, width):
    """``grid`` as a reportlab Table ``width`` points wide, merged where the format merges."""
    room = width - 2 * PADDING * grid.width
    units = fitting_widths(grid, contents, room / CELL_UNIT)
    cells = [[""] * grid.width for _ in grid.rows]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for row, column, cell in grid.positions():
        cells[row][column] = _paragraph(contents.text(cell), ROW_LABEL if cell.scope == "row" else CELL)
        if cell.rowspan > 1 or cell.colspan > 1:
            style.append(("SPAN", (column, row), (column + cell.colspan - 1, row + cell.rowspan - 1)))
    return Table(
        cells, colWidths=[unit * CELL_UNIT + 2 * PADDING for unit in units], repeatRows=grid.head_rows, style=style
    )


def render(contents):
    """The PDF's bytes: the title, then the six sections in the format's order."""
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=A4, title=contents.title, creator="Gongkai")
    document.addPageTemplates(_templates())
    grids = {grid.table.code: grid for grid in layout.grids(contents.fmt)}
    lines = title_lines(contents.title, WIDTHS["portrait"] / (TITLE.fontSize / 2))
    story = [*(_paragraph(line, TITLE) for line in lines), Spacer(1, LINE_PT / 2)]
    orientation = "portrait"
    for section in contents.fmt.sections:
        grid = grids.get(section.table)
        wanted = "landscape" if grid is not None and is_wide(grid) else "portrait"
        if wanted != orientation:
            story += [NextPageTemplate(wanted), PageBreak()]
            orientation = wanted
        heading = _paragraph(f"{section.number}、{section.title}", HEADING)
        if grid is not None:
            # The heading stays with its table, and a table that fits a page is not cut in two.
            story.append(KeepTogether([heading, Spacer(1, LINE_PT / 4), table(grid, contents, WIDTHS[orientation])]))
        else:
            story.append(heading)
            story += [
                _paragraph(block.text, PARAGRAPH_STYLES[block.kind]) for block in contents.paragraphs(section.narrative)
            ]
    document.build(story)
    return buffer.getvalue()
