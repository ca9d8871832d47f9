"""What the report's screens show, gathered without HTTP: the tables with a mark on every figure
typed by hand, the 勾稽 checks beside the table they check, what the last computation changed,
the history, and a government's members with their part of the key totals.

Cells are named as the checks name them (``表三 一（自然人）``: the table, then ``Cell.name``), so
the change list, the history and the check sentences read alike.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import aggregate, checks, figures, layout
from ..choices import ReportLevel, RowSource
from ..formats import FILES, schema
from ..pages import AnnualReportPage
from ..permissions import can_read

#: The totals a government's members table shows, in this order (where the format has them).
KEY_TOTALS = (
    "t3:new:total",
    "t3:carried_in:total",
    "t3:total:total",
    "t3:carried_out:total",
    "t4:review:total",
    "t4:lawsuit_direct:total",
    "t4:lawsuit_after_review:total",
)

SOURCES = {
    schema.REQUESTS: gettext_lazy("Counted from the requests handled at the desk (依申请公开)"),
    schema.APPEALS: gettext_lazy("Counted from the register of reconsiderations and lawsuits"),
    schema.CATALOGUE: RowSource.CATALOGUE.label,
    schema.SUM: gettext_lazy("The sum of other figures of this report"),
    schema.ENTERED: RowSource.ENTERED.label,
    figures.MEMBERS: gettext_lazy("The sum of the members' own reports"),
    figures.IMPORTED: gettext_lazy("As published, read from the imported report"),
}


def table_name(fmt, table_code):
    return _("Table %(number)s") % {"number": fmt.table(table_code).section}


def cell_label(fmt, code):
    """``表三 一（自然人）``; the code itself for a cell the format no longer has."""
    cell = fmt.cells.get(code)
    return f"{table_name(fmt, cell.table)} {cell.name}" if cell else code


def person(user):
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()


def when(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def format_label(code):
    return FILES[code][1] if code in FILES else code


@dataclass(frozen=True)
class Mark:
    """A figure typed by hand: ``kind`` overridden / entered / missing, a short word, and who, when, why."""

    kind: str
    label: str
    title: str


def mark_of(figure, source):
    if source == figures.IMPORTED:
        return None  # the figure as published: nobody changed it here
    if source == schema.ENTERED:
        if figure is None or figure.entered is None:
            return Mark("missing", _("to enter"), _("Kept outside Gongkai: enter it with its source."))
        text = _("Entered by %(user)s on %(at)s. Source: %(note)s")
        values = {"user": person(figure.overridden_by), "at": when(figure.overridden_at), "note": figure.source_note}
        return Mark("entered", _("entered"), text % values)
    if figure is not None and figure.entered is not None:
        text = _("Overridden by %(user)s on %(at)s (computed: %(computed)s). Reason: %(reason)s")
        values = {
            "user": person(figure.overridden_by),
            "at": when(figure.overridden_at),
            "computed": schema.display(figure.computed),
            "reason": figure.reason,
        }
        return Mark("overridden", _("overridden"), text % values)
    return None


def marks(report, cell_sources):
    """{cell code: Mark} of the figures typed by hand (or still to be)."""
    stored = {figure.cell: figure for figure in report.figures.select_related("overridden_by")}
    found = {}
    for code, source in cell_sources.items():
        mark = mark_of(stored.get(code), source)
        if mark is not None:
            found[code] = mark
    return found


@dataclass
class TableView:
    grid: layout.Grid
    checks: list = field(default_factory=list)

    @property
    def code(self):
        return self.grid.table.code


@dataclass
class CheckView:
    """A check result with the table it belongs to and where its first cell is."""

    result: checks.CheckResult
    table: str = ""

    @property
    def status(self):
        return self.result.status

    @property
    def failed(self):
        return self.result.failed

    @property
    def status_label(self):
        return checks.Status(self.status).label

    @property
    def anchor(self):
        return f"figure-{self.result.cells[0]}" if self.result.cells else ""


def checked(report):
    """[CheckView] in the format's order, failures first."""
    tables = {check.code: check.table for check in report.format.checks}
    views = [CheckView(result, tables.get(result.rule, "")) for result in checks.run(report)]
    return sorted(views, key=lambda view: not view.failed)


