"""表四 from the register: a case belongs to the year it was filed, with its result as of that year's end;
a co-defendant reconsideration body does not count the lawsuit (国办公开办函〔2016〕201号)."""

import pytest

from disclosure.reports import drafting
from disclosure.requests.choices import AppealKind, AppealResult

from .helpers import case, nonzero

pytestmark = pytest.mark.django_db

K, R = AppealKind, AppealResult


@pytest.fixture
def register(agency, other_agency):
    case(agency, K.REVIEW, "2024-12-01", R.UPHELD, "2025-02-01")  # filed in 2024
    case(agency, K.REVIEW, "2025-03-01", R.UPHELD, "2025-06-01")
    case(agency, K.REVIEW, "2025-11-01", R.CORRECTED, "2026-01-15")  # concluded after the year's end
    case(agency, K.LAWSUIT_DIRECT, "2025-05-01")  # still pending
    case(agency, K.LAWSUIT_DIRECT, "2025-04-01", R.UPHELD, "2025-08-01", co_defendant_only=True)
    case(agency, K.LAWSUIT_AFTER_REVIEW, "2025-02-01", R.OTHER, "2025-09-01")
    case(other_agency, K.REVIEW, "2025-03-01", R.UPHELD, "2025-04-01")


def test_2025_counts_cases_filed_in_2025_with_their_result_at_its_end(agency, register):
    assert nonzero(drafting.start_report(agency, 2025), "t4") == {
        "t4:review:upheld": 1,
        "t4:review:pending": 1,  # corrected only on 2026-01-15
        "t4:review:total": 2,
        "t4:lawsuit_direct:pending": 1,
        "t4:lawsuit_direct:total": 1,  # the co-defendant case is not counted
        "t4:lawsuit_after_review:other": 1,
        "t4:lawsuit_after_review:total": 1,
    }


def test_a_case_is_counted_once_in_its_filing_year_even_when_concluded_in_the_next(agency, register):
    assert nonzero(drafting.start_report(agency, 2024), "t4") == {"t4:review:pending": 1, "t4:review:total": 1}
    assert nonzero(drafting.start_report(agency, 2026), "t4") == {}


def test_a_result_recorded_without_its_date_counts_as_reached(agency):
    case(agency, K.REVIEW, "2025-03-01", R.CORRECTED)
    assert nonzero(drafting.start_report(agency, 2025), "t4") == {"t4:review:corrected": 1, "t4:review:total": 1}
