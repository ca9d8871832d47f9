"""The figures of a report: computing them, overriding them with a reason, entering them by hand.

One place writes ``ReportFigure``; the rules it keeps:

- ``recompute`` refreshes every computed figure from the data (``tables`` for an agency,
  ``aggregate`` for a government), logs a ``ReportComputation`` and returns what changed
  since the last one. Overrides and entered figures survive it.
- A computed figure is replaced only by ``override``, which needs a reason and records who
  and when (and the change in ``ReportFigureChange``); ``remove_override`` restores it.
- Figures the agency keeps elsewhere (表二 rows set to ``entered``, 上一年项目数量 …) are set by
  ``enter`` with a note saying where they come from.
- Totals (``sum`` cells) are the sums of the figures the report *shows*, so an override of a
  part moves its totals; a total can itself be overridden, and then the checks say whether it
  still adds up.

The figure the report shows is the entered one when there is one, else the computed one.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import aggregate, tables
from .choices import FigureChangeKind, ReportLevel, ReportState
from .errors import ReportRefused
from .formats import schema
from .models import AnnualReport, ReportComputation, ReportFigure, ReportFigureChange, ReportRowSource

#: The source of a government report's figures: the sum of its members' reports.
MEMBERS = "members"
#: An imported report's figures are the ones it published, whatever the format's sources.
IMPORTED = "imported"
LARGEST = Decimal(10) ** 13


@dataclass(frozen=True)
class Change:
    """A figure whose computed value differs from the last computation (``before`` None: first one)."""

    cell: schema.Cell
    before: Decimal | None
    after: Decimal | None


def row_settings(agency):
    """{表二 row code: ReportRowSource} of the agency."""
    return {setting.row: setting for setting in ReportRowSource.objects.filter(agency=agency)}


def sources(report, settings=None):
    """{cell code: where its figure comes from} once the agency's row settings apply."""
    fmt = report.format
    if report.state == ReportState.IMPORTED:
        return dict.fromkeys(fmt.cells, IMPORTED)
    if report.level == ReportLevel.GOVERNMENT:
        return {code: (schema.SUM if cell.is_sum else MEMBERS) for code, cell in fmt.cells.items()}
    settings = row_settings(report.agency) if settings is None else settings
    result = {}
    for code, cell in fmt.cells.items():
        setting = settings.get(cell.row.code)
        result[code] = cell.source_for(setting.source if setting else None)
    return result


def values(report):
    """{cell code: the figure the report shows, or None when blank} for every cell of its format."""
    stored = {figure.cell: figure.value for figure in report.figures.all()}
    return {code: stored.get(code) for code in report.format.cells}


def _sums(fmt, shown):
    """{sum cell code: total} where ``shown(code)`` is the figure a part contributes."""
    totals = {}

    def total(code):
        if code not in totals:
            totals[code] = sum((part(term) for term in fmt.cells[code].sum_of), Decimal(0))
        return totals[code]

    def part(code):
        own = shown(code)
        if own is not None:
            return own
        return total(code) if fmt.cells[code].is_sum else Decimal(0)

    for code, cell in fmt.cells.items():
        if cell.is_sum:
            total(code)
    return totals


def _figures(report):
    """{cell code: ReportFigure}, creating the rows a report (or a newer format file) still lacks."""
    existing = {figure.cell: figure for figure in report.figures.all()}
    missing = [ReportFigure(report=report, cell=code) for code in report.format.cells if code not in existing]
    if missing:
        ReportFigure.objects.bulk_create(missing)
        existing = {figure.cell: figure for figure in report.figures.all()}
    return existing


def _refresh_sums(report, figures):
    fmt = report.format

    def shown(code):
        figure = figures[code]
        if fmt.cells[code].is_sum:
            return figure.entered
        return figure.value

    changed = []
    for code, total in _sums(fmt, shown).items():
        figure = figures[code]
        total = schema.normalise(total, fmt.cells[code].kind)
        if figure.computed != total:
            figure.computed = total
            changed.append(figure)
    return changed


def _locked(report):
    locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if locked.state != ReportState.DRAFT:
        raise ReportRefused(
            _("Only a draft report can be changed; this one is “%(state)s”.") % {"state": locked.get_state_display()}
        )
    return locked


def _data(report, settings, cell_sources):
    fmt = report.format
    if report.level == ReportLevel.GOVERNMENT:
        cells = [cell for cell in fmt.cells.values() if not cell.is_sum]
        return aggregate.compute(report, cells), {}
    return tables.compute(fmt, report.agency, report.year, settings, cell_sources)


def _snapshot(fmt, found, figures, cell_sources):
    """The computation as data alone: computed figures and their totals; figures entered by hand are
    the editor's, not the data's, and are left out (their changes are in the figure history)."""
    pure = {}
    for code, cell in fmt.cells.items():
        if cell.is_sum:
            continue
        if cell_sources[code] == schema.ENTERED:
            pure[code] = None
        else:
            pure[code] = schema.normalise(found.get(code, 0), cell.kind)
    pure.update(_sums(fmt, lambda code: None if fmt.cells[code].is_sum else pure[code]))
    return {code: (None if pure[code] is None else schema.display(pure[code])) for code in fmt.cells}


