"""Reads a format's JSON file into the ``schema`` dataclasses and refuses a file that cannot be right.

The checks here are what a new revision's author gets wrong: a cell code used twice, a 总计
that totals a row that does not exist, an outcome of the requests desk that no 表三 row
counts (it would vanish from the report), a 表四 group or result left out, a check naming
a row the table lacks.
"""

import json

from ...requests.choices import AppealKind, AppealResult, ApplicantType, Outcome
from ..narrative import PATTERNS
from . import schema as s


class FormatError(ValueError):
    """A format file that would produce a wrong report; the message names the file and the fault."""


TABLE_SOURCES = {s.REQUESTS, s.APPEALS, s.CATALOGUE, s.ENTERED}
CHECK_KINDS = {"balance", "row_sum", "column_sum", "previous_year", "narrative"}


def _tuple(data, key):
    return tuple(data.get(key, ()))


def _column(data):
    return s.Column(
        code=data["code"],
        label=data["label"],
        path=_tuple(data, "path"),
        kind=data.get("kind", s.COUNT),
        unit=data.get("unit", ""),
        measure=data.get("measure", ""),
        applicant_type=data.get("applicant_type", ""),
        result=data.get("result", ""),
        entered=data.get("entered", False),
        sum_of=_tuple(data, "sum_of"),
        aliases=_tuple(data, "aliases"),
    )


def _row(data):
    return s.Row(
        code=data["code"],
        label=data["label"],
        short=data.get("short", ""),
        path=_tuple(data, "path"),
        source=data.get("source", ""),
        selectable=data.get("selectable", False),
        measure=data.get("measure", ""),
        outcomes=_tuple(data, "outcomes"),
        appeal_kind=data.get("appeal_kind", ""),
        catalogue_names=_tuple(data, "catalogue_names"),
        sum_of=_tuple(data, "sum_of"),
        aliases=_tuple(data, "aliases"),
    )


def _cells(table, block):
    for row in block.rows:
        for column in block.columns:
            code = s.cell_code(table.code, row.code, column.code)
            if column.sum_of:
                # A 总计 column; where it crosses a 总计 row it still totals across (both agree when the rest does).
                terms = tuple(s.cell_code(table.code, row.code, other) for other in column.sum_of)
                yield s.Cell(code, table.code, block.code, row, column, s.SUM, terms)
            elif row.sum_of:
                terms = tuple(s.cell_code(table.code, other, column.code) for other in row.sum_of)
                yield s.Cell(code, table.code, block.code, row, column, s.SUM, terms)
            elif column.entered:
                yield s.Cell(code, table.code, block.code, row, column, s.ENTERED)
            else:
                yield s.Cell(code, table.code, block.code, row, column, row.source)


