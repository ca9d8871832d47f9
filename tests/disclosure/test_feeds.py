"""Feeds: RSS 2.0 and Atom for the whole site, each catalogue, each category and each announcement column.

A reader subscribing sees what the listings show, newest first, with full addresses — and
nothing the visibility rule withholds, not even under a parent that was withdrawn.
"""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from disclosure.feeds import entries
from disclosure.models import AgencyPage, DisclosureSettings, PublicationHold
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def moment(year, month=6, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def rss_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


@pytest.fixture
def items(catalogue):
    return {
        "rule": factories.make_item(catalogue, title="规章甲", category_code="0101", published_at=moment(2024)),
        "norm": factories.make_item(
            catalogue,
            title="规范性文件乙",
            category_code="0102",
            published_at=moment(2025),
            doc_number="青教发〔2025〕3号",
        ),
        "budget": factories.make_item(
            catalogue, title="部门预算丙", category_code="0701", published_at=moment(2025, 3)
        ),
        "draft": factories.make_item(catalogue, title="草稿丁", category_code="0101", live=False),
        "secret": factories.make_item(
            catalogue,
            title="不予公开戊",
            category_code="0101",
            disclosure_mode="not_disclosed",
            non_disclosure_reason="state_secret",
            disclosure_note="涉密",
        ),
    }


@pytest.fixture
def column(agency):
    column = factories.make_announcement_column(agency, title="工作动态", slug="news")
    factories.make_announcement(
        column, title="置顶的旧公告", date=moment(2024, 1), pinned=True, body="<p>旧的 <b>正文</b> &amp; 附言</p>"
    )
    factories.make_announcement(column, title="新的公告", date=moment(2025, 7), source="县教育局办公室")
    factories.make_announcement(column, title="未发布的公告", live=False)
    return column


def test_a_catalogue_feed_lists_its_public_items_newest_first_with_full_addresses(client, catalogue, items):
    channel = rss(client, f"/feeds/catalogue/{catalogue.pk}/rss/")
    assert channel.findtext("title") == "青溪县教育局 信息公开目录"
    assert channel.findtext("language") == "zh-cn"
    assert channel.findtext("link") == f"http://testserver{catalogue.url}"
    assert rss_titles(channel) == ["规范性文件乙", "部门预算丙", "规章甲"]
    first = channel.find("item")
    norm = items["norm"]
    assert first.findtext("link") == first.findtext("guid") == f"http://testserver{norm.url}"
    assert first.find("guid").get("isPermaLink") == "true"
    assert first.findtext("pubDate") == "Sun, 01 Jun 2025 10:00:00 +0800"
    assert first.findtext("description") == "测试条目的内容概述。"
    assert first.findtext(f"{DC}creator") == "青溪县教育局"
    assert [category.text for category in first.findall("category")] == ["行政规范性文件"]


def test_the_atom_feed_carries_the_same_entries(client, catalogue, items):
    feed = atom(client, f"/feeds/catalogue/{catalogue.pk}/atom/")
    assert feed.findtext(f"{ATOM}title") == "青溪县教育局 信息公开目录"
    assert feed.findtext(f"{ATOM}subtitle")
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"http://testserver/feeds/catalogue/{catalogue.pk}/atom/"
    assert atom_titles(feed) == ["规范性文件乙", "部门预算丙", "规章甲"]
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{items['norm'].url}"
    assert entry.findtext(f"{ATOM}id") == f"http://testserver{items['norm'].url}"
    assert entry.findtext(f"{ATOM}published") == "2025-06-01T10:00:00+08:00"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "青溪县教育局"


def test_an_item_disclosed_on_request_is_listed_without_its_body(client, catalogue):
    factories.make_item(
        catalogue,
        title="依申请公开的合同",
        summary="合同的内容概述。",
        body="<p>只给申请人的合同正文</p>",
        disclosure_mode="on_request",
        disclosure_note="涉及第三方",
    )
    for url in (
        f"/feeds/catalogue/{catalogue.pk}/rss/",
        f"/feeds/catalogue/{catalogue.pk}/atom/",
        "/feeds/latest/rss/",
    ):
        text = client.get(url).content.decode()
        assert "依申请公开的合同" in text and "合同的内容概述。" in text
        assert "只给申请人的合同正文" not in text


def test_a_category_feed_includes_its_subcategories(client, catalogue, agency, items):
    regulations = factories.category(agency, "01")
    assert rss_titles(rss(client, f"/feeds/catalogue/{catalogue.pk}/category/{regulations.pk}/rss/")) == [
        "规范性文件乙",
        "规章甲",
    ]
    budgets = factories.category(agency, "0701")
    feed = atom(client, f"/feeds/catalogue/{catalogue.pk}/category/{budgets.pk}/atom/")
    assert atom_titles(feed) == ["部门预算丙"]
    assert feed.findtext(f"{ATOM}title") == "青溪县教育局 信息公开目录：部门预算"


def test_an_announcement_column_feed_is_newest_first_whatever_is_pinned(client, column):
    channel = rss(client, f"/feeds/column/{column.pk}/rss/")
    assert channel.findtext("title") == "青溪县教育局 工作动态"
    assert rss_titles(channel) == ["新的公告", "置顶的旧公告"]
    new, old = channel.findall("item")
    assert new.findtext(f"{DC}creator") == "县教育局办公室"
    assert old.findtext(f"{DC}creator") == "青溪县教育局"
    # The body as plain text, escaped once more for readers that show it as HTML.
    assert old.findtext("description") == "旧的 正文 &amp; 附言"
    assert [category.text for category in new.findall("category")] == ["通知公告"]
    assert atom_titles(atom(client, f"/feeds/column/{column.pk}/atom/")) == ["新的公告", "置顶的旧公告"]


def test_the_site_wide_feed_mixes_items_and_announcements_by_date(client, catalogue, items, column, monkeypatch):
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "青溪县人民政府"
    settings.save()
    home_column = factories.make_announcement_column(factories.home())
    factories.make_announcement(home_column, title="县政府的公告", date=moment(2025, 4))
    channel = rss(client, "/feeds/latest/rss/")
    assert channel.findtext("title") == "青溪县人民政府 最新信息"
    assert rss_titles(channel) == ["新的公告", "规范性文件乙", "县政府的公告", "部门预算丙", "规章甲", "置顶的旧公告"]
    assert channel.findall("item")[2].findtext(f"{DC}creator") == "青溪县人民政府"
    assert atom_titles(atom(client, "/feeds/latest/atom/"))[:2] == ["新的公告", "规范性文件乙"]
    monkeypatch.setattr(entries, "FEED_LENGTH", 2)
    assert rss_titles(rss(client, "/feeds/latest/rss/")) == ["新的公告", "规范性文件乙"]


def test_a_feed_costs_the_same_queries_however_many_entries_it_has(client, catalogue, items, column):
    def queries(url):
        client.get(url)  # the visibility rule's cache of withdrawn branches is warm, as on a busy site
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ["/feeds/latest/rss/", f"/feeds/catalogue/{catalogue.pk}/atom/", f"/feeds/column/{column.pk}/rss/"]
    before = [queries(url) for url in urls]
    for number in range(3):
        factories.make_item(catalogue, title=f"又一份文件{number}", category_code="0302")
        factories.make_announcement(column, title=f"又一条公告{number}")
    assert [queries(url) for url in urls] == before


def test_titles_with_markup_reach_readers_as_text(client, catalogue):
    factories.make_item(catalogue, title="关于<b>加粗</b>&的通知")
    channel = rss(client, f"/feeds/catalogue/{catalogue.pk}/rss/")
    # RSS readers show titles as HTML: the title arrives escaped, shown as written.
    assert rss_titles(channel) == ["关于&lt;b&gt;加粗&lt;/b&gt;&amp;的通知"]
    assert atom_titles(atom(client, f"/feeds/catalogue/{catalogue.pk}/atom/")) == ["关于<b>加粗</b>&的通知"]


def test_unknown_or_mismatched_addresses_are_404(client, catalogue, other_catalogue, column):
    other_category = factories.category(other_catalogue.get_parent().specific, "01")
    for url in [
        "/feeds/catalogue/999999/rss/",
        "/feeds/catalogue/99999999999999999999999/atom/",
        f"/feeds/catalogue/{catalogue.pk}/category/9223372036854775808/rss/",
        f"/feeds/catalogue/{column.pk}/rss/",  # a column is not a catalogue
        f"/feeds/column/{catalogue.pk}/rss/",
        f"/feeds/catalogue/{catalogue.pk}/category/999999/rss/",
        f"/feeds/catalogue/{catalogue.pk}/category/{other_category.pk}/rss/",  # another agency's category
        "/feeds/column/9223372036854775807/rss/",
        "/feeds/column/abc/rss/",
        "/feeds/nothing/rss/",
    ]:
        assert client.get(url).status_code == 404, url


def hide_by_unpublishing(page):
    page.unpublish()


def hide_by_hold(page):
    PublicationHold.objects.create(page=page, reason="secret")


@pytest.mark.parametrize("hide", [hide_by_unpublishing, hide_by_hold], ids=lambda f: f.__name__)
def test_the_feed_of_a_page_the_public_may_not_see_is_404(client, catalogue, agency, column, items, hide):
    regulations = factories.category(agency, "01")
    urls = [f"/feeds/catalogue/{catalogue.pk}/rss/", f"/feeds/catalogue/{catalogue.pk}/category/{regulations.pk}/atom/"]
    hide(catalogue)
    hide(column)
    for url in [*urls, f"/feeds/column/{column.pk}/rss/", f"/feeds/column/{column.pk}/atom/"]:
        assert client.get(url).status_code == 404, url


def test_under_a_withdrawn_agency_the_feeds_are_404_and_the_site_feed_forgets_its_entries(
    client, catalogue, agency, items, column, other_catalogue
):
    factories.make_item(other_catalogue, title="卫健局的文件")
    AgencyPage.objects.get(pk=agency.pk).unpublish()
    for url in [f"/feeds/catalogue/{catalogue.pk}/rss/", f"/feeds/column/{column.pk}/atom/"]:
        assert client.get(url).status_code == 404, url
    for url in ("/feeds/latest/rss/", "/feeds/latest/atom/", f"/feeds/catalogue/{other_catalogue.pk}/rss/"):
        text = client.get(url).content.decode()
        assert "卫健局的文件" in text
        for title in ("规范性文件乙", "部门预算丙", "规章甲", "新的公告", "置顶的旧公告"):
            assert title not in text, (title, url)


def test_the_addresses_people_try_lead_to_the_site_wide_feed(client):
    for url in ("/rss.xml", "/feed/", "/rss/", "/feeds/"):
        response = client.get(url)
        assert response.status_code == 301 and response["Location"] == "/feeds/latest/rss/", url


def test_a_reader_revalidates_and_learns_of_a_withdrawal_at_once(client, catalogue, items):
    url = f"/feeds/catalogue/{catalogue.pk}/rss/"
    first = client.get(url)
    assert "no-cache" in first["Cache-Control"]
    assert "Last-Modified" not in first
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    items["norm"].unpublish()
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "规范性文件乙" not in again.content.decode()


def feed_links(client, url, django_assert_max_num_queries, queries):
    """The ``<link rel="alternate">`` tags the page at ``url`` gets in its head, as (type, title, href)."""
    response = client.get(url)
    assert response.status_code == 200
    context = {name: response.context[name] for name in ("page", "request", "listing") if name in response.context}
    with django_assert_max_num_queries(queries):
        html = Template("{% load feed_tags %}{% feed_links page %}").render(Context(context))
    links = re.findall(r'<link rel="alternate" type="application/([^"]+)" title="([^"]*)" href="([^"]*)">', html)
    assert len(links) == html.count("<link")
    for _type, _title, href in links:
        assert client.get(href).status_code == 200, href
    return links


def test_each_page_links_its_own_feeds_and_the_site_wide_one(
    client, catalogue, agency, items, column, django_assert_max_num_queries
):
    site_wide = [
        ("rss+xml", "青溪县教育局 最新信息 (RSS)", "/feeds/latest/rss/"),
        ("atom+xml", "青溪县教育局 最新信息 (Atom)", "/feeds/latest/atom/"),
    ]
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "青溪县教育局"
    settings.save()
    own_catalogue = [
        ("rss+xml", "青溪县教育局 信息公开目录 (RSS)", f"/feeds/catalogue/{catalogue.pk}/rss/"),
        ("atom+xml", "青溪县教育局 信息公开目录 (Atom)", f"/feeds/catalogue/{catalogue.pk}/atom/"),
    ]
    own_column = [
        ("rss+xml", "青溪县教育局 工作动态 (RSS)", f"/feeds/column/{column.pk}/rss/"),
        ("atom+xml", "青溪县教育局 工作动态 (Atom)", f"/feeds/column/{column.pk}/atom/"),
    ]
    assert feed_links(client, "/", django_assert_max_num_queries, 1) == site_wide
    assert feed_links(client, catalogue.url, django_assert_max_num_queries, 1) == own_catalogue + site_wide
    budgets = factories.category(agency, "0701")
    category_feed = f"/feeds/catalogue/{catalogue.pk}/category/{budgets.pk}"
    assert feed_links(client, f"{catalogue.url}?category={budgets.pk}", django_assert_max_num_queries, 1) == [
        ("rss+xml", "青溪县教育局 信息公开目录：部门预算 (RSS)", f"{category_feed}/rss/"),
        ("atom+xml", "青溪县教育局 信息公开目录：部门预算 (Atom)", f"{category_feed}/atom/"),
        *own_catalogue,
        *site_wide,
    ]
    assert feed_links(client, items["norm"].url, django_assert_max_num_queries, 3) == own_catalogue + site_wide
    assert feed_links(client, column.url, django_assert_max_num_queries, 2) == own_column + site_wide
    announcement = column.get_children().live().first()
    assert feed_links(client, announcement.url, django_assert_max_num_queries, 3) == own_column + site_wide
