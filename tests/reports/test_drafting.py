"""Starting a year's report: the format in force for that year, last year's text as a start, and section 六
stating the 信息处理费 the request desk collected."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from disclosure.reports import drafting
from disclosure.reports.choices import RowSource
from disclosure.reports.models import ReportRowSource
from disclosure.requests import transitions
from tests.factories import category
from tests.requests.helpers import day

from .helpers import received

pytestmark = pytest.mark.django_db


def test_a_report_starts_from_last_years_text_in_the_format_of_its_year(agency):
    earlier = drafting.start_report(agency, 2020)
    assert earlier.format_version == "national-2019"
    earlier.overview = "<p>2020年，本局认真贯彻《条例》。</p>"
    earlier.problems = "<p>公开栏目更新不够及时。</p>"
    earlier.save()
    report = drafting.start_report(agency, 2021)
    assert report.format_version == "national-2021"
    assert report.overview == earlier.overview and report.problems == earlier.problems
    assert report.other_matters == "<p>2021年，青溪县教育局未收取政府信息公开信息处理费。</p>"
    assert report.computations.count() == 1


def test_section_six_states_the_fees_paid_within_the_year(agency, handler, settings):
    settings.GONGKAI_DISCLOSURE = {"REQUEST_FEES_ENABLED": True}
    request = received(agency, handler, "2025-06-02")
    transitions.notify_fee(request, handler, amount=Decimal("150.00"))
    transitions.record_payment(request, handler, paid_on=day("2025-06-10"))
    report = drafting.start_report(agency, 2025)
    assert "共收取信息处理费150元" in report.other_matters
    assert "未收取" in drafting.start_report(agency, 2024).other_matters


def test_a_row_source_names_a_category_of_the_agency_and_a_note_when_entered(agency, catalogue, other_catalogue):
    other = other_catalogue.get_parent().specific
    setting = ReportRowSource(agency=agency, row="licensing", category=category(other, "0501"))
    with pytest.raises(ValidationError) as error:
        setting.full_clean()
    assert "category" in error.value.message_dict
    setting = ReportRowSource(agency=agency, row="licensing", source=RowSource.ENTERED)
    with pytest.raises(ValidationError) as error:
        setting.full_clean()
    assert "source_note" in error.value.message_dict
