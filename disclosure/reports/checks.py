"""The 勾稽 checks of a report, each a sentence that names the cells and their figures.

Which checks apply is part of the format (its ``checks``); each kind is a function here:

- ``balance`` (表三): in every column 一 + 二 = 三（七）+ 四 — the format's own corner note.
- ``row_sum`` (表三): 三（七）总计 is the sum of the outcome rows it totals, in every column.
- ``column_sum`` (表三, 表四): every row's 总计 is the sum of the columns it totals.
- ``previous_year``: this year's 二 上年结转 equals last year's 四 结转下年度, column by column,
  when last year's report exists (the report of the same agency and level).
- ``narrative``: figures quoted in 一, 五 and 六 (see ``narrative``) agree with the tables.
- and, for every format, every figure kept outside Gongkai (``entered``) has been entered.

Checks read the figures the report shows (entered or overriding values included); a blank
figure reads as 0, as in published reports. A report with any failing check cannot be
submitted (``submission``).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import figures, narrative
from .choices import ReportState
from .formats.schema import ENTERED, cell_code, display


class Status(models.TextChoices):
    PASSED = "passed", gettext_lazy("Passed")
    FAILED = "failed", gettext_lazy("Failed")
    SKIPPED = "skipped", gettext_lazy("Not applicable")


@dataclass(frozen=True)
class CheckResult:
    rule: str
    status: str
    message: str
    cells: tuple = ()

    @property
    def failed(self):
        return self.status == Status.FAILED


def _value(shown, code):
    value = shown.get(code)
    return Decimal(0) if value is None else value


def _terms(fmt, shown, codes, name=lambda cell: cell.row.name):
    """'一（12）+ 二（3）' and the sum."""
    parts = [f"{name(fmt.cells[code])}（{display(_value(shown, code))}）" for code in codes]
    return " + ".join(parts), sum((_value(shown, code) for code in codes), Decimal(0))


def _table_name(fmt, table):
    return _("Table %(number)s") % {"number": fmt.table(table).section}


def balance(report, check, shown):
    fmt = report.format
    table = fmt.table(check.table)
    left_names = " + ".join(table.blocks[0].row(code).name for code in check.options["left"])
    right_names = " + ".join(table.blocks[0].row(code).name for code in check.options["right"])
    results = []
    for block in table.blocks:
        for column in block.columns:
            left = [cell_code(table.code, row, column.code) for row in check.options["left"]]
            right = [cell_code(table.code, row, column.code) for row in check.options["right"]]
            left_text, left_sum = _terms(fmt, shown, left)
            right_text, right_sum = _terms(fmt, shown, right)
            if left_sum != right_sum:
                message = _("%(table)s, column “%(column)s”: %(left)s = %(left_sum)s, but %(right)s = %(right_sum)s.")
                results.append(
                    CheckResult(
                        check.code,
                        Status.FAILED,
                        message
                        % {
                            "table": _table_name(fmt, table.code),
                            "column": column.label,
                            "left": left_text,
                            "left_sum": display(left_sum),
                            "right": right_text,
                            "right_sum": display(right_sum),
                        },
                        tuple(left + right),
                    )
                )
    if results:
        return results
    message = _("%(table)s: in every column %(left)s = %(right)s.")
    return [
        CheckResult(
            check.code,
            Status.PASSED,
            message % {"table": _table_name(fmt, table.code), "left": left_names, "right": right_names},
        )
    ]


def row_sum(report, check, shown):
    """The total row equals the sum of the rows it totals, column by column."""
    fmt = report.format
    table = fmt.table(check.table)
    results = []
    for block in table.blocks:
        total_row = block.row(check.options["row"])
        for column in block.columns:
            code = cell_code(table.code, total_row.code, column.code)
            parts = [cell_code(table.code, row, column.code) for row in total_row.sum_of]
            added = sum((_value(shown, part) for part in parts), Decimal(0))
            if _value(shown, code) != added:
                message = _(
                    "%(table)s, column “%(column)s”: %(row)s is %(value)s, but the %(count)d rows it totals "
                    "(%(first)s to %(last)s) add up to %(sum)s."
                )
                values = {
                    "table": _table_name(fmt, table.code),
                    "column": column.label,
                    "row": total_row.name,
                    "value": display(_value(shown, code)),
                    "count": len(parts),
                    "first": block.row(total_row.sum_of[0]).name,
                    "last": block.row(total_row.sum_of[-1]).name,
                    "sum": display(added),
                }
                results.append(CheckResult(check.code, Status.FAILED, message % values, (code, *parts)))
    if results:
        return results
    row = table.blocks[0].row(check.options["row"])
    message = _("%(table)s: in every column %(row)s is the sum of the %(count)d rows it totals.")
    values = {"table": _table_name(fmt, table.code), "row": row.name, "count": len(row.sum_of)}
    return [CheckResult(check.code, Status.PASSED, message % values)]


def column_sum(report, check, shown):
    """The total column equals the sum of the columns it totals, row by row."""
    fmt = report.format
    table = fmt.table(check.table)
    results = []
    for block in table.blocks:
        total_column = block.column(check.options["column"])
        for row in block.rows:
            code = cell_code(table.code, row.code, total_column.code)
            parts = [cell_code(table.code, row.code, column) for column in total_column.sum_of]
            text, added = _terms(fmt, shown, parts, name=lambda cell: cell.column.label)
            if _value(shown, code) != added:
                message = _("%(table)s, row %(row)s: %(column)s is %(value)s, but %(terms)s = %(sum)s.")
                values = {
                    "table": _table_name(fmt, table.code),
                    "row": row.name,
                    "column": total_column.label,
                    "value": display(_value(shown, code)),
                    "terms": text,
                    "sum": display(added),
                }
                results.append(CheckResult(check.code, Status.FAILED, message % values, (code, *parts)))
    if results:
        return results
    column = table.blocks[0].column(check.options["column"])
    message = _("%(table)s: in every row %(column)s is the sum of the columns it totals.")
    values = {"table": _table_name(fmt, table.code), "column": column.label}
    return [CheckResult(check.code, Status.PASSED, message % values)]


def previous_year(report, check, shown):
    fmt = report.format
    table = fmt.table(check.table)
    row = table.blocks[0].row(check.options["row"])
    previous = report.previous()
    names = {"table": _table_name(fmt, table.code), "row": row.name, "year": report.year - 1}
    if previous is None:
        message = _("There is no report for %(year)s, so %(table)s %(row)s cannot be compared with last year's.")
        return [CheckResult(check.code, Status.SKIPPED, message % names)]
    before = figures.values(previous)
    previous_row = check.options["previous_row"]
    results = []
    for column in table.blocks[0].columns:
        code = cell_code(table.code, row.code, column.code)
        then = cell_code(table.code, previous_row, column.code)
        if then not in previous.format.cells:
            continue
        if _value(shown, code) != _value(before, then):
            message = _(
                "%(table)s, column “%(column)s”: %(row)s (carried over from last year) is %(value)s, "
                "but the report for %(year)s carried %(previous)s forward (%(previous_row)s)."
            )
            values = {
                **names,
                "column": column.label,
                "value": display(_value(shown, code)),
                "previous": display(_value(before, then)),
                "previous_row": previous.format.cells[then].row.name,
            }
            results.append(CheckResult(check.code, Status.FAILED, message % values, (code,)))
    if results:
        return results
    message = _("%(table)s: in every column %(row)s equals what the report for %(year)s carried forward.")
    return [CheckResult(check.code, Status.PASSED, message % names)]


def narrative_figures(report, check, shown):
    fmt = report.format
    cells_of = {entry["pattern"]: entry["cells"] for entry in check.options.get("figures", ())}
    results, compared = [], 0
    for section in fmt.narrative_sections():
        for mention in narrative.mentions(getattr(report, section.narrative, "")):
            codes = cells_of.get(mention.pattern)
            if not codes:
                continue
            compared += 1
            table_value = sum((_value(shown, code) for code in codes), Decimal(0))
            if table_value != mention.number:
                cells = "、".join(f"{_table_name(fmt, fmt.cells[code].table)} {fmt.cells[code].name}" for code in codes)
                message = _("Section %(section)s says “%(quote)s”, but %(cells)s gives %(value)s.")
                values = {
                    "section": section.number,
                    "quote": mention.quote,
                    "cells": cells,
                    "value": display(table_value),
                }
                results.append(CheckResult(check.code, Status.FAILED, message % values, tuple(codes)))
    if results:
        return results
    if not compared:
        return [CheckResult(check.code, Status.SKIPPED, _("The text quotes no figure that can be compared."))]
    message = _("The %(count)d figures quoted in the text agree with the tables.")
    return [CheckResult(check.code, Status.PASSED, message % {"count": compared})]


def entered_figures(report, shown):
    """Every figure kept outside Gongkai is filled in: a blank would print as 0, which it may not be."""
    fmt = report.format
    sources = figures.sources(report)
    missing = [code for code, source in sources.items() if source == ENTERED and shown.get(code) is None]
    if not missing:
        return [CheckResult("entered", Status.PASSED, _("Every figure kept outside Gongkai has been entered."))]
    message = _("%(table)s %(cell)s is kept outside Gongkai and has not been entered yet: enter it with its source.")
    return [
        CheckResult(
            "entered",
            Status.FAILED,
            message % {"table": _table_name(fmt, fmt.cells[code].table), "cell": fmt.cells[code].name},
            (code,),
        )
        for code in missing
    ]


KINDS = {
    "balance": balance,
    "row_sum": row_sum,
    "column_sum": column_sum,
    "previous_year": previous_year,
    "narrative": narrative_figures,
}


def run(report):
    """Every check of the report's format, in the format's order: passed, failed (one per fault) or skipped."""
    shown = figures.values(report)
    # Figures entered by hand are the agency's to give; a report imported as published has none.
    results = entered_figures(report, shown) if report.state != ReportState.IMPORTED else []
    for check in report.format.checks:
        results.extend(KINDS[check.kind](report, check, shown))
    return results


def failures(report):
    return [result for result in run(report) if result.failed]