class _Validator:
    def __init__(self, name):
        self.name = name

    def fail(self, message):
        raise FormatError(f"{self.name}: {message}")

    def unique(self, codes, what):
        seen = set()
        for code in codes:
            if code in seen:
                self.fail(f"{what} {code!r} appears twice")
            seen.add(code)

    def block(self, table, block):
        self.unique([row.code for row in block.rows], f"row of {table.code}/{block.code}")
        self.unique([column.code for column in block.columns], f"column of {table.code}/{block.code}")
        row_codes = {row.code for row in block.rows}
        column_codes = {column.code for column in block.columns}
        for row in block.rows:
            if missing := set(row.sum_of) - row_codes:
                self.fail(f"row {row.code!r} totals rows that do not exist: {sorted(missing)}")
            if not row.sum_of and row.source not in TABLE_SOURCES:
                self.fail(f"row {row.code!r} has no source (one of {sorted(TABLE_SOURCES)})")
        for column in block.columns:
            if missing := set(column.sum_of) - column_codes:
                self.fail(f"column {column.code!r} totals columns that do not exist: {sorted(missing)}")
            if column.kind not in (s.COUNT, s.SIGNED, s.AMOUNT):
                self.fail(f"column {column.code!r} has an unknown kind {column.kind!r}")

    def requests_table(self, table):
        counted = []
        for block in table.blocks:
            for row in block.rows:
                if row.source == s.REQUESTS and row.measure == "outcome":
                    counted.extend(row.outcomes)
                elif row.source == s.REQUESTS and row.measure not in ("new", "carried_in", "carried_out"):
                    self.fail(f"row {row.code!r} counts requests by an unknown measure {row.measure!r}")
            for column in block.columns:
                if not column.sum_of and column.applicant_type not in ApplicantType.values:
                    self.fail(f"column {column.code!r} names no applicant type")
        self.unique(counted, "outcome")
        if unknown := set(counted) - set(Outcome.values):
            self.fail(f"unknown outcomes {sorted(unknown)}")
        if missing := set(Outcome.values) - set(counted):
            self.fail(f"no row counts the outcomes {sorted(missing)}")

    def appeals_table(self, table):
        kinds, results = set(), set()
        for block in table.blocks:
            kinds |= {row.appeal_kind for row in block.rows}
            results |= {column.result for column in block.columns if not column.sum_of}
        if kinds != set(AppealKind.values):
            self.fail(f"表四 groups {sorted(kinds)} are not the appeal kinds {sorted(AppealKind.values)}")
        if results != set(AppealResult.values):
            self.fail(f"表四 results {sorted(results)} are not {sorted(AppealResult.values)}")

    def check(self, check, tables, cells):
        if check.kind not in CHECK_KINDS:
            self.fail(f"check {check.code!r} has an unknown kind {check.kind!r}")
        if check.kind == "narrative":
            for figure in check.options.get("figures", ()):
                if figure["pattern"] not in PATTERNS:
                    self.fail(f"check {check.code!r} names the unknown text pattern {figure['pattern']!r}")
                if missing := set(figure["cells"]) - set(cells):
                    self.fail(
                        f"check {check.code!r} compares {figure['pattern']!r} with missing cells {sorted(missing)}"
                    )
            return
        table = tables.get(check.table)
        if table is None:
            self.fail(f"check {check.code!r} names the missing table {check.table!r}")
        rows = {row.code for block in table.blocks for row in block.rows}
        columns = {column.code for block in table.blocks for column in block.columns}
        named_rows = [*check.options.get("left", ()), *check.options.get("right", ())]
        named_rows += [check.options[key] for key in ("row", "previous_row") if key in check.options]
        if missing := set(named_rows) - rows:
            self.fail(f"check {check.code!r} names rows {sorted(missing)} that {check.table} lacks")
        if "column" in check.options and check.options["column"] not in columns:
            self.fail(f"check {check.code!r} names the column {check.options['column']!r} that {check.table} lacks")


def parse(data, name="format"):
    """A ``ReportFormat`` from the decoded JSON of a format file."""
    validator = _Validator(data.get("code", name))
    if data.get("schema") != 1:
        validator.fail("unknown schema version (expected 1)")
    tables = []
    for table_data in data["tables"]:
        blocks = tuple(
            s.Block(
                code=block["code"],
                heading=_tuple(block, "heading"),
                corner=block.get("corner", ""),
                columns=tuple(_column(column) for column in block["columns"]),
                rows=tuple(_row(row) for row in block["rows"]),
            )
            for block in table_data["blocks"]
        )
        tables.append(
            s.Table(
                code=table_data["code"],
                section=table_data["section"],
                layout=table_data["layout"],
                corner=table_data.get("corner", ""),
                blocks=blocks,
            )
        )
    cells = {}
    for table in tables:
        for block in table.blocks:
            validator.block(table, block)
            for cell in _cells(table, block):
                if cell.code in cells:
                    validator.fail(f"cell {cell.code!r} appears twice (two blocks share a row code)")
                cells[cell.code] = cell
        sources = {cell.source for cell in cells.values() if cell.table == table.code}
        if s.REQUESTS in sources:
            validator.requests_table(table)
        if s.APPEALS in sources:
            validator.appeals_table(table)
    by_code = {table.code: table for table in tables}
    checks = tuple(
        s.Check(
            code=check["code"],
            kind=check["kind"],
            table=check.get("table", ""),
            options={key: value for key, value in check.items() if key not in ("code", "kind", "table")},
        )
        for check in data.get("checks", ())
    )
    validator.unique([check.code for check in checks], "check")
    for check in checks:
        validator.check(check, by_code, cells)
    sections = tuple(
        s.Section(
            number=section["number"],
            title=section["title"],
            narrative=section.get("narrative", ""),
            table=section.get("table", ""),
        )
        for section in data["sections"]
    )
    for section in sections:
        if section.table and section.table not in by_code:
            validator.fail(f"section {section.number} shows the missing table {section.table!r}")
    return s.ReportFormat(
        code=data["code"],
        title=data["title"],
        document=data.get("document", ""),
        first_year=data.get("first_year", 0),
        sections=sections,
        tables=tuple(tables),
        checks=checks,
        texts=dict(data.get("texts", {})),
        cells=cells,
    )


def load(path):
    return parse(json.loads(path.read_text(encoding="utf-8")), path.name)
