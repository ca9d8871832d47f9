"""What every export draws: the report's title, its figures as published, its text as paragraphs.

The exports read a ``ReportContents`` rather than the report, so the same renderers serve the
draft an editor downloads (``from_report``: the figures it shows now) and the published page
(its snapshot: figures stored as text). Figures come out as numbers with blank as 0, as
published reports print them. Column widths are worked out here once, in character units (a
Chinese character counts two): the XLSX uses them as they are, the PDF and the DOCX fit them
to the page.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from .. import figures
from ..choices import ReportState
from ..formats import schema
from ..titles import page_title

#: A label down a column as tall as a table group (三、本年度办理结果) takes two characters a line;
#: one down a few rows ((三）不予公开) four.
DOWN_A_TABLE, DOWN_A_GROUP = 4, 8
#: A group label is "down a table" from this many rows.
TABLE_ROWS = 10
#: No label column is wider than this: a row label of the national format fits on one line.
WIDEST = 70
#: A figure column holds six digits.
FIGURE_WIDTH = 6
#: Tables wider than this many columns (表三: 10, 表四: 15) are printed on landscape pages.
PORTRAIT_COLUMNS = 6


@dataclass(frozen=True)
class ReportContents:
    fmt: schema.ReportFormat
    title: str
    values: dict  # cell code -> Decimal, a figure as text ("12", "0.5"), or None for blank
    sections: dict  # narrative field (overview, problems, other_matters) -> rich-text HTML
    to_enter: frozenset = frozenset()  # a draft's figures kept outside Gongkai and not entered yet

    @classmethod
    def from_report(cls, report):
        """The report as it stands: the figures it shows now and its current text."""
        fmt = report.format
        sections = {section.narrative: getattr(report, section.narrative) for section in fmt.narrative_sections()}
        title = page_title(report)
        values = figures.values(report)
        to_enter = frozenset()
        if report.state == ReportState.DRAFT:  # a draft's download must not pass for the published report
            title += _("(draft)")
            to_enter = frozenset(
                code
                for code, source in figures.sources(report).items()
                if source == schema.ENTERED and values.get(code) is None
            )
        return cls(fmt, title, values, sections, to_enter)

    @classmethod
    def from_page(cls, page):
        """A published page's snapshot: what the reviewers approved, whatever was recomputed since."""
        fmt = page.format
        sections = {section.narrative: getattr(page, section.narrative) for section in fmt.narrative_sections()}
        return cls(fmt, page.title, page.figures, sections)

    def figure(self, code):
        """The figure of cell ``code`` as a number: int for counts, Decimal for 万元; blank is 0 —
        except a draft's figure still to enter, which says so (never a 0 that looks final)."""
        if code in self.to_enter:
            return _("to enter")
        value = self.values.get(code)
        value = Decimal(0) if value in (None, "") else Decimal(str(value))
        if self.fmt.cells[code].kind == schema.AMOUNT:
            return schema.normalise(value, schema.AMOUNT)
        return int(value)

    def text(self, grid_cell):
        """What a cell of a table grid shows: its label, or its figure as a sentence writes it."""
        if grid_cell.is_figure:
            figure = self.figure(grid_cell.cell)
            return figure if isinstance(figure, str) else schema.display(figure)
        return grid_cell.text

    def paragraphs(self, field):
        """The paragraphs of narrative section ``field``."""
        return blocks(self.sections.get(field) or "")


def is_wide(grid):
    """Whether ``grid`` is printed across a landscape page."""
    return grid.width > PORTRAIT_COLUMNS


def title_lines(title, room):
    """The title in lines of at most ``room`` units: a long one breaks before its year, as published
    reports print it (青溪县教育局 / 2025年政府信息公开工作年度报告), rather than wherever it overflows."""
    match = re.search(r"\d{4}年", title)
    if units(title) <= room or not match or match.start() == 0:
        return [title]
    return [title[: match.start()], title[match.start() :]]


def units(text):
    """The width of ``text`` in character units: two for a Chinese (wide) character, one for others."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def column_widths(grid, contents, widest):
    """The width of each column's text in ``grid``, in character units, no column over ``widest``.

    A column is as wide as its widest single-column cell (longer labels wrap); a label spanning
    several rows is written down its column, a few characters a line.
    """
    widths = [DOWN_A_TABLE] * grid.width
    for _row, column, cell in grid.positions():
        if cell.colspan != 1 or cell.corner:
            continue
        need = units(contents.text(cell))
        if cell.is_figure:
            need = max(need, FIGURE_WIDTH)
        elif cell.rowspan >= TABLE_ROWS:
            need = DOWN_A_TABLE
        elif cell.rowspan > 2:
            need = min(need, DOWN_A_GROUP)
        widths[column] = max(widths[column], min(need, widest))
    return widths


def fitting_widths(grid, contents, room):
    """Column widths filling ``room`` units: the longest labels wrap until the table fits, then the
    space left widens the figure columns, the narrowest first, so that they even out."""
    for widest in range(WIDEST, DOWN_A_GROUP, -2):
        widths = column_widths(grid, contents, widest)
        if sum(widths) <= room:
            break
    figure_columns = {column for _row, column, cell in grid.positions() if cell.is_figure and cell.colspan == 1}
    extra = room - sum(widths)
    if extra <= 0 or not figure_columns:
        return [width * room / sum(widths) for width in widths]
    ordered = sorted(widths[column] for column in figure_columns)
    for count in range(1, len(ordered) + 1):
        level = (extra + sum(ordered[:count])) / count
        if count == len(ordered) or level <= ordered[count]:
            break
    return [max(width, level) if column in figure_columns else width for column, width in enumerate(widths)]


def lines(text, width):
    """How many lines ``text`` takes in a cell ``width`` character units wide."""
    return max(1, math.ceil(units(text) / max(width, 1)))


@dataclass(frozen=True)
class Block:
    """A paragraph of a narrative section: ``heading`` (a sub-heading in the text), ``item`` or ``paragraph``."""

    kind: str
    text: str


class _Blocks(HTMLParser):
    """Rich text (Wagtail's HTML) to paragraphs of plain text; lists numbered, links and images as their text."""

    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    BLOCKS = {"p", "li", "blockquote", "div", "pre", *HEADINGS}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.parts, self.kind = [], [], "paragraph"
        self.lists = []  # per open list: the next number, or None for <ul>

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.parts)).strip()
        if text:
            self.found.append(Block(self.kind, text))
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ol", "ul"):
            self.flush()
            self.lists.append(1 if tag == "ol" else None)
        elif tag in self.BLOCKS:
            self.flush()
            self.kind = "heading" if tag in self.HEADINGS else ("item" if tag == "li" else "paragraph")
            if tag == "li" and self.lists:
                number = self.lists[-1]
                self.parts.append(f"{number}." if number is not None else "· ")
                if number is not None:
                    self.lists[-1] += 1
        elif tag == "br":
            self.flush()
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in self.BLOCKS:
            self.flush()
            self.kind = "item" if self.lists else "paragraph"

    def handle_data(self, data):
        self.parts.append(data)


def blocks(html):
    """[Block] of a rich-text field, in order."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.found
