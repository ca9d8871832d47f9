import datetime

import pytest
from django.utils import timezone

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def county():
    education = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    health = factories.make_agency(title="青溪县卫生健康局", short_name="县卫健局")
    for agency in (education, health):
        catalogue = factories.make_catalogue(agency)
        for year in (2024, 2025):
            factories.make_item(
                catalogue,
                title=f"{agency.short_name}关于{year}年校园食品安全工作的通知",
                body="<p>各学校要落实校园食品安全校长负责制，严格执行陪餐制度。</p>",
                published_at=timezone.make_aware(datetime.datetime(year, 4, 1, 9)),
            )
    factories.make_item(
        factories.make_catalogue(factories.make_agency(title="青溪县民政局", short_name="县民政局")),
        title="尚未发布的食品安全草稿",
        live=False,
    )
    return education


def test_citizen_searches_narrows_by_agency_and_year_and_opens_a_result(live_server, browser, county):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.get_by_label("站内搜索").first.fill("食品安全")
    page.get_by_label("站内搜索").first.press("Enter")
    page.wait_for_url("**/search/?q=**")
    results = page.locator("ol.search-results > li")
    assert results.count() == 4
    assert page.locator("ol.search-results mark").first.inner_text() == "食品安全"
    assert "草稿" not in page.inner_text("main")

    page.locator('[data-facet="agency"]').get_by_role("link", name="青溪县教育局 (2)").click()
    page.wait_for_url("**agency=**")
    assert results.count() == 2
    page.locator('[data-facet="year"]').get_by_role("link", name="2025 (1)").click()
    page.wait_for_url("**year=2025**")
    assert "agency=" in page.url and "q=" in page.url  # filters combine and stay in the URL
    assert results.count() == 1

    page.locator("ol.search-results a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "县教育局关于2025年校园食品安全工作的通知"


def test_suggestions_appear_while_typing(live_server, browser, county):
    page = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True)
    page.goto(live_server.url + "/search/")
    page.locator("#search-q").press_sequentially("校园食", delay=50)
    suggestions = page.locator("#search-suggestions li")
    suggestions.first.wait_for(timeout=5000)
    assert "校园食品安全" in suggestions.first.inner_text()
    suggestions.first.click()
    page.wait_for_url("**/search/?q=**")
    assert page.locator("ol.search-results > li").count() >= 1