@transaction.atomic
def recompute(report, actor=None):
    """Refresh the computed figures; log the computation; return the [Change] since the last one."""
    report = _locked(report)
    fmt = report.format
    settings = row_settings(report.agency) if report.level == ReportLevel.AGENCY else {}
    cell_sources = sources(report, settings)
    found, notes = _data(report, settings, cell_sources)
    figures = _figures(report)
    for code, cell in fmt.cells.items():
        figure = figures[code]
        source = cell_sources[code]
        if cell.is_sum:
            continue
        if source == schema.ENTERED:
            figure.computed = None
            if figure.entered is None:  # not entered yet: the row's own note, not a stale catalogue one
                setting = settings.get(cell.row.code)
                figure.source_note = setting.source_note if setting is not None else ""
            continue
        computed = schema.normalise(found.get(code, 0), cell.kind)
        if figure.entered is not None and not figure.reason:
            # Entered by hand while the row was kept elsewhere; the row is counted now.
            ReportFigureChange.objects.create(
                report=report,
                cell=code,
                kind=FigureChangeKind.OVERRIDE_REMOVED,
                before=figure.entered,
                after=computed,
                reason=_("The row is now counted from Gongkai's data."),
                actor=actor,
            )
            figure.entered = None
            figure.overridden_by = figure.overridden_at = None
        figure.computed = computed
        figure.source_note = notes.get(code, "")
    _refresh_sums(report, figures)
    ReportFigure.objects.bulk_update(
        figures.values(), ["computed", "entered", "source_note", "overridden_by", "overridden_at"]
    )
    snapshot = _snapshot(fmt, found, figures, cell_sources)
    last = report.computations.order_by("-at", "-pk").first()
    before = last.values if last else {}
    changes = {code: [before.get(code), after] for code, after in snapshot.items() if before.get(code) != after}
    ReportComputation.objects.create(report=report, by=actor, values=snapshot, changes=changes)
    return [
        Change(fmt.cells[code], None if was is None else Decimal(was), None if is_ is None else Decimal(is_))
        for code, (was, is_) in changes.items()
    ]


def parse_value(cell, raw):
    """The figure typed for ``cell`` as a Decimal (None for blank); refuses what the cell cannot hold."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) >= LARGEST:
        raise ReportRefused(_("“%(value)s” is not a figure.") % {"value": text[:40]}, "value")
    whole = value == value.to_integral_value()
    if cell.kind == schema.COUNT and (value < 0 or not whole):
        raise ReportRefused(_("%(cell)s is a count: enter a whole number, 0 or more.") % {"cell": cell.name}, "value")
    if cell.kind == schema.SIGNED and not whole:
        raise ReportRefused(
            _("%(cell)s is a change in number: enter a whole number (negative for a decrease).") % {"cell": cell.name},
            "value",
        )
    if cell.kind == schema.AMOUNT and (value < 0 or value.as_tuple().exponent < -4):
        raise ReportRefused(
            _("%(cell)s is an amount in 万元: enter 0 or more, with at most four decimals.") % {"cell": cell.name},
            "value",
        )
    return schema.normalise(value, cell.kind)


def _cell(report, code):
    try:
        return report.format.cells[code]
    except KeyError:
        raise ReportRefused(_("The report has no figure “%(cell)s”.") % {"cell": code}, "cell") from None


def _save(report, figure, kind, before, reason, actor):
    figure.save()
    ReportFigureChange.objects.create(
        report=report, cell=figure.cell, kind=kind, before=before, after=figure.value, reason=reason, actor=actor
    )
    figures = _figures(report)
    figures[figure.cell] = figure
    ReportFigure.objects.bulk_update(_refresh_sums(report, figures), ["computed"])
    return figure


@transaction.atomic
def override(report, cell, value, actor, reason):
    """Show ``value`` instead of the computed figure of ``cell``; the reason, who and when are kept."""
    report = _locked(report)
    target = _cell(report, cell)
    if sources(report)[cell] == schema.ENTERED:
        raise ReportRefused(_("This figure is entered by hand: enter it with its source note."), "cell")
    if actor is None:
        raise ReportRefused(_("An override must be made by a named user."))
    if not (reason or "").strip():
        raise ReportRefused(_("Say why the computed figure is wrong."), "reason")
    parsed = parse_value(target, value)
    if parsed is None:
        raise ReportRefused(_("Enter the figure that should be shown."), "value")
    figure = _figures(report)[cell]
    before = figure.value
    figure.entered = parsed
    figure.reason = reason.strip()
    figure.overridden_by = actor
    figure.overridden_at = timezone.now()
    return _save(report, figure, FigureChangeKind.OVERRIDDEN, before, figure.reason, actor)


@transaction.atomic
def remove_override(report, cell, actor, reason=""):
    """Show the computed figure again; the removal is kept in the history."""
    report = _locked(report)
    _cell(report, cell)
    figure = _figures(report)[cell]
    if figure.entered is None or sources(report)[cell] == schema.ENTERED:
        raise ReportRefused(_("This figure is not overridden."), "cell")
    before = figure.value
    figure.entered = None
    figure.reason = ""
    figure.overridden_by = actor
    figure.overridden_at = timezone.now()
    return _save(report, figure, FigureChangeKind.OVERRIDE_REMOVED, before, (reason or "").strip(), actor)


@transaction.atomic
def enter(report, cell, value, actor, source_note=""):
    """Set a figure the agency keeps elsewhere; it needs a note saying where it comes from."""
    report = _locked(report)
    target = _cell(report, cell)
    if sources(report)[cell] != schema.ENTERED:
        raise ReportRefused(_("This figure is computed: override it with a reason instead."), "cell")
    figure = _figures(report)[cell]
    setting = ReportRowSource.objects.filter(agency=report.agency, row=target.row.code).first()
    note = (source_note or "").strip() or figure.source_note or (setting.source_note if setting else "")
    if not note.strip():
        raise ReportRefused(_("Say where this figure comes from."), "source_note")
    before = figure.value
    figure.entered = parse_value(target, value)
    figure.source_note = note
    figure.overridden_by = actor
    figure.overridden_at = timezone.now()
    return _save(report, figure, FigureChangeKind.ENTERED, before, note, actor)
