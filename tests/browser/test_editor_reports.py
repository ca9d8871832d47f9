"""An editor prepares last year's annual report in the admin, in chromium; after the 三审 review a
citizen reads it on a phone.

The editor opens the report from the menu (年度报告), reads the tables computed from the desk and
the failing 勾稽 check a colleague's wrong figure caused, explained in words beside 表三; opens
that figure, takes the override back with a reason; enters 表二's 行政事业性收费 (kept in another
system) with its source; and submits. The reviewers approve it; the citizen finds the report in
the agency's catalogue and reads 表三 on a 390 px screen: the table scrolls inside its box, the
page does not.
"""

import re

import pytest
from django.test import Client
from django.utils import timezone

from disclosure.agencies.models import AgencyRole
from disclosure.reports import drafting, figures
from disclosure.reports.choices import ReportState
from disclosure.reports.models import AnnualReport
from disclosure.reports.pages import AnnualReportPage
from tests import factories
from tests.browser.sessions import logged_in_context
from tests.browser.test_handler_desk import policy_refusals
from tests.reports.helpers import decided, received
from tests.requests.desk import ensure_calendar_years
from tests.requests.helpers import handler_of
from tests.review.conftest import Desk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def county(db):
    ensure_calendar_years(timezone.localdate().replace(year=LAST_YEAR, month=1, day=1))
    ensure_calendar_years(timezone.localdate())
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    catalogue = factories.make_catalogue(agency)
    handler = handler_of(agency)
    decided(agency, handler, f"{LAST_YEAR}-03-03", f"{LAST_YEAR}-03-17")
    decided(agency, handler, f"{LAST_YEAR}-06-01", f"{LAST_YEAR}-06-12")
    received(agency, handler, f"{LAST_YEAR}-12-21")  # carried into this year
    desk = Desk(Client(), agency, catalogue)
    report = drafting.start_report(agency, LAST_YEAR, actor=desk.users[AgencyRole.EDITOR])
    report.overview = f"<p>{LAST_YEAR}年，本局共收到政府信息公开申请3件，办结2件。</p>"
    report.save()
    colleague = factories.make_user("qx-colleague", agency, AgencyRole.EDITOR)
    figures.override(report, "t3:new:person", 4, colleague, "按纸质登记簿补录")
    return {"agency": agency, "catalogue": catalogue, "desk": desk, "report": report}


def test_an_editor_corrects_and_submits_last_years_report_and_a_citizen_reads_it_on_a_phone(
    live_server, browser, county
):
    report, desk = county["report"], county["desk"]
    editor = logged_in_context(browser, live_server, desk.users[AgencyRole.EDITOR]).new_page()
    refusals = policy_refusals(editor)
    editor.goto(live_server.url + "/admin/")
    editor.get_by_role("link", name="年度报告").first.click()
    editor.get_by_role("link", name=re.compile(f"{LAST_YEAR}")).first.click()
    editor.wait_for_url(f"**/admin/reports/{report.pk}/")

    # The computed tables, and the failing check explained beside 表三.
    assert editor.locator('[data-cell="t3:carried_out:person"]').inner_text().strip() == "1"
    failed = " ".join(editor.locator('[data-check="t3.balance"][data-status="failed"]').all_inner_texts())
    assert "表三，“自然人”列：一（4） + 二（0） = 4，但 三（七）（2） + 四（1） = 3。" in failed
    assert editor.locator("[data-failed-checks]").is_visible()

    # The wrong figure: opened from the table, the override taken back with a reason.
    editor.locator('[data-cell="t3:new:person"] a.report-figure').click()
    remove = editor.locator('form[data-figure-form="remove"]')
    remove.locator("textarea, input[type=text]").first.fill("经核对收件登记簿，计算数正确")
    remove.locator("button[type=submit]").click()
    editor.wait_for_url(f"**/admin/reports/{report.pk}/**")
    assert editor.locator('[data-cell="t3:new:person"]').inner_text().strip() == "3"

    # 行政事业性收费 comes from another system: entered with its source.
    editor.locator('[data-cell="t2:fees:amount"] a.report-figure').click()
    enter = editor.locator('form[data-figure-form="enter"]')
    enter.locator("input[name='enter-value']").fill("2.35")
    enter.locator("textarea[name='enter-source_note']").fill("县财政局非税收入征管系统")
    enter.locator("button[type=submit]").click()
    editor.wait_for_url(f"**/admin/reports/{report.pk}/**")
    assert editor.locator('[data-cell="t2:fees:amount"]').inner_text().strip().startswith("2.35")
    assert editor.locator("[data-checks-pass]").is_visible()

    editor.locator('form[data-report-action="submit"] button[type=submit]').click()
    editor.wait_for_load_state()
    assert AnnualReport.objects.get(pk=report.pk).state == ReportState.SUBMITTED

    # 科室初审 → 保密审查 → 分管领导终审, then the citizen.
    page = desk.through_the_chain(AnnualReportPage.objects.get(report=report))
    assert page.live and AnnualReport.objects.get(pk=report.pk).state == ReportState.PUBLISHED

    citizen = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    citizen_refusals = policy_refusals(citizen)
    citizen.goto(live_server.url + county["catalogue"].url)
    citizen.get_by_role("link", name=page.title).first.click()
    citizen.wait_for_selector('[data-report-table="t3"]')
    assert citizen.locator('[data-cell="t3:new:total"]').inner_text().strip() == "3"
    assert citizen.locator('[data-cell="t2:fees:amount"]').inner_text().strip() == "2.35"
    assert "三、收到和处理政府信息公开申请情况" in citizen.inner_text("main")
    widths = citizen.evaluate(
        """() => {
            const box = document.querySelector('[data-report-table="t3"]');
            return {page: document.documentElement.scrollWidth, view: window.innerWidth,
                    box: box.clientWidth, table: box.scrollWidth};
        }"""
    )
    assert widths["page"] <= widths["view"], widths  # the page never scrolls sideways
    assert widths["table"] > widths["box"], widths  # 表三 scrolls inside its box
    assert refusals == [] and citizen_refusals == []  # neither side trips the Content-Security-Policy
