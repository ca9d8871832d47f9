"""表三 from the request desk: receipt decides 一, the decision decides 三, and what is open at a year's
end is 四 of that year and 二 of the next — across New Year, extensions and transfers."""

import pytest
from django.utils import timezone

from disclosure.reports import drafting, formats
from disclosure.reports.period import Period
from disclosure.reports.tables import applications
from disclosure.requests import intake, transitions
from disclosure.requests.choices import ApplicantType, Outcome
from tests.requests.helpers import application_data, day, handler_of, registered

from .helpers import decide, decided, nonzero, received

pytestmark = pytest.mark.django_db

A = ApplicantType


@pytest.fixture
def desk(agency, handler, leader, other_agency):
    """Requests around the turn of 2024/2025 and 2025/2026."""
    decided(agency, handler, "2024-05-06", "2024-05-20")  # all within 2024
    decided(agency, handler, "2024-12-20", "2025-01-10")  # carried into 2025
    decided(agency, handler, "2025-03-03", "2025-03-20", Outcome.NOT_HELD, A.COMMERCIAL)
    decided(agency, handler, "2025-06-02", "2025-06-05", Outcome.REPEATED, A.LEGAL_SERVICE)
    received(agency, handler, "2025-07-01", A.RESEARCH)  # still open at the end of 2025
    over_new_year = received(agency, handler, "2025-12-15")
    transitions.propose_extension(over_new_year, handler, days=20, reason="需调取档案，延期答复。")
    transitions.approve_extension(over_new_year, leader)
    decide(over_new_year, handler, "2026-01-20")
    online = intake.submit_online(agency, application_data()).request
    transitions.confirm_receipt(online, handler, received_on=day("2025-12-31"))
    late = intake.submit_online(agency, application_data()).request  # submitted in 2025, confirmed in 2026
    transitions.confirm_receipt(late, handler, received_on=day("2026-01-02"))
    intake.submit_online(agency, application_data())  # receipt never confirmed: never counted
    spam = intake.submit_online(agency, application_data()).request
    transitions.discard(spam, handler, note="测试提交，非政府信息公开申请。")
    other = handler_of(other_agency)
    decided(other_agency, other, "2025-04-01", "2025-04-02")  # another agency's
    return over_new_year


def test_2025_counts_receipts_decisions_and_what_crosses_each_year_end(agency, desk):
    report = drafting.start_report(agency, 2025)
    assert nonzero(report, "t3") == {
        "t3:new:person": 2,  # 12-15 (extended into 2026) and the online one confirmed 12-31
        "t3:new:commercial": 1,
        "t3:new:research": 1,
        "t3:new:legal_service": 1,
        "t3:new:total": 5,
        "t3:carried_in:person": 1,  # received 2024-12-20, decided 2025-01-10
        "t3:carried_in:total": 1,
        "t3:disclosed:person": 1,
        "t3:disclosed:total": 1,
        "t3:unavailable.not_held:commercial": 1,
        "t3:unavailable.not_held:total": 1,
        "t3:not_processed.repeated:legal_service": 1,
        "t3:not_processed.repeated:total": 1,
        "t3:total:person": 1,
        "t3:total:commercial": 1,
        "t3:total:legal_service": 1,
        "t3:total:total": 3,
        "t3:carried_out:person": 2,  # the extension over New Year and the 12-31 receipt
        "t3:carried_out:research": 1,
        "t3:carried_out:total": 3,
    }


def test_2024_and_2026_see_the_same_requests_from_the_other_side_of_new_year(agency, desk):
    report_2024 = drafting.start_report(agency, 2024)
    assert nonzero(report_2024, "t3") == {
        "t3:new:person": 2,
        "t3:new:total": 2,
        "t3:disclosed:person": 1,
        "t3:disclosed:total": 1,
        "t3:total:person": 1,
        "t3:total:total": 1,
        "t3:carried_out:person": 1,
        "t3:carried_out:total": 1,
    }
    report_2026 = drafting.start_report(agency, 2026)
    found = nonzero(report_2026, "t3")
    assert found["t3:carried_in:person"] == 2 and found["t3:carried_in:research"] == 1
    assert found["t3:new:person"] == 1  # confirmed 2026-01-02
    assert found["t3:disclosed:person"] == 1  # the extended request, decided 2026-01-20
    assert found["t3:carried_out:total"] == 3


def test_a_transferred_application_is_not_held_here_and_new_there(agency, handler, other_agency):
    today = timezone.localdate()  # a transfer is decided on the day it is made
    request = registered(agency, handler, today)
    receipt = intake.transfer(request, handler, to_agency=other_agency)
    transitions.confirm_receipt(receipt.request, handler_of(other_agency), received_on=today)
    here = nonzero(drafting.start_report(agency, today.year), "t3")
    there = nonzero(drafting.start_report(other_agency, today.year), "t3")
    assert here["t3:unavailable.not_held:person"] == 1 and here["t3:new:person"] == 1
    assert there == {
        "t3:new:person": 1,
        "t3:new:total": 1,
        "t3:carried_out:person": 1,
        "t3:carried_out:total": 1,
    }


def test_the_counts_come_from_two_grouped_queries(agency, desk, django_assert_max_num_queries):
    cells = [cell for cell in formats.get("national-2021").cells_of("t3") if not cell.is_sum]
    with django_assert_max_num_queries(2):
        values = applications.compute(cells, [agency.pk], Period(2025))
    assert values["t3:new:person"] == 2
