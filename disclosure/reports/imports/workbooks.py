"""A report in an XLSX workbook: each sheet read as one table, merged cells expanded.

Gongkai's own export writes one sheet per table (表二, 表三, 表四) under a caption row; other
offices put every table on one sheet, one after another. Either reads, since matching goes by
labels, not by sheet. Numbers come as Excel stores them (12, 12.0, 0.35); formulas as their
last computed value (a formula never computed reads blank).
"""

import io
from decimal import Decimal

from openpyxl import load_workbook

from .published import LONGEST, MOST_CELLS, WIDEST, PublishedTable, Slot


class BrokenWorkbook(ValueError):
    """The zip is not a workbook openpyxl can read."""


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return " ".join(str(value).split())


def _sheet(sheet, room):
    """The sheet as a table, within the bounds ``published`` sets (a sheet of all tables is some 60 rows)."""
    width = min(sheet.max_column, WIDEST)
    height = min(sheet.max_row, LONGEST, room // max(width, 1))
    if height < 1:
        return PublishedTable()
    values = [
        [_text(value) for value in row] for row in sheet.iter_rows(max_row=height, max_col=width, values_only=True)
    ]
    matrix = [[Slot(text, r, c) for c, text in enumerate(line)] for r, line in enumerate(values)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(matrix) or left >= width:
            continue
        origin = matrix[top][left]
        for r in range(top, min(merged.max_row, len(matrix))):
            for c in range(left, min(merged.max_col, width)):
                matrix[r][c] = origin
    return PublishedTable(matrix)


def read_workbook(content):
    """(one ``PublishedTable`` per sheet of the XLSX ``content`` (bytes), the workbook's title)."""
    try:
        workbook = load_workbook(io.BytesIO(content), data_only=True)
    except Exception as exc:  # openpyxl lets a malformed part's own error through (zip, XML, styles…)
        raise BrokenWorkbook(str(exc)) from exc
    tables, room = [], MOST_CELLS
    for sheet in workbook.worksheets:
        if room <= 0:
            break
        tables.append(_sheet(sheet, room))
        room -= tables[-1].size
    return [table for table in tables if table.matrix], (workbook.properties.title or "")[:200]
