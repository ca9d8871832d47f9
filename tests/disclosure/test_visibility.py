"""Nothing unpublished reaches the public: each non-public case is probed on every public surface."""

import datetime
import re

import pytest
from django.utils import timezone

from disclosure.models import AnnouncementPage
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
    return {
        "public": public_item,
        "hidden": [
            draft,
            secret,
            AnnouncementPage.objects.get(pk=expired.pk),
            AnnouncementPage.objects.get(pk=scheduled.pk),
            withdrawn,
        ],
        "column": column,
    }


def search_results(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    match = re.search(r'<ol class="search-results">(.*?)</ol>', html, re.S)
    return match.group(1) if match else ""


def hidden_titles(world):
    return [page.title for page in world["hidden"]]


def test_own_urls_are_404(client, world):
    assert client.get(world["public"].url).status_code == 200
    for page in world["hidden"]:
        url = page.url_path.replace("/home", "", 1)
        assert client.get(url).status_code == 404, page.title


def test_absent_from_listings_counts_home_sitemap_and_search(client, world, catalogue):
    surfaces = {
        "catalogue": client.get(catalogue.url).content.decode(),
        "column": client.get(world["column"].url).content.decode(),
        "home": client.get("/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }
    assert "公开文件甲" in surfaces["catalogue"]
    for title in hidden_titles(world):
        for name, html in surfaces.items():
            assert title not in html, f"{title} leaked on {name}"
        for query in (title, title[:4]):
            assert title not in search_results(client, query), f"{title} leaked in search"
    # The tree counts only the one public item of 行政规范性文件.
    assert '行政规范性文件 <span class="count">(1)</span>' in surfaces["catalogue"]


def test_public_item_is_found_by_search(client, world):
    assert "公开文件甲" in search_results(client, "公开文件甲")
