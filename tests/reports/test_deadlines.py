"""The annual report's deadlines (Art 49–50): 31 January for every agency's own report, 31 March for a
government's whole-government report, both from the settings; where each report stands against them."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from disclosure.checks import report_deadline_settings
from disclosure.reports import deadlines
from disclosure.reports.choices import DueStatus, ReportLevel, ReportState
from tests.factories import make_agency
from tests.requests.helpers import day

from . import county as county_module

pytestmark = pytest.mark.django_db

AGENCY, GOVERNMENT = ReportLevel.AGENCY, ReportLevel.GOVERNMENT


@pytest.fixture
def county(db):
    return county_module.build()


def standing_of(found, agency, level=AGENCY):
    (match,) = [s for s in found if s.agency.pk == agency.pk and s.level == level]
    return match


def test_by_default_agencies_publish_by_31_january_and_governments_also_by_31_march(county):
    assert deadlines.due_date(2025) == day("2026-01-31")
    assert deadlines.due_date(2025, GOVERNMENT) == day("2026-03-31")
    assert deadlines.due_dates(county.government, 2025) == {AGENCY: day("2026-01-31"), GOVERNMENT: day("2026-03-31")}
    # Every kind of agency publishes its own report; only a people's government the whole government's.
    for agency in (county.education, county.town, county.hospital):
        assert deadlines.due_dates(agency, 2025) == {AGENCY: day("2026-01-31")}


def test_the_deadlines_and_the_warning_window_are_settings(settings, county):
    settings.GONGKAI_DISCLOSURE = {
        "REPORT_AGENCY_DEADLINE": "02-15",
        "REPORT_GOVERNMENT_DEADLINE": "04-30",
        "REPORT_DUE_SOON_DAYS": "3",  # as read from the environment: a string
    }
    assert deadlines.due_dates(county.government, 2025) == {AGENCY: day("2026-02-15"), GOVERNMENT: day("2026-04-30")}
    found = deadlines.standings(2025, today=day("2026-02-11"))
    assert standing_of(found, county.education).status == DueStatus.ON_TIME  # 4 days left, window 3
    found = deadlines.standings(2025, today=day("2026-02-12"))
    assert standing_of(found, county.education).status == DueStatus.DUE_SOON


def test_the_settings_are_read_from_the_environment():
    environment = {
        **os.environ,
        "GONGKAI_REPORT_AGENCY_DEADLINE": "01-15",
        "GONGKAI_REPORT_GOVERNMENT_DEADLINE": "03-15",
        "GONGKAI_REPORT_DUE_SOON_DAYS": "7",
    }
    code = "import cms.settings.base as base; print(sorted(base.GONGKAI_DISCLOSURE.items()))"
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == (
        "[('REPORT_AGENCY_DEADLINE', '01-15'), ('REPORT_DUE_SOON_DAYS', '7'), ('REPORT_GOVERNMENT_DEADLINE', '03-15')]"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [("REPORT_AGENCY_DEADLINE", "02-30"), ("REPORT_GOVERNMENT_DEADLINE", "31.3"), ("REPORT_DUE_SOON_DAYS", "soon")],
)
def test_a_setting_that_cannot_be_read_is_an_error_naming_it(settings, key, value):
    settings.GONGKAI_DISCLOSURE = {key: value}
    with pytest.raises(ImproperlyConfigured, match=key):
        deadlines.check_settings()
    (error,) = report_deadline_settings()
    assert error.id == "disclosure.E001" and key in error.msg and value in error.msg


def test_the_system_check_passes_with_the_defaults():
    assert report_deadline_settings() == []


def test_the_year_reported_on_is_the_year_before():
    assert deadlines.reporting_year(day("2026-01-05")) == 2025
    assert deadlines.reporting_year(day("2026-03-31")) == 2025
    assert deadlines.reporting_year(day("2026-11-30")) == 2025  # the most recent year reported on


def test_every_report_owed_with_its_state_against_its_deadline(county):
    found = deadlines.standings(2025, today=day("2026-01-20"))
    rows = {(s.agency.short_name, s.level): (s.report.state if s.report else None, s.status) for s in found}
    assert rows == {
        ("县政府", AGENCY): (ReportState.PUBLISHED, DueStatus.DONE),
        ("县政府", GOVERNMENT): (None, DueStatus.ON_TIME),  # 70 days left
        ("县教育局", AGENCY): (ReportState.DRAFT, DueStatus.DUE_SOON),  # 11 days left
        ("城关镇", AGENCY): (None, DueStatus.DUE_SOON),
        ("县医院", AGENCY): (ReportState.SUBMITTED, DueStatus.DUE_SOON),  # in review, not published yet
        ("县财政局", AGENCY): (ReportState.IMPORTED, DueStatus.DONE),
    }
    # The most urgent first; every status counted.
    assert [s.status for s in found] == [DueStatus.DUE_SOON] * 3 + [DueStatus.ON_TIME] + [DueStatus.DONE] * 2
    assert [(status, count) for status, _label, count in deadlines.counts(found)] == [
        (DueStatus.OVERDUE, 0),
        (DueStatus.DUE_SOON, 3),
        (DueStatus.ON_TIME, 1),
        (DueStatus.DONE, 2),
    ]
    education = standing_of(found, county.education)
    assert education.days_left == 11 and not education.submitted
    assert standing_of(found, county.hospital).submitted
    assert standing_of(found, county.town).state_label  # "not started", shown in the row


def test_due_soon_from_14_days_before_the_deadline_overdue_the_day_after(county):
    def status(on, agency=county.education, level=AGENCY):
        return standing_of(deadlines.standings(2025, today=day(on)), agency, level).status

    assert status("2026-01-16") == DueStatus.ON_TIME  # 15 days left
    assert status("2026-01-17") == DueStatus.DUE_SOON  # 14 days left
    assert status("2026-01-31") == DueStatus.DUE_SOON  # the deadline itself, a Saturday: it does not move
    assert status("2026-02-01") == DueStatus.OVERDUE
    assert status("2026-02-01", county.hospital) == DueStatus.OVERDUE  # submitted, but still not published
    assert status("2026-02-01", county.government) == DueStatus.DONE
    assert status("2026-03-17", county.government, GOVERNMENT) == DueStatus.DUE_SOON
    assert status("2026-04-01", county.government, GOVERNMENT) == DueStatus.OVERDUE
    overdue = standing_of(deadlines.standings(2025, today=day("2026-02-03")), county.education)
    assert overdue.days_left == -3 and "3" in overdue.timing()


def test_a_report_published_after_its_deadline_is_done_but_says_it_was_late(county):
    county.reports.government.published_at = county.reports.government.published_at.replace(month=2, day=3)
    county.reports.government.save()
    government = standing_of(deadlines.standings(2025, today=day("2026-02-10")), county.government)
    assert government.status == DueStatus.DONE
    assert government.published_on == day("2026-02-03") and "3" in government.timing()
    finance = standing_of(deadlines.standings(2025, today=day("2026-02-10")), county.finance)
    assert finance.timing() == ""  # imported, no date of publication known: nothing to say


def test_a_government_sees_which_members_have_no_report_yet(county):
    found = deadlines.standings(2025, today=day("2026-03-20"))
    government = standing_of(found, county.government, GOVERNMENT)
    # Its own report and its departments' and townships' count; the hospital is not a member.
    assert [agency.short_name for agency in government.missing] == ["城关镇"]
    county_module.report(county.town)
    government = standing_of(deadlines.standings(2025, today=day("2026-03-20")), county.government, GOVERNMENT)
    assert government.missing == []


def test_a_published_government_report_lists_no_missing_members(county):
    county_module.report(county.government, ReportState.PUBLISHED, level=GOVERNMENT)
    government = standing_of(deadlines.standings(2025, today=day("2026-03-20")), county.government, GOVERNMENT)
    assert government.status == DueStatus.DONE and government.missing == []


def test_only_the_agencies_asked_about_and_only_live_ones(county):
    closed = make_agency(title="青溪县已撤销局", short_name="已撤销局")
    closed.unpublish()
    found = deadlines.standings(2025, agencies=type(county.education).objects.filter(pk=county.education.pk))
    assert [(s.agency.pk, s.level) for s in found] == [(county.education.pk, AGENCY)]
    assert closed.pk not in {s.agency.pk for s in deadlines.standings(2025, today=day("2026-01-20"))}
