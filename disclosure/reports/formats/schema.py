"""The shape of a report format: sections, tables, blocks, rows, columns, cells and checks.

A format is data (one JSON file per version, read by ``loader``); these frozen dataclasses are
what the rest of ``reports`` reads. Labels are the official Chinese text of the national
format and are never translated: a report is published in the layout the State Council
prescribes, word for word.

Every figure of a report is a *cell* named ``<table>:<row>:<column>`` (``t3:new:person``,
``t4:review:total``). Where the figure comes from is the cell's *source*:

- ``requests`` / ``appeals`` / ``catalogue``: counted from Gongkai's data (``tables/``);
- ``sum``: the sum of other cells of the same report (a 总计 row or column);
- ``entered``: typed by the agency, with a source note (figures kept in other systems).

A 表二 row marked ``selectable`` may be switched between ``catalogue`` and ``entered`` per
agency (``ReportRowSource``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

#: Where a cell's figure comes from.
REQUESTS, APPEALS, CATALOGUE, SUM, ENTERED = "requests", "appeals", "catalogue", "sum", "entered"
DATA_SOURCES = (REQUESTS, APPEALS, CATALOGUE)

#: The kinds of value a column holds.
COUNT, SIGNED, AMOUNT = "count", "signed", "amount"


@dataclass(frozen=True)
class Column:
    code: str
    label: str
    path: tuple = ()  # the headers above the label, outermost first (法人或其他组织 › 商业企业)
    kind: str = COUNT
    unit: str = ""
    measure: str = ""  # 表二: what is counted from the catalogue (issued, repealed, in_force, …)
    applicant_type: str = ""  # 表三: the ApplicantType counted in this column
    result: str = ""  # 表四: the AppealResult counted in this column
    entered: bool = False  # always typed by hand, whatever the row's source
    sum_of: tuple = ()  # column codes this column totals
    aliases: tuple = ()  # other spellings seen in published reports (for imports)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    short: str = ""  # how checks name the row (一, 三（七）…); defaults to the label
    path: tuple = ()
    source: str = ""
    selectable: bool = False
    measure: str = ""  # 表三: new, carried_in, outcome, carried_out
    outcomes: tuple = ()  # 表三: the Outcome values this row counts
    appeal_kind: str = ""  # 表四: the AppealKind counted in this row
    catalogue_names: tuple = ()  # 表二: category or 体裁 names that select the row's items by default
    sum_of: tuple = ()  # row codes this row totals
    aliases: tuple = ()

    @property
    def name(self):
        return self.short or self.label


@dataclass(frozen=True)
class Cell:
    code: str
    table: str
    block: str
    row: Row
    column: Column
    source: str
    sum_of: tuple = ()  # cell codes, for ``sum`` cells

    @property
    def is_sum(self):
        return self.source == SUM

    @property
    def kind(self):
        return self.column.kind

    @property
    def name(self):
        """How a check sentence names the cell: the row's short name and the column."""
        return f"{self.row.name}（{self.column.label}）"

    def source_for(self, row_source):
        """The source once the agency's choice for a selectable row (``catalogue``/``entered``) applies."""
        if self.source in (CATALOGUE, ENTERED) and self.row.selectable and not self.column.entered and row_source:
            return row_source
        return self.source


@dataclass(frozen=True)
class Block:
    """A rectangle of rows × columns under one heading (表二 has one per Art 20 item)."""

    code: str
    heading: tuple
    corner: str
    columns: tuple
    rows: tuple

    def column(self, code):
        return next(column for column in self.columns if column.code == code)

    def row(self, code):
        return next(row for row in self.rows if row.code == code)


@dataclass(frozen=True)
class Table:
    code: str
    section: str  # the report section's number (二, 三, 四)
    layout: str  # blocks (表二), matrix (表三), strip (表四: the groups side by side in one row)
    corner: str
    blocks: tuple

    def block(self, code):
        return next(block for block in self.blocks if block.code == code)


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    narrative: str = ""  # the AnnualReport field holding the text
    table: str = ""


@dataclass(frozen=True)
class Check:
    code: str
    kind: str  # balance, row_sum, column_sum, previous_year, narrative
    table: str = ""
    options: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class ReportFormat:
    code: str
    title: str
    document: str
    first_year: int
    sections: tuple
    tables: tuple
    checks: tuple
    texts: dict = field(hash=False, compare=False)
    cells: dict = field(hash=False, compare=False)  # code -> Cell, in reading order

    def table(self, code):
        return next(table for table in self.tables if table.code == code)

    def section_of(self, table_code):
        return next(section for section in self.sections if section.table == table_code)

    def narrative_sections(self):
        return [section for section in self.sections if section.narrative]

    def cells_of(self, table_code):
        return [cell for cell in self.cells.values() if cell.table == table_code]

    def cell(self, table, row, column):
        return self.cells[f"{table}:{row}:{column}"]

    def __str__(self):
        return f"{self.title}（{self.document}）" if self.document else self.title


def cell_code(table, row, column):
    return f"{table}:{row}:{column}"


def normalise(value, kind):
    """A figure as stored and compared: whole numbers for counts, at most four decimals for 万元."""
    if value is None:
        return None
    value = Decimal(value)
    if kind == AMOUNT:
        return value.quantize(Decimal("0.0001"))
    return value.quantize(Decimal(1))


def display(value):
    """A figure as a sentence shows it: 15, 0.04, -3; blank shows as 0."""
    if value is None:
        return "0"
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")
