"""The whole government's report (本级政府): its own and its departments' and townships' reports summed,
each member's part visible, members without a report listed."""

import pytest

from disclosure.agencies.models import AgencyPage
from disclosure.reports import aggregate, checks, drafting, figures, submission
from disclosure.reports.choices import ReportLevel
from disclosure.reports.errors import ReportRefused
from disclosure.reports.models import AnnualReport
from disclosure.requests.choices import AppealKind, ApplicantType, Outcome
from tests.factories import make_agency
from tests.requests.helpers import handler_of

from .helpers import case, decided, nonzero, received

pytestmark = pytest.mark.django_db

Kind = AgencyPage.Kind


@pytest.fixture
def county(db):
    government = make_agency(title="青溪县人民政府", short_name="县政府", kind=Kind.GOVERNMENT)
    education = make_agency(title="青溪县教育局", short_name="县教育局", parent_agency=government)
    town = make_agency(title="青溪县城关镇人民政府", short_name="城关镇", kind=Kind.TOWNSHIP, parent_agency=government)
    hospital = make_agency(title="青溪县人民医院", short_name="县医院", kind=Kind.INSTITUTION, parent_agency=government)
    make_agency(title="青溪县财政局", short_name="县财政局", parent_agency=government)  # no report yet
    for agency, on in ((government, "2025-02-03"), (education, "2025-03-03"), (town, "2025-04-01")):
        decided(agency, handler_of(agency), on, "2025-04-20")
    received(education, handler_of(education), "2025-12-01", ApplicantType.COMMERCIAL)
    decided(hospital, handler_of(hospital), "2025-05-06", "2025-05-08", Outcome.NOT_HELD)
    case(town, AppealKind.REVIEW, "2025-06-01")
    for agency in (government, education, town, hospital):
        drafting.start_report(agency, 2025)
    return government, education, town


def test_the_government_report_sums_its_own_and_its_members_figures(county):
    government, education, town = county
    report = drafting.start_report(government, 2025, level=ReportLevel.GOVERNMENT)
    assert nonzero(report, "t3") == {
        "t3:new:person": 3,
        "t3:new:commercial": 1,
        "t3:new:total": 4,
        "t3:disclosed:person": 3,
        "t3:disclosed:total": 3,
        "t3:total:person": 3,
        "t3:total:total": 3,
        "t3:carried_out:commercial": 1,
        "t3:carried_out:total": 1,
    }  # the hospital is not an administrative agency and files its own report
    assert nonzero(report, "t4") == {"t4:review:pending": 1, "t4:review:total": 1}
    assert [agency.short_name for agency in aggregate.missing(report)] == ["县财政局"]
    parts = aggregate.contributions(report)["t3:new:person"]
    assert [(agency.short_name, int(value)) for agency, value in parts] == [
        ("县政府", 1),
        ("城关镇", 1),
        ("县教育局", 1),
    ]
    assert checks.failures(report) == []


def test_a_members_entered_or_overriding_figures_are_what_is_summed(county):
    government, education, town = county
    editor = handler_of(education)
    own = education.annual_reports.get(year=2025)
    figures.override(own, "t3:new:person", 2, editor, "纸质申请漏登记一件")
    figures.enter(own, "t2:fees:amount", "1.25", editor, source_note="县财政局非税收入系统")
    report = drafting.start_report(government, 2025, level=ReportLevel.GOVERNMENT)
    found = nonzero(report, "t3")
    assert found["t3:new:person"] == 4 and found["t3:new:total"] == 5
    assert str(report.figures.get(cell="t2:fees:amount").value) == "1.2500"
    failed = {result.rule for result in checks.failures(report)}
    assert failed == {"t3.balance"}  # the member's override breaks its own balance, and so the sum's


def test_only_a_government_reports_for_the_whole_government(county):
    _government, education, _town = county
    with pytest.raises(ReportRefused) as refused:
        drafting.start_report(education, 2025, level=ReportLevel.GOVERNMENT)
    assert refused.value.field == "level"


def test_a_government_report_whose_members_changed_is_recomputed_before_it_is_submitted(county):
    government_agency, education, _town = county
    government = drafting.start_report(government_agency, 2025, level=ReportLevel.GOVERNMENT)
    actor = handler_of(education)
    assert not aggregate.out_of_date(government)
    member = AnnualReport.objects.get(agency=education, level=ReportLevel.AGENCY)
    figures.override(member, "t3:new:person", 9, actor, "补录来信申请")
    assert aggregate.out_of_date(government)
    with pytest.raises(ReportRefused) as refused:
        submission.submit_for_review(government, actor)
    assert "recompute" in refused.value.message or "重新计算" in refused.value.message
    figures.recompute(government, actor)
    assert not aggregate.out_of_date(government)
