"""Reading a published report: which format it is in, its figures, and what could not be read.

The format is the one given, or else the one whose own labels the tables use (the 2019
format's 本年新制作数量, 对外公开总数量, 第二十条第（九）项 …; the 2021 format's 本年制发件数 …),
then the one more figures are found for, then the newer.

Nothing is guessed: a figure that cannot be read, or is not found, is left blank and said
(``Problem``) with its table, row and column as the format names them. 表三 and 表四 (the
tables of requests and appeals, which next year's checks and the government's report read)
must be there; 表二 may be missing (some publish it as a picture), and is then said once.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import formats
from ..errors import ReportRefused
from ..formats import schema
from . import sections, values
from .labels import key, vocabulary
from .matching import match
from .uploads import FIELD, read_document

REQUIRED_SOURCES = (schema.REQUESTS, schema.APPEALS)


@dataclass(frozen=True)
class Problem:
    """Something the editor should know about an imported report; ``rule`` names a failed 勾稽 check."""

    message: str
    cells: tuple = ()
    rule: str = ""

    def __str__(self):
        return self.message


@dataclass
class Reading:
    format: schema.ReportFormat
    figures: dict  # cell code -> Decimal, or None when not found or unreadable
    problems: list = field(default_factory=list)
    narrative: dict = field(default_factory=dict)  # AnnualReport field -> rich text
    title: str = ""  # the page's heading or the workbook's title


def table_name(fmt, table_code):
    return _("Table %(number)s") % {"number": fmt.table(table_code).section}


def _where(fmt, code):
    cell = fmt.cells[code]
    return {"table": table_name(fmt, cell.table), "row": cell.row.label, "column": cell.column.label}


KIND_WORDS = {
    schema.COUNT: gettext_lazy("a count (a whole number, 0 or more)"),
    schema.SIGNED: gettext_lazy("a change in number (a whole number)"),
    schema.AMOUNT: gettext_lazy("an amount in 万元 (0 or more)"),
}


def _choose(tables, format_version):
    """(format, matching): the one asked for, or the one the tables are in."""
    if format_version:
        if format_version not in formats.FILES:
            raise ReportRefused(_("Choose one of the known report formats."), "format_version")
        fmt = formats.get(format_version)
        return fmt, match(tables, fmt)
    published = {key(slot.text) for table in tables for slot in table.origins()}
    known = {fmt.code: vocabulary(fmt.code).labels() for fmt in formats.all_formats()}
    ranked = []
    for fmt in formats.all_formats():
        others = set().union(*(labels for code, labels in known.items() if code != fmt.code))
        own_hits = len(published & (known[fmt.code] - others))
        matching = match(tables, fmt)
        ranked.append(((own_hits, len(matching.found), fmt.first_year), fmt, matching))
    _rank, fmt, matching = max(ranked, key=lambda item: item[0])
    return fmt, matching


def _tables_present(fmt, matching):
    present = {fmt.cells[code].table for code in matching.found}
    if not present:
        names = "、".join(table_name(fmt, table.code) for table in fmt.tables)
        raise ReportRefused(
            _("No table of the annual report (%(tables)s) was found in the file.") % {"tables": names}, FIELD
        )
    required = {cell.table for cell in fmt.cells.values() if cell.source in REQUIRED_SOURCES}
    missing = [table.code for table in fmt.tables if table.code in required and table.code not in present]
    if missing:
        names = "、".join(table_name(fmt, code) for code in missing)
        raise ReportRefused(
            _("%(tables)s of the annual report was not found in the file, so it cannot be imported.")
            % {"tables": names},
            FIELD,
        )
    return present


def _missing(fmt, codes):
    """Problems for figures not found: one per row when the whole row is missing, else one per figure."""
    problems, by_row = [], {}
    for code in codes:
        cell = fmt.cells[code]
        by_row.setdefault((cell.table, cell.row.code), []).append(code)
    for (table_code, row_code), missing in by_row.items():
        row_cells = [code for code, cell in fmt.cells.items() if (cell.table, cell.row.code) == (table_code, row_code)]
        if len(missing) == len(row_cells) > 1:
            where = _where(fmt, missing[0])
            message = _("%(table)s, row “%(row)s”: the row was not found; its figures are left blank.") % where
            problems.append(Problem(message, tuple(missing)))
            continue
        for code in missing:
            message = _("%(table)s, row “%(row)s”, column “%(column)s”: no figure was found; it is left blank.")
            problems.append(Problem(message % _where(fmt, code), (code,)))
    return problems


def read_tables(tables, format_version=None, lines=()):
    """The ``Reading`` of published tables (and the page's text lines, for the narrative sections)."""
    fmt, matching = _choose(tables, format_version)
    present = _tables_present(fmt, matching)
    figures, problems, missing = {}, [], []
    for table in fmt.tables:
        if table.code not in present:
            problems.append(
                Problem(
                    _("%(table)s was not found in the file; its figures are left blank.")
                    % {"table": table_name(fmt, table.code)},
                    tuple(cell.code for cell in fmt.cells_of(table.code)),
                )
            )
    for code, cell in fmt.cells.items():
        figures[code] = None
        if cell.table not in present:
            continue
        if code not in matching.found:
            missing.append(code)
            continue
        text = matching.found[code]
        try:
            figures[code] = values.read(text, cell.kind)
        except values.Unreadable:
            message = _(
                "%(table)s, row “%(row)s”, column “%(column)s”: “%(text)s” cannot be read as %(what)s; "
                "it is left blank."
            )
            where = {**_where(fmt, code), "text": text[:40], "what": KIND_WORDS[cell.kind]}
            problems.append(Problem(message % where, (code,)))
    problems += _missing(fmt, missing)
    for conflict in matching.conflicts:
        message = _(
            "%(table)s, row “%(row)s”, column “%(column)s”: the file gives both “%(kept)s” and “%(other)s”; "
            "“%(kept)s”, nearer its labels, is kept."
        )
        where = {**_where(fmt, conflict.code), "kept": conflict.kept[:40], "other": conflict.other[:40]}
        problems.append(Problem(message % where, (conflict.code,)))
    return Reading(fmt, figures, problems, sections.narrative(fmt, lines))


def read_report(upload_or_text, format_version=None):
    """The ``Reading`` of an uploaded file or pasted HTML; refuses what is no report (``ReportRefused``)."""
    anchor = formats.get(formats.CURRENT).sections[0].title
    document = read_document(upload_or_text, anchor)
    reading = read_tables(document.tables, format_version, document.lines)
    reading.title = document.title
    return reading


YEAR_IN_TITLE = re.compile(r"(20\d\d)\s*年")


def title_problems(reading, agency, year):
    """The file's own title naming another year or agency than the one it is imported for."""
    title = reading.title
    if not title:
        return []
    problems = []
    years = {int(found) for found in YEAR_IN_TITLE.findall(title)}
    if years and year not in years:
        message = _("The file's title “%(title)s” names another year than %(year)s, the year it is imported for.")
        problems.append(Problem(message % {"title": title, "year": year}, ()))
    names = {name for name in (agency.title, agency.short_name) if name}
    if "年度报告" in title and not any(name in title for name in names):
        message = _("The file's title “%(title)s” does not name %(agency)s, the agency it is imported for.")
        problems.append(Problem(message % {"title": title, "agency": agency.title}, ()))
    return problems
