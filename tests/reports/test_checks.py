"""Every 勾稽 rule failing and passing, in sentences naming the cells and figures; a failing report
cannot be submitted for review."""

import pytest

from disclosure.reports import checks, drafting, figures
from disclosure.reports.checks import Status
from disclosure.reports.choices import ReportState
from disclosure.reports.errors import ReportRefused
from disclosure.reports.submission import submit_for_review
from disclosure.requests.choices import AppealKind, AppealResult, ApplicantType, Outcome

from .helpers import case, decided, received, with_fees

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(agency, catalogue, handler):
    decided(agency, handler, "2024-12-20", "2025-01-10")
    decided(agency, handler, "2025-03-03", "2025-03-10", Outcome.NOT_HELD, ApplicantType.COMMERCIAL)
    received(agency, handler, "2025-11-03")
    case(agency, AppealKind.REVIEW, "2025-04-01", AppealResult.UPHELD, "2025-06-01")
    return with_fees(drafting.start_report(agency, 2025, actor=handler), handler)


def by_rule(report):
    results = {}
    for result in checks.run(report):
        results.setdefault(result.rule, []).append(result)
    return results


def statuses(report):
    return {rule: {result.status for result in results} for rule, results in by_rule(report).items()}


def test_computed_figures_pass_every_check_and_say_so(report):
    assert statuses(report) == {
        "t3.balance": {Status.PASSED},
        "t3.outcome_total": {Status.PASSED},
        "t3.column_total": {Status.PASSED},
        "t4.total": {Status.PASSED},
        "t3.carry_over": {Status.SKIPPED},  # no report for 2024
        "narrative": {Status.SKIPPED},  # no figure quoted yet
        "entered": {Status.PASSED},  # 行政事业性收费, kept outside Gongkai, is entered
    }
    balance = by_rule(report)["t3.balance"][0]
    assert "一 + 二" in balance.message and "三（七） + 四" in balance.message
    assert "2024" in by_rule(report)["t3.carry_over"][0].message
    assert checks.failures(report) == []


def test_an_override_that_breaks_the_balance_is_named_with_its_figures(report, handler):
    figures.override(report, "t3:new:person", 5, handler, "核对纸质登记簿")
    failed = checks.failures(report)
    assert {result.rule for result in failed} == {"t3.balance"}
    person = next(result for result in failed if "“自然人”" in result.message)
    assert "一（5） + 二（1） = 6" in person.message
    assert "三（七）（1） + 四（1） = 2" in person.message
    assert set(person.cells) == {"t3:new:person", "t3:carried_in:person", "t3:total:person", "t3:carried_out:person"}
    assert any("“总计”" in result.message for result in failed)


def test_a_total_that_is_not_the_sum_of_its_outcome_rows(report, handler):
    figures.override(report, "t3:total:commercial", 2, handler, "按纸质台账")
    failed = [result for result in checks.failures(report) if result.rule == "t3.outcome_total"]
    # The column and the grand total (which totals the row as shown) both differ from their 21 rows.
    assert ["“商业企业”" in result.message or "“总计”" in result.message for result in failed] == [True, True]
    assert "三（七） 为 2" in failed[0].message
    assert "21 行" in failed[0].message and "之和为 1" in failed[0].message


def test_a_row_total_that_is_not_the_sum_of_its_columns(report, handler):
    figures.override(report, "t3:new:total", 7, handler, "按纸质台账")
    figures.override(report, "t4:review:total", 3, handler, "按复议机关通报")
    failed = {result.rule: result for result in checks.failures(report) if result.rule.endswith("total")}
    assert "一 行：总计 为 7" in failed["t3.column_total"].message
    assert "自然人（1） + 商业企业（1）" in failed["t3.column_total"].message
    assert "行政复议 行：总计 为 3" in failed["t4.total"].message
    assert "结果维持（1） + 结果纠正（0） + 其他结果（0） + 尚未审结（0） = 1" in failed["t4.total"].message


def test_this_years_carry_over_must_be_what_last_year_carried_forward(agency, handler, report):
    last_year = drafting.start_report(agency, 2024)
    assert statuses(report)["t3.carry_over"] == {Status.PASSED}
    figures.override(last_year, "t3:carried_out:person", 2, handler, "按2024年纸质台账")
    failed = [result for result in checks.failures(report) if result.rule == "t3.carry_over"]
    assert [result.cells for result in failed] == [("t3:carried_in:person",), ("t3:carried_in:total",)]
    assert "为 1" in failed[0].message and "2024 年度报告的结转下年度数为 2" in failed[0].message


def test_figures_quoted_in_the_text_must_agree_with_the_tables(report):
    report.overview = "<p>2025年，本机关共收到政府信息公开申请2件，上年结转1件。</p>"
    report.problems = "<p>未发生因政府信息公开引起的行政复议、行政诉讼。</p>"
    report.save()
    failed = [result for result in checks.failures(report) if result.rule == "narrative"]
    assert len(failed) == 1
    assert "第五部分" in failed[0].message and "行政复议" in failed[0].message
    assert "表四 行政复议（总计）为 1" in failed[0].message
    report.problems = "<p>被申请行政复议1件，未发生行政诉讼。</p>"
    report.save()
    assert statuses(report)["narrative"] == {Status.PASSED}


def test_a_report_that_fails_a_check_cannot_be_submitted(report, handler):
    figures.override(report, "t3:new:person", 5, handler, "核对纸质登记簿")
    with pytest.raises(ReportRefused) as refused:
        submit_for_review(report, handler)
    assert refused.value.failures and all(result.failed for result in refused.value.failures)
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT
    figures.remove_override(report, "t3:new:person", handler)
    submit_for_review(report, handler)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.submitted_by == handler
    with pytest.raises(ReportRefused):
        submit_for_review(report, handler)


def test_a_figure_kept_outside_gongkai_must_be_entered_before_the_report_goes_forward(agency, catalogue, handler):
    report = drafting.start_report(agency, 2025, actor=handler)
    failing = [result for result in checks.failures(report) if result.rule == "entered"]
    assert len(failing) == 1 and "行政事业性收费" in failing[0].message
    assert failing[0].cells == ("t2:fees:amount",)
    with pytest.raises(ReportRefused):
        submit_for_review(report, handler)
    figures.enter(report, "t2:fees:amount", 0, handler, "县财政局非税收入征管系统")  # 0 entered is a figure
    assert not [result for result in checks.failures(report) if result.rule == "entered"]


def test_recomputing_lists_only_what_the_data_changed_not_figures_entered_by_hand(report, handler):
    figures.enter(report, "t2:fees:amount", "3.215", handler, "县财政局非税收入征管系统")
    assert figures.recompute(report, handler) == []
