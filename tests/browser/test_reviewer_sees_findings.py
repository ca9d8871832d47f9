"""A secrecy reviewer opens the decision form and sees the pre-screening findings highlighted."""

import pytest
from django.conf import settings
from django.urls import reverse

from disclosure.models import AgencyRole, CatalogueItemPage, ReviewRecord
from tests import factories
from tests.browser.sessions import logged_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BODY = "<p>关于发放临时救助金的通知</p><p>联系人：王某，电话13812345678，身份证号332522198503120013。</p>"


@pytest.fixture
def item_at_secrecy_review():
    agency = factories.make_agency(title="青溪县民政局", short_name="县民政局")
    catalogue = factories.make_catalogue(agency)
    editor = factories.make_user("mz-editor", agency, AgencyRole.EDITOR)
    reviewer = factories.make_user("mz-dept", agency, AgencyRole.DEPARTMENT_REVIEWER)
    secrecy = factories.make_user("mz-secrecy", agency, AgencyRole.SECRECY_REVIEWER)
    item = factories.make_item(catalogue, title="关于发放临时救助金的通知", live=False, body=BODY)
    agency.get_workflow().start(item, editor)
    item = CatalogueItemPage.objects.get(pk=item.pk)
    item.current_workflow_task_state.approve(user=reviewer)
    return item, secrecy


def test_reviewer_sees_highlighted_findings_in_the_decision_form(live_server, browser, item_at_secrecy_review):
    item, secrecy = item_at_secrecy_review
    context = logged_in_context(browser, live_server, secrecy)
    page = context.new_page()

    # The dashboard queue leads to the item.
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    page.get_by_role("link", name="关于发放临时救助金的通知").first.click()
    page.wait_for_url(f"**/admin/pages/{item.pk}/edit/")

    page.locator("[data-w-dropdown-target='toggle']", has=page.locator("svg")).last.click()
    page.get_by_role("button", name="登记审查结论").click()
    modal = page.locator(".modal-content")
    modal.locator(".screening-report").wait_for()
    marks = modal.locator("mark.screening-match")
    assert sorted(marks.all_inner_texts()) == ["13812345678", "332522198503120013"]
    assert "手机号码" in modal.inner_text() and "身份证号码" in modal.inner_text()
    background = marks.first.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(settings.BASE_DIR / "var" / "reviewer-findings.png"))

    # Deciding without confirming the findings is refused inside the modal.
    modal.get_by_label("非涉密").check()
    modal.get_by_label("主动公开").check()
    modal.get_by_role("button", name="登记审查结论").click()
    modal.get_by_text("请确认已核对 2 条预审提示").wait_for()
    modal.get_by_label("已逐条核对上述预审提示").check()
    modal.get_by_role("button", name="登记审查结论").click()
    modal.wait_for(state="detached")
    record = ReviewRecord.objects.get(page=item, stage="secrecy")
    assert record.findings_count == 2 and record.findings_acknowledged and record.reviewer == secrecy
    context.close()
