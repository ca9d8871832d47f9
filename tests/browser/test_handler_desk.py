"""A handler works a citizen's application through the real admin desk in chromium, and the citizen,
on a phone, follows it on the status page.

The handler signs in at the admin's login form, opens the queue from the menu (依申请公开), opens
the application and acts through the desk's forms: confirms receipt, asks for a supplement (补正),
records the supplement and decides (予以公开, already published). The notices are the ones the
desk issues by itself; the citizen sees 待补正 after the 补正 and downloads the reply after the
decision. Neither side's pages may trip the Content-Security-Policy.
"""

import pytest
from django.utils import timezone

from disclosure.requests import intake
from disclosure.requests.choices import NoticeKind, Outcome, RequestState
from disclosure.requests.models import DisclosureRequest
from tests import factories
from tests.requests.desk import ensure_calendar_years
from tests.requests.helpers import VALID_ID, application_data, handler_of
from tests.requests.public_site import make_form_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "办理人-Qingxi-2026!"
SUPPLEMENT = "请写明所需施工许可的项目名称。"
PUBLISHED_AT = "青溪县人民政府网站“政府信息公开—县教育局—规划信息”栏目"


@pytest.fixture
def county(db):
    ensure_calendar_years(timezone.localdate())
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    factories.make_catalogue(agency)
    handler = handler_of(agency, "qx-handler")
    handler.first_name = "王办理"
    handler.set_password(PASSWORD)
    handler.save()
    receipt = intake.submit_online(
        agency,
        application_data(
            applicant_name="李四", email="lisi@example.com", description="请提供城区学校扩建工程的施工许可。"
        ),
        id_number=VALID_ID,
    )
    return {"agency": agency, "page": make_form_page(agency), "handler": handler, "receipt": receipt}


def policy_refusals(page):
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def act(page, label, fill=None):
    """Open the action's disclosure on the request's page, fill its form and submit it."""
    action = page.locator("details.desk-action", has=page.locator("summary", has_text=label))
    action.locator("summary").click()
    form = action.locator("form")
    form.wait_for(state="visible")
    if fill:
        fill(form)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    errors = page.locator(".error-message, .help-critical").all_inner_texts()
    assert not errors, (label, errors)


def state_of(request):
    return DisclosureRequest.objects.get(pk=request.pk).state


def look_up(page, form_url, number, code):
    page.goto(form_url + "status/")
    page.fill("#id_number", number)
    page.fill("#id_query_code", code)
    page.click("form.lookup-form button[type=submit]")
    page.wait_for_selector(".request-state")


def test_a_handler_works_the_application_through_the_desk_and_the_citizen_follows_it(live_server, browser, county):
    request, code = county["receipt"].request, county["receipt"].query_code
    form_url = live_server.url + county["page"].url

    desk = browser.new_context(viewport=DESKTOP).new_page()
    desk_refusals = policy_refusals(desk)
    citizen = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    citizen_refusals = policy_refusals(citizen)

    # The handler signs in through the admin's own login form.
    desk.goto(live_server.url + "/admin/login/")
    desk.fill("#id_username", "qx-handler")
    desk.fill("#id_password", PASSWORD)
    desk.locator("form button[type=submit]").first.click()
    desk.wait_for_url(live_server.url + "/admin/")

    # The menu's 依申请公开 › 办理队列 lists the application; its number opens it.
    desk.get_by_role("button", name="依申请公开", exact=True).click()
    desk.get_by_role("link", name="办理队列").click()
    desk.wait_for_url("**/admin/requests/")
    desk.get_by_role("link", name=request.number).click()
    desk.wait_for_url(f"**/admin/requests/{request.pk}/")
    assert "请提供城区学校扩建工程的施工许可" in desk.inner_text("main")

    act(desk, "确认收到")
    assert state_of(request) == RequestState.RECEIVED
    act(desk, "告知补正", lambda form: form.get_by_label("申请人需补正的内容").fill(SUPPLEMENT))
    assert state_of(request) == RequestState.AWAITING_SUPPLEMENT
    assert "补正告知书" in desk.locator("[data-history]").inner_text()
    assert SUPPLEMENT in request.notices.get(kind=NoticeKind.SUPPLEMENT).body

    # The citizen, on a phone, finds the application waiting for the supplement.
    look_up(citizen, form_url, request.number, code)
    assert "待补正" in citizen.locator(".request-state").inner_text()
    assert "补正告知书" in citizen.locator(".notice-list").inner_text()

    # The supplement arrives; the handler records it and decides: already published, and where.
    act(desk, "登记补正材料")
    assert state_of(request) == RequestState.IN_PROGRESS

    def decide(form):
        form.get_by_label("处理结果").select_option(Outcome.DISCLOSED)
        form.get_by_label("已公开的位置").fill(PUBLISHED_AT)

    act(desk, "作出答复", decide)
    request.refresh_from_db()
    assert (request.state, request.outcome, request.already_public_at) == (
        RequestState.DECIDED,
        Outcome.DISCLOSED,
        PUBLISHED_AT,
    )
    reply = request.notices.get(kind=NoticeKind.REPLY_DISCLOSED)
    assert reply.sent_at is not None and PUBLISHED_AT in reply.body

    # The citizen reloads the status page and downloads the reply the desk issued.
    citizen.reload()
    assert "予以公开" in citizen.locator(".request-outcome").inner_text()
    link = citizen.locator(".notice-list li", has_text=reply.title).locator("a[href$='/pdf/']")
    with citizen.expect_download() as download_info:
        link.click()
    download = download_info.value
    with open(download.path(), "rb") as downloaded:
        content = downloaded.read()
    assert content == bytes(reply.pdf) and content.startswith(b"%PDF")
    assert "李四" not in citizen.inner_text("main") and "lisi@example.com" not in citizen.content()

    assert desk_refusals == [] and citizen_refusals == []