def tables(report, check_views):
    """[TableView]: each table's grid and the checks that read it."""
    fmt = report.format
    found = []
    for table in fmt.tables:
        view = TableView(layout.grid(fmt, table.code))
        view.checks = [check for check in check_views if check.table == table.code]
        found.append(view)
    return found


def named_changes(fmt, changes):
    """[(cell label, before, after)] of a computation's ``changes`` (cell → [before, after]), in reading order."""
    order = {code: index for index, code in enumerate(fmt.cells)}
    return [
        (cell_label(fmt, code), "—" if before is None else before, "—" if after is None else after)
        for code, (before, after) in sorted(changes.items(), key=lambda item: order.get(item[0], len(order)))
    ]


def last_changes(report):
    """What the latest computation changed since the one before it; None when it was the first."""
    latest = list(report.computations.select_related("by").order_by("-at", "-pk")[:2])
    if len(latest) < 2:
        return None
    return {"computation": latest[0], "changes": named_changes(report.format, latest[0].changes)}


def computations(report):
    fmt = report.format
    found = list(report.computations.select_related("by").order_by("-at", "-pk"))
    return [
        {
            "computation": computation,
            "first": index == len(found) - 1,
            "changes": named_changes(fmt, computation.changes) if index != len(found) - 1 else [],
        }
        for index, computation in enumerate(found)
    ]


def _shown(value):
    return "—" if value is None else schema.display(value)


def figure_changes(report, cell=None):
    """[(ReportFigureChange, cell label, before, after)], newest first."""
    fmt = report.format
    changes = report.figure_changes.select_related("actor")
    if cell:
        changes = changes.filter(cell=cell)
    return [(change, cell_label(fmt, change.cell), _shown(change.before), _shown(change.after)) for change in changes]


def members(report, user):
    """A government report's members with their report (readable or not) and their part of the key totals."""
    if report.level != ReportLevel.GOVERNMENT:
        return None
    fmt = report.format
    keys = [code for code in KEY_TOTALS if code in fmt.cells]
    parts = {}
    for code, contributions in aggregate.contributions(report).items():
        if code in keys:
            for agency, shown in contributions:
                parts.setdefault(agency.pk, {})[code] = shown
    rows = []
    for agency, found in aggregate.members(report):
        shown = parts.get(agency.pk, {})
        rows.append(
            {
                "agency": agency,
                "report": found,
                "readable": found is not None and can_read(user, found),
                "figures": [schema.display(shown.get(code)) if found else "" for code in keys],
            }
        )
    return {
        "columns": [cell_label(fmt, code) for code in keys],
        "rows": rows,
        "missing": aggregate.missing(report),
    }


def contributions_to(report, cell):
    """[(agency, shown figure)] of a government report's members for one cell; None for an agency report."""
    if report.level != ReportLevel.GOVERNMENT:
        return None
    return [(agency, schema.display(shown)) for agency, shown in aggregate.contributions(report).get(cell, [])]


def headings_of(fmt, code):
    """The table's caption and the headers that name a figure in the national layout (its <td headers>)."""
    cell = fmt.cells[code]
    grid = layout.grid(fmt, cell.table)
    texts = {entry.id: entry.text for entry in grid.cells() if entry.id}
    found = next((entry for entry in grid.cells() if entry.cell == code), None)
    return [grid.caption, *(texts[header] for header in (found.headers if found else ()) if header in texts)]


def published_page(report):
    """The report's page in the catalogue (in review or live) with where it stands, or None."""
    page = AnnualReportPage.objects.filter(report=report).first()
    if page is None:
        return None
    state = page.current_workflow_state
    task = page.current_workflow_task
    return {
        "page": page,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "live_url": page.url if page.live else "",
        "in_review": task.name if state is not None and task is not None else "",
    }
