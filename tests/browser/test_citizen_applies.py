"""A citizen applies on a phone, follows the application by number and 查询码, and downloads the reply.

The handler's side goes through the same ``transitions`` the desk calls (the desk's own forms in
chromium are walked in ``test_handler_desk``); the citizen's side is the real form, receipt and
status page in chromium, with the site's Content-Security-Policy.
"""

import pytest
from django.utils import timezone

from disclosure.requests import query_codes, transitions
from disclosure.requests.choices import NoticeKind, RequestState
from disclosure.requests.models import DisclosureRequest, Notice
from tests import factories
from tests.requests.helpers import VALID_ID, handler_of
from tests.requests.public_site import make_form_page, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def county():
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    catalogue = factories.make_catalogue(agency)
    item = factories.make_item(catalogue, title="关于城区学校扩建工程招标的公告", doc_number="青教发〔2025〕12号")
    return {"agency": agency, "item": item, "page": make_form_page(agency), "handler": handler_of(agency)}


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def policy_refusals(page):
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_a_citizen_applies_on_a_phone_and_follows_the_application_to_the_reply(live_server, browser, county):
    form_url = live_server.url + county["page"].url
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    refused = policy_refusals(page)

    page.goto(form_url)
    assert no_sideways_scroll(page)
    page.check("input[name=category][value=person]")
    assert page.locator("[data-applicant=organisation]").is_hidden()  # only the person's identity fields
    page.fill("#id_applicant_name", "李四")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", VALID_ID)
    page.set_input_files("#id_id_proof", files=[{"name": "身份证.png", "mimeType": "image/png", "buffer": png_bytes()}])
    page.fill("#id_phone", "138 0000 0000")
    page.fill("#id_email", "lisi@example.com")
    page.fill("#id_description", "请提供青教发〔2025〕12号文件的附件，以及城区学校扩建工程的施工许可。")
    # 已主动公开？ The published item with that 文号 is offered while the citizen types.
    offer = page.locator("#already-public")
    offer.wait_for(state="visible")
    assert "关于城区学校扩建工程招标的公告" in offer.inner_text()
    page.check("input[name=delivery_form][value=electronic]")
    page.check("input[name=delivery_channel][value=email]")
    page.check("#id_notify_by_email")
    page.click("form.request-form button[type=submit]")
    page.wait_for_url("**/apply/receipt/")

    number = page.locator(".receipt-number").inner_text().strip()
    code = page.locator(".query-code").inner_text().strip()
    request = DisclosureRequest.objects.get()
    assert number == request.number and request.state == RequestState.SUBMITTED
    assert query_codes.matches(code, request.query_code_digest)
    assert no_sideways_scroll(page)

    # The handler confirms receipt and asks, once, for a supplement.
    handler = county["handler"]
    transitions.confirm_receipt(request, handler)
    transitions.request_supplement(
        request,
        handler,
        what="请写明所需施工许可的项目名称。",
        applicant_due=timezone.localdate() + timezone.timedelta(days=10),
    )

    # The citizen looks the application up with number and code, and sees 待补正.
    page.goto(form_url + "status/")
    page.fill("#id_number", number)
    page.fill("#id_query_code", code.lower().replace("-", ""))
    page.click("form.lookup-form button[type=submit]")
    page.wait_for_selector(".request-state")
    assert "待补正" in page.locator(".request-state").inner_text()
    assert "补正告知书" in page.locator(".notice-list").inner_text()
    assert "李四" not in page.inner_text("main") and "lisi@example.com" not in page.content()
    assert no_sideways_scroll(page)

    # The supplement arrives; the handler decides and sends the reply.
    transitions.receive_supplement(request, handler)
    transitions.decide(request, handler, outcome="disclosed", provided_pages=[county["item"]])
    # The desk issued the reply notice with the decision (``notices.wiring``).
    reply = bytes(Notice.objects.get(request=request, kind=NoticeKind.REPLY_DISCLOSED).pdf)

    page.reload()
    assert "予以公开" in page.locator(".request-outcome").inner_text()
    link = page.locator(".notice-list li", has_text="政府信息公开申请答复书").locator("a[href$='/pdf/']")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == reply
    assert download.suggested_filename.endswith(".pdf")
    assert refused == []

    # On the narrowest phones nothing overflows sideways either.
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("", "status/"):
        page.goto(form_url + path)
        assert no_sideways_scroll(page), path
    context.close()
