import datetime

import pytest
from django.utils import timezone

from disclosure.models import AgencyLeader
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def county():
    agency = factories.make_agency(title="青溪县教育局", short_name="县教育局")
    AgencyLeader.objects.create(agency=agency, name="陈立华", post="局长", duties="主持全面工作。")
    catalogue = factories.make_catalogue(agency)
    for year in (2024, 2025):
        for n in range(3):
            factories.make_item(
                catalogue,
                title=f"关于做好{year}年招生工作的第{n + 1}号通知",
                doc_number=f"青教发〔{year}〕{n + 1}号",
                published_at=timezone.make_aware(datetime.datetime(year, 3 + n, 10, 9, 30)),
                category_code="0102",
            )
    factories.make_item(catalogue, title="尚未发布的草稿", live=False)
    column = factories.make_announcement_column(factories.home())
    factories.make_announcement(column, title="关于开展开学安全检查的公告")
    return agency, catalogue


def test_citizen_walks_from_home_to_an_item_on_desktop_and_phone(live_server, browser, county):
    agency, catalogue = county
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    assert "关于开展开学安全检查的公告" in page.inner_text("main")
    page.get_by_role("link", name="公开目录").first.click()
    page.wait_for_url(f"**{catalogue.url}")
    assert page.locator("h1").inner_text() == "信息公开目录"
    rows = page.locator("table.catalogue-table tbody tr")
    assert rows.count() == 6
    assert "尚未发布的草稿" not in page.inner_text("main")

    page.get_by_role("link", name="行政规范性文件 (6)").click()
    page.get_by_label("年度").select_option("2025")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**year=2025**")
    assert rows.count() == 3
    assert "category=" in page.url  # the category survives filtering: the URL is shareable

    page.get_by_role("link", name="关于做好2025年招生工作的第1号通知").click()
    metadata = page.locator("table.metadata-table").inner_text()
    assert "索引号" in metadata and agency.org_code in metadata
    assert "青教发〔2025〕1号" in metadata and "2025-03-10 09:30" in metadata
    assert page.locator('meta[name="ArticleTitle"]').get_attribute("content") == "关于做好2025年招生工作的第1号通知"
    item_url = page.url
    page.close()

    # The same item on a phone: nothing overflows sideways, and the skip link comes first.
    page = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True)
    page.goto(item_url)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.close()
