"""Nothing unpublished reaches the public: each non-public case is probed on every public surface."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from disclosure.models import AnnouncementPage, CatalogueItemPage, PublicationHold
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(catalogue, agency):
    column = factories.make_announcement_column(factories.home())
    now = timezone.now()
    public_item = factories.make_item(catalogue, title="公开文件甲")
    draft = factories.make_item(catalogue, title="草稿文件乙", live=False)
    secret = factories.make_item(
        catalogue,
        title="不予公开文件丙",
        disclosure_mode="not_disclosed",
        non_disclosure_reason="state_secret",
        disclosure_note="涉密",
    )
    expired = factories.make_announcement(column, title="过期公告丁", date=now - datetime.timedelta(days=3))
    # Expiry has passed but the scheduler has not run yet: the page row is still live.
    AnnouncementPage.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    scheduled = factories.make_announcement(
        column, title="定时公告戊", live=False, go_live_at=now + datetime.timedelta(days=1)
    )
    factories.publish(scheduled)
    withdrawn = factories.make_item(catalogue, title="撤回文件己")
    withdrawn.unpublish()
    editor = factories.make_user("world-editor", agency, "editor")
    in_review = factories.make_item(catalogue, title="审核中文件庚", live=False)
    agency.get_workflow().start(in_review, editor)
    rejected = factories.make_item(catalogue, title="退回文件辛", live=False)
    agency.get_workflow().start(rejected, editor)
    rejected.current_workflow_task_state.reject(user=editor, comment="退回")
    held = factories.make_item(catalogue, title="涉密文件壬")
    PublicationHold.objects.create(page=held, reason="secret")
    scheduled_item = factories.make_item(
        catalogue, title="定时文件癸", live=False, go_live_at=now + datetime.timedelta(days=2)
    )
    factories.publish(scheduled_item)
    return {
        "public": public_item,
        "hidden": [
            draft,
            secret,
            AnnouncementPage.objects.get(pk=expired.pk),
            AnnouncementPage.objects.get(pk=scheduled.pk),
            withdrawn,
            in_review,
            rejected,
            held,
            CatalogueItemPage.objects.get(pk=scheduled_item.pk),
        ],
        "column": column,
    }


def search_results(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    match = re.search(r'<ol class="search-results"[^>]*>(.*?)</ol>', html, re.S)
    # Without tags: a highlighted title (<mark>公开</mark>文件) must still be recognised.
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def search_api_text(client, query):
    """Everything the JSON search API and the suggestions say for ``query``, as one text."""
    found = client.get("/api/search/", {"q": query})
    suggested = client.get("/api/search/suggest/", {"q": query})
    assert found.status_code == 200 and suggested.status_code == 200
    answer = found.json()
    del answer["query"]  # the query itself is echoed back
    return json.dumps([answer, suggested.json()], ensure_ascii=False)


def hidden_titles(world):
    return [page.title for page in world["hidden"]]


def test_own_urls_are_404(client, world):
    assert client.get(world["public"].url).status_code == 200
    for page in world["hidden"]:
        url = page.url_path.replace("/home", "", 1)
        assert client.get(url).status_code == 404, page.title


def test_absent_from_listings_counts_home_sitemap_and_search(client, world, catalogue, agency):
    regulations = factories.category(agency, "01")
    surfaces = {
        "catalogue": client.get(catalogue.url).content.decode(),
        "column": client.get(world["column"].url).content.decode(),
        "home": client.get("/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }
    feeds = {
        "site-wide feed": "/feeds/latest/rss/",
        "site-wide Atom feed": "/feeds/latest/atom/",
        "catalogue feed": f"/feeds/catalogue/{catalogue.pk}/rss/",
        "category feed": f"/feeds/catalogue/{catalogue.pk}/category/{regulations.pk}/atom/",
        "column feed": f"/feeds/column/{world['column'].pk}/rss/",
    }
    for name, url in feeds.items():
        response = client.get(url)
        assert response.status_code == 200, name
        surfaces[name] = response.content.decode()
    assert "公开文件甲" in surfaces["catalogue"]
    for name in ("site-wide feed", "catalogue feed", "category feed"):
        assert "公开文件甲" in surfaces[name], name
    for title in hidden_titles(world):
        for name, html in surfaces.items():
            assert title not in html, f"{title} leaked on {name}"
        for query in (title, title[:4], title[:2]):
            assert title not in search_results(client, query), f"{title} leaked in search"
            assert title not in search_api_text(client, query), f"{title} leaked in the search API"
    # The tree counts only the one public item of 行政规范性文件.
    assert '行政规范性文件 <span class="count">(1)</span>' in surfaces["catalogue"]


def test_public_item_is_found_by_search(client, world):
    assert "公开文件甲" in search_results(client, "公开文件甲")
    assert "公开文件甲" in search_api_text(client, "公开文件甲")
    assert "公开文件甲" in search_api_text(client, "公开")


def test_only_public_pages_are_in_the_public_search_index(world):
    from search.models import PublicDocument
    from search.tasks import reconcile_public_index

    # The expiry above was written straight to the database, so no event announced it;
    # the periodic reconcile task is what drops such a row (searches never show it meanwhile).
    reconcile_public_index()
    indexed = set(PublicDocument.objects.values_list("title", flat=True))
    assert "公开文件甲" in indexed
    assert not indexed & set(hidden_titles(world))


def test_preview_and_draft_links_need_an_admin_login(client, world):
    for page in world["hidden"]:
        for name in ("wagtailadmin_pages:view_draft", "wagtailadmin_pages:preview_on_edit"):
            response = client.get(reverse(name, args=[page.pk]))
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (page.title, name)
            assert page.title not in response.content.decode()


def test_wagtails_generic_page_apis_are_not_mounted(client, world):
    for url in ("/api/v2/pages/", "/api/v3/pages/", "/api/pages/"):
        assert client.get(url).status_code == 404
    # Browsing the search API by facet alone lists public documents only.
    listed = "".join(
        client.get("/api/search/", {"kind": kind}).content.decode() for kind in ("catalogue", "announcement")
    )
    assert "公开文件甲" in listed
    for title in hidden_titles(world):
        assert title not in listed, title
