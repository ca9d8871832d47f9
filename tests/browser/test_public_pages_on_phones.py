"""Every public page type on a phone (320–390 px) and at a desk: nothing overflows sideways, the
catalogue folds for a small screen, the page tools and the 适老化 mode work and persist, and
axe-core finds no serious or critical accessibility fault."""

import os
from pathlib import Path

import pytest

from tests.browser.public_county import LONG_TITLE, build_public_county

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const inScroller = (element) => {
    for (let up = element.parentElement; up; up = up.parentElement) {
      if (["auto", "scroll", "hidden"].includes(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 1 && !inScroller(e))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


@pytest.fixture
def county(client):
    return build_public_county(client)


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def test_no_public_page_overflows_sideways_on_a_phone(live_server, browser, county):
    for width, care in ((320, False), (360, False), (390, False), (320, True)):
        context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
        if care:  # the 适老化 mode's larger text must fit too
            context.add_init_script("localStorage.setItem('gongkai.care-mode', 'on')")
        page = context.new_page()
        errors = []
        page.on(
            "console", lambda message, errors=errors: errors.append(message.text) if message.type == "error" else None
        )
        for name, path in county.pages.items():
            errors.clear()
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "not found" else 200), name
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (
                f"{name} at {width} px{' in care mode' if care else ''} overflows: {page.evaluate(OVERFLOWING)}"
            )
            if name != "not found":  # the 404 page's own status is reported as an error
                assert not errors, f"{name}: {errors}"  # no missing favicon, script or style
        context.close()


def test_the_catalogue_on_a_phone_folds_its_tree_and_lists_titles_first(live_server, browser, county):
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(live_server.url + county.catalogue_url)
    panel = page.locator("details.category-panel")
    assert not panel.evaluate("details => details.open")
    assert page.locator(".category-tree").is_hidden()
    assert page.locator("table.catalogue-table tbody tr").first.bounding_box()["y"] < 900  # on the first screens
    row = page.locator("table.catalogue-table tbody tr", has_text=LONG_TITLE)
    cells = [row.locator(cell).bounding_box()["y"] for cell in (".title-cell", ".doc-number-cell", ".index-cell")]
    assert cells == sorted(cells) and len(set(cells)) == 3  # title, then 文号, then 索引号, one below the other
    label = "e => getComputedStyle(e, '::before').content"
    assert row.locator(".doc-number-cell").evaluate(label) == '"文号："'
    assert row.locator(".index-cell").evaluate(label) == '"索引号："'

    page.locator("details.category-panel > summary").click()
    assert page.locator(".category-tree").is_visible()
    page.close()

    desktop = browser.new_page(viewport=DESKTOP)
    desktop.goto(live_server.url + county.catalogue_url)
    assert desktop.locator(".category-tree").is_visible()  # at a desk the tree stays beside the list
    desktop.close()


def test_an_item_on_a_phone_shows_title_and_text_before_the_metadata(live_server, browser, county):
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(live_server.url + county.item_url)
    assert top(page, "h1") < top(page, ".body") < top(page, "table.metadata-table")
    assert top(page, ".body") < 740  # the text starts on the first screen
    assert "发布日期" in page.locator(".item-summary-line").inner_text()
    page.close()


def test_page_tools_print_resize_share_and_close(live_server, browser, county):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = context.new_page()
    page.goto(live_server.url + county.catalogue_url)
    page.goto(live_server.url + county.item_url)
    tools = page.get_by_role("group", name="页面工具")

    size = lambda: page.locator(".body").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")  # noqa: E731
    medium = size()
    tools.get_by_role("button", name="大字号").click()
    assert size() > medium
    page.reload()
    assert size() > medium  # the choice is kept
    assert tools.get_by_role("button", name="大字号").get_attribute("aria-pressed") == "true"
    tools.get_by_role("button", name="小字号").click()
    assert size() < medium
    tools.get_by_role("button", name="中字号").click()
    assert size() == medium

    tools.get_by_role("button", name="打印").click()
    assert page.evaluate("window.__printed") == 1

    tools.locator("summary", has_text="分享").click()
    code = page.get_by_alt_text("本页二维码")
    code.wait_for()
    code.evaluate("img => img.decode()")  # the code is fetched when the panel opens
    assert code.evaluate("img => img.naturalWidth > 0")
    assert page.get_by_label("本页链接").input_value() == live_server.url + county.item_url
    tools.get_by_role("button", name="复制链接").click()
    assert "已复制" in page.locator(".copy-status").inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + county.item_url

    tools.get_by_role("button", name="关闭").click()  # a tab the reader opened cannot be closed by script: back
    page.wait_for_url(live_server.url + county.catalogue_url)
    context.close()


def test_the_share_panel_fits_a_phone(live_server, browser, county):
    page = browser.new_page(viewport={"width": 320, "height": 740}, is_mobile=True)
    page.goto(live_server.url + county.item_url)
    page.locator(".share-tool summary").click()
    code = page.get_by_alt_text("本页二维码")
    code.wait_for()
    box = code.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.evaluate(OVERFLOWING)
    page.close()


def test_the_print_stylesheet_prints_the_document_without_the_site_around_it(live_server, browser, county):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + county.item_url)
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-nav", ".site-footer", ".page-tools", ".breadcrumb"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("h1").is_visible() and page.locator(".body").is_visible()
    assert page.locator("table.metadata-table").is_visible()
    page.close()


def test_the_senior_friendly_mode_enlarges_and_is_kept_across_pages(live_server, browser, county):
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    page.goto(live_server.url + "/")
    body_size = lambda: page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")  # noqa: E731
    before = body_size()
    toggle = page.locator("button.care-toggle")
    assert toggle.inner_text() == "适老化模式" and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate("document.documentElement.classList.contains('care-mode')")
    assert body_size() >= 20 > before
    assert toggle.inner_text() == "退出适老化模式" and toggle.get_attribute("aria-pressed") == "true"

    page.goto(live_server.url + county.item_url)
    assert page.evaluate("document.documentElement.classList.contains('care-mode')")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # larger, still no overflow
    page.locator("button.care-toggle").click()
    assert body_size() == before
    page.reload()
    assert not page.evaluate("document.documentElement.classList.contains('care-mode')")
    page.close()


def test_axe_finds_no_serious_or_critical_fault_on_any_public_page_type(live_server, browser, county):
    if not AXE.exists():
        message = "axe-core is not installed (npm ci); the accessibility check needs it"
        if os.environ.get("GONGKAI_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    source = AXE.read_text()
    faults = []
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        page = context.new_page()
        for name, path in county.pages.items():
            for care in (False, True):
                page.goto(live_server.url + path)
                if care:
                    page.evaluate("document.documentElement.classList.add('care-mode')")
                page.evaluate(source)
                found = page.evaluate(
                    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                    ".filter(v => ['serious', 'critical'].includes(v.impact))"
                    ".map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"
                )
                faults += [
                    f"{name} ({viewport['width']} px{', care mode' if care else ''}): {fault}" for fault in found
                ]
        context.close()
    assert not faults, "\n".join(faults)


def test_feeds_are_announced_on_the_pages_they_follow(live_server, browser, county):
    page = browser.new_page(viewport=DESKTOP)
    for name in ("home", "catalogue", "catalogue item", "announcement column", "announcement"):
        page.goto(live_server.url + county.pages[name])
        links = page.locator('link[rel="alternate"][type="application/rss+xml"]')
        assert links.count() >= 1, name
        assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() == links.count(), name
        feed = page.request.get(links.first.evaluate("link => link.href"))
        assert feed.status == 200 and feed.headers["content-type"].startswith("application/rss+xml"), name
        assert "<rss" in feed.text() and "<item>" in feed.text(), name
    page.goto(live_server.url + county.catalogue_url)
    catalogue_feed = page.request.get(
        page.locator('link[type="application/rss+xml"]').first.evaluate("link => link.href")
    )
    assert LONG_TITLE in catalogue_feed.text()
    page.close()
