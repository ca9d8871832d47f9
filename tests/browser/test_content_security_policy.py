"""The Content-Security-Policy holds on the pages people use: nothing the browser refuses, nothing inline.

Chromium reports every refused script, style, image or connection on the console; a page
that works only because the policy is missing would show up here.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from disclosure.models import CatalogueAttachment
from tests import factories
from tests.browser.sessions import logged_in_context
from tests.review.documents import make_document, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(admin_user):
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    catalogue = factories.make_catalogue(agency)
    document = make_document("课后服务收费标准", "fees.pdf", pdf_bytes("课后服务收费标准 每生每学期"))
    item = factories.make_item(
        catalogue,
        title="关于规范课后服务收费的通知",
        body="<p>各学校要按规定公示课后服务收费标准。</p>",
        attachments=[CatalogueAttachment(document=document)],
    )
    column = factories.make_interview_column(agency)
    interview = factories.make_interview(
        column, title="县教育局局长谈课后服务", start=timezone.now() - datetime.timedelta(minutes=5)
    )
    return {"catalogue": catalogue, "item": item, "interview": interview, "admin": admin_user}


def refusals(page):
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def visit(page, url, settle=1500):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_timeout(settle)  # scripts that poll or load late have run
    return response


def test_public_pages_keep_the_policy(live_server, browser, site):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    refused = refusals(page)
    for path in ("/", site["catalogue"].url, site["item"].url, "/search/?q=课后服务", site["interview"].url):
        response = visit(page, live_server.url + path)
        policy = response.header_value("content-security-policy")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
    # As-you-type suggestions and the live feed's polling run under the policy too.
    page.goto(live_server.url + "/search/")
    page.get_by_label("站内搜索").first.press_sequentially("课后", delay=150)
    page.wait_for_timeout(1000)
    assert refused == []


def test_admin_pages_and_the_live_console_keep_the_policy(live_server, browser, site):
    """Wagtail's editing screens need inline scripts; the live console, all Gongkai's own, does not."""
    page = logged_in_context(browser, live_server, site["admin"]).new_page()
    refused = refusals(page)
    for path in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[site["item"].pk]),
        reverse("wagtailadmin_explore", args=[site["catalogue"].pk]),
        "/admin/catalogue_items/",
    ):
        policy = visit(page, live_server.url + path).header_value("content-security-policy")
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy, path
    console = visit(page, f"{live_server.url}/admin/interviews/{site['interview'].pk}/console/")
    scripts = console.header_value("content-security-policy").split("script-src")[1].split(";")[0]
    assert scripts.strip() == "'self'"
    page.wait_for_timeout(2500)  # the console has polled at least once
    assert refused == []
