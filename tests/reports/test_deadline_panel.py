"""The dashboard panel of the annual reports: each editor sees the reports their agencies owe, with the
state, the deadline and a colour; a government's editors see their members' too, and who has none."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from disclosure.agencies.models import AgencyRole
from disclosure.reports import deadlines
from disclosure.reports.admin.panels import ReportDeadlinePanel
from disclosure.reports.choices import DueStatus, ReportLevel
from tests.factories import make_user
from tests.requests.helpers import day

from . import county as county_module

pytestmark = pytest.mark.django_db

TODAY = deadlines.current_date()
YEAR = deadlines.reporting_year(TODAY)


@pytest.fixture
def county(db):
    return county_module.build(year=YEAR)


def panel_of(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'id="gongkai-report-deadlines-section".*?</table>', html, re.S)
    return match.group(0) if match else ""


def row(panel, agency, level=ReportLevel.AGENCY):
    match = re.search(rf'<tr data-agency="{agency.pk}" data-level="{level}".*?</tr>', panel, re.S)
    return match.group(0) if match else None


def expected_status(agency, level=ReportLevel.AGENCY):
    """What the deadlines say today, in Chinese: the panel must show the same."""
    (standing,) = [s for s in deadlines.standings(YEAR, today=TODAY) if s.agency.pk == agency.pk and s.level == level]
    return DueStatus(standing.status).label


def test_an_agency_editor_sees_its_own_report_only(client, county):
    panel = panel_of(client, county.editors.education)
    education = row(panel, county.education)
    assert "青溪县教育局" in education and "本机关" in education and "草稿" in education
    assert f"{YEAR + 1}-01-31" in education and str(expected_status(county.education)) in education
    assert "青溪县城关镇人民政府" not in panel and "青溪县人民政府" not in panel
    assert f"{YEAR + 1}-03-31" in panel  # the rule, stated above the table


def test_a_government_editor_sees_its_members_and_those_without_a_report(client, county):
    panel = panel_of(client, county.editors.government)
    assert "已发布" in row(panel, county.government)  # its own report
    government = row(panel, county.government, ReportLevel.GOVERNMENT)
    assert "本级政府" in government and "未开始" in government and f"{YEAR + 1}-03-31" in government
    assert str(expected_status(county.government, ReportLevel.GOVERNMENT)) in government
    (missing,) = re.findall(r"<p class=\"help\" data-missing>(.*?)</p>", government, re.S)
    assert "城关镇" in missing and "县教育局" not in missing
    assert "草稿" in row(panel, county.education)
    assert "未开始" in row(panel, county.town)
    assert "已提交审核" in row(panel, county.hospital)
    assert row(panel, county.finance) is not None


def test_staff_who_read_no_report_see_no_panel(client, county):
    handler = make_user("edu_handler", agency=county.education, role=AgencyRole.REQUEST_HANDLER)
    assert panel_of(client, handler) == ""


def render(user, on):
    request = RequestFactory().get("/admin/")
    request.user = user
    return ReportDeadlinePanel(request, today=day(on)).render_html({})


@pytest.fixture
def county_2025(db):
    return county_module.build(year=2025)


def test_overdue_is_red_due_soon_amber_done_green_with_the_counts(county_2025):
    county = county_2025
    panel = render(county.editors.government, "2026-02-02")
    assert "w-bg-critical-50" in row(panel, county.education) and "已逾期" in row(panel, county.education)
    assert "已逾期" in row(panel, county.hospital)  # submitted, but not published by the deadline
    assert "w-bg-positive-50" in row(panel, county.finance) and "已发布" in row(panel, county.finance)
    assert "正常" in row(panel, county.government, ReportLevel.GOVERNMENT)
    counts = dict(re.findall(r'<span data-status="(\w+)">.*?<span data-count>(\d+)</span>', panel, re.S))
    assert counts == {"overdue": "3", "due_soon": "0", "on_time": "1", "done": "2"}
    # The most urgent first.
    statuses = re.findall(r'<tr data-agency="\d+" data-level="\w+" data-status="(\w+)"', panel)
    assert statuses == ["overdue"] * 3 + ["on_time"] + ["done"] * 2

    panel = render(county.editors.education, "2026-01-20")
    assert "w-bg-warning-50" in row(panel, county.education) and "即将逾期" in row(panel, county.education)


def test_the_rows_link_to_the_report_screens(settings, county_2025):
    settings.ROOT_URLCONF = "tests.reports.report_urls"
    panel = render(county_2025.editors.government, "2026-02-02")
    assert f'href="/admin/reports/{county_2025.reports.education.pk}/"' in row(panel, county_2025.education)
    assert 'href="/admin/reports/"' in row(panel, county_2025.town)  # none yet: where one is started
    settings.ROOT_URLCONF = "tests.reports.no_report_urls"
    assert "href=" not in row(render(county_2025.editors.government, "2026-02-02"), county_2025.education)


def test_a_deadline_setting_that_cannot_be_read_is_said_on_the_dashboard(client, settings, county):
    settings.GONGKAI_DISCLOSURE = {"REPORT_AGENCY_DEADLINE": "13-01"}
    client.force_login(county.editors.education)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "REPORT_AGENCY_DEADLINE" in html and "13-01" in html
