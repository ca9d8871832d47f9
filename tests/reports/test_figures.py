"""Overrides need a reason and keep who, when and why; totals follow what the report shows; recomputing
says what changed since the last computation and leaves overrides alone."""

from decimal import Decimal

import pytest

from disclosure.reports import drafting, figures
from disclosure.reports.choices import FigureChangeKind, ReportState
from disclosure.reports.errors import ReportRefused
from disclosure.requests.choices import ApplicantType

from .helpers import decided, received, shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(agency, handler):
    decided(agency, handler, "2025-03-03", "2025-03-10")
    received(agency, handler, "2025-11-03")
    return drafting.start_report(agency, 2025, actor=handler)


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_an_override_without_a_reason_is_refused_and_changes_nothing(report, handler, reason):
    with pytest.raises(ReportRefused) as refused:
        figures.override(report, "t3:new:person", 3, handler, reason)
    assert refused.value.field == "reason"
    assert shown(report)["t3:new:person"] == 2
    assert not report.figure_changes.exists()


def test_an_override_needs_a_named_user(report):
    with pytest.raises(ReportRefused):
        figures.override(report, "t3:new:person", 3, None, "纸质申请漏登记一件")


def test_an_override_is_shown_recorded_and_moves_the_totals(report, handler):
    figures.override(report, "t3:new:person", 3, handler, "  纸质申请漏登记一件  ")
    figure = report.figures.get(cell="t3:new:person")
    assert figure.computed == 2 and figure.entered == 3 and figure.value == 3
    assert figure.reason == "纸质申请漏登记一件"
    assert figure.overridden_by == handler and figure.overridden_at is not None
    assert shown(report)["t3:new:total"] == 3  # the total is the sum of what the row shows
    change = report.figure_changes.get()
    assert (change.kind, change.before, change.after, change.actor) == (
        FigureChangeKind.OVERRIDDEN,
        Decimal(2),
        Decimal(3),
        handler,
    )
    assert change.reason == "纸质申请漏登记一件"
    figures.remove_override(report, "t3:new:person", handler, "已补登记")
    assert shown(report)["t3:new:person"] == 2 and shown(report)["t3:new:total"] == 2
    assert report.figure_changes.first().kind == FigureChangeKind.OVERRIDE_REMOVED


@pytest.mark.parametrize("value", ["-1", "1.5", "abc", "", "1e20"])
def test_a_count_must_be_a_whole_number(report, handler, value):
    with pytest.raises(ReportRefused) as refused:
        figures.override(report, "t3:new:person", value, handler, "核对")
    assert refused.value.field == "value"


def test_unknown_cells_are_refused(report, handler):
    with pytest.raises(ReportRefused) as refused:
        figures.override(report, "t3:nowhere:person", 1, handler, "核对")
    assert refused.value.field == "cell"


def test_the_first_computation_lists_every_figure_and_a_recompute_only_what_moved(agency, handler, report):
    first = report.computations.get()
    assert first.by == handler
    assert first.values["t3:new:person"] == "2" and first.changes["t3:new:person"] == [None, "2"]
    assert figures.recompute(report, handler) == []
    received(agency, handler, "2025-12-01", ApplicantType.COMMERCIAL)
    changes = figures.recompute(report, handler)
    assert {(change.cell.code, change.before, change.after) for change in changes} == {
        ("t3:new:commercial", 0, 1),
        ("t3:new:total", 2, 3),
        ("t3:carried_out:commercial", 0, 1),
        ("t3:carried_out:total", 1, 2),
    }
    latest = report.computations.order_by("-pk").first()
    assert latest.changes == {
        "t3:new:commercial": ["0", "1"],
        "t3:new:total": ["2", "3"],
        "t3:carried_out:commercial": ["0", "1"],
        "t3:carried_out:total": ["1", "2"],
    }


def test_overrides_survive_recomputation_and_do_not_show_as_data_changes(agency, handler, report):
    figures.override(report, "t3:new:person", 3, handler, "纸质申请漏登记一件")
    assert figures.recompute(report, handler) == []
    figure = report.figures.get(cell="t3:new:person")
    assert figure.value == 3 and figure.computed == 2


def test_a_submitted_report_is_not_changed(report, handler):
    report.state = ReportState.SUBMITTED
    report.save()
    with pytest.raises(ReportRefused):
        figures.override(report, "t3:new:person", 3, handler, "核对")
    with pytest.raises(ReportRefused):
        figures.recompute(report, handler)


def test_a_second_report_for_the_same_agency_year_and_level_is_refused(agency, report):
    with pytest.raises(ReportRefused) as refused:
        drafting.start_report(agency, 2025)
    assert refused.value.field == "year"


def test_recomputing_takes_the_same_few_queries_however_much_data_there_is(
    agency, handler, report, django_assert_max_num_queries
):
    for month in range(1, 10):
        received(agency, handler, f"2025-0{month}-02", ApplicantType.RESEARCH)
    with django_assert_max_num_queries(16):
        figures.recompute(report, handler)
    assert shown(report)["t3:new:research"] == 9
