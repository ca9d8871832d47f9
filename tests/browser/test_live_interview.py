import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from disclosure.models import AgencyRole
from online_interview.questions.models import Question
from tests import factories
from tests.browser.sessions import logged_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def session():
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    column = factories.make_interview_column(agency)
    interview = factories.make_interview(
        column,
        title="县教育局局长谈课后服务",
        start=timezone.now() - datetime.timedelta(minutes=5),
        guests=[("沈立群", "局长")],
    )
    return interview, factories.make_user("moderator", agency, AgencyRole.EDITOR)


def test_a_citizens_question_is_moderated_answered_and_appears_without_reload(live_server, browser, session):
    session, editor = session
    citizen = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    citizen.goto(live_server.url + session.url)
    assert citizen.locator("#interview-status").inner_text() == "直播中"
    citizen.get_by_label("昵称").fill("三年级家长")
    citizen.get_by_label("您的问题").fill("课后服务可以按天选择参加吗？")
    citizen.get_by_role("button", name="提交问题").click()
    receipt = citizen.locator("#ask-result")
    receipt.get_by_text("您的问题已收到").wait_for()
    assert Question.objects.get().receipt in receipt.inner_text()
    assert "课后服务可以按天选择参加吗" not in citizen.locator("#questions").inner_text()  # not before approval

    moderator = logged_in_context(browser, live_server, editor).new_page()
    moderator.goto(f"{live_server.url}/admin/interviews/{session.pk}/console/")
    pending = moderator.locator("#pending li")
    pending.get_by_text("课后服务可以按天选择参加吗？").wait_for()
    pending.get_by_role("button", name="通过", exact=True).click()
    moderator.locator("#approved li").get_by_text("课后服务可以按天选择参加吗？").wait_for()
    # Approved, not yet answered: the citizen's page shows it without the 已答复 badge.
    waiting = citizen.locator("#questions li").filter(has_text="课后服务可以按天选择参加吗？")
    waiting.wait_for(timeout=15000)
    assert not waiting.locator(".answered-badge").is_visible()

    moderator.locator("#approved li").get_by_role("button", name="回答此问题").click()
    moderator.get_by_label("发言人").select_option(label="嘉宾：沈立群（局长）")
    moderator.get_by_label("文字", exact=True).fill("可以，家长可按周选择参加的天数。")
    moderator.get_by_role("button", name="发布", exact=True).click()

    answer = citizen.locator("#transcript li").filter(has_text="可以，家长可按周选择参加的天数。")
    answer.wait_for(timeout=15000)
    assert "课后服务可以按天选择参加吗？" in answer.inner_text()  # threaded under its question
    assert "沈立群" in answer.inner_text()
    citizen.locator("#questions").get_by_text("课后服务可以按天选择参加吗？").wait_for(timeout=15000)
    asked = citizen.locator("#questions li").filter(has_text="课后服务可以按天选择参加吗？")
    asked.locator(".answered-badge").wait_for(timeout=15000)  # marked 已答复 once answered
    citizen.screenshot(path=str(settings.BASE_DIR / "var" / "live-interview-phone.png"), full_page=True)
    moderator.screenshot(path=str(settings.BASE_DIR / "var" / "live-console.png"), full_page=True)
