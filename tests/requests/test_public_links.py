"""Where citizens are sent to apply: the guide, the catalogue and the search page's "no results" box."""

import pytest
from wagtail.models import Page

from tests import factories

from .public_site import make_form_page

pytestmark = pytest.mark.django_db


def test_the_guide_and_the_catalogue_link_to_the_agency_s_public_application_page(client, agency, catalogue):
    guide = factories.make_guide(agency)
    page = make_form_page(agency)
    for url in (guide.url, catalogue.url):
        assert f'href="{page.url}"' in client.get(url).content.decode(), url
    Page.objects.get(pk=page.pk).specific.unpublish()
    for url in (guide.url, catalogue.url):
        assert f'href="{page.url}"' not in client.get(url).content.decode(), url


def test_without_an_application_page_the_guide_links_nowhere(client, agency):
    guide = factories.make_guide(agency)
    assert "apply/" not in client.get(guide.url).content.decode()


def test_a_search_that_finds_nothing_offers_the_application_pages_the_searched_agency_first(
    client, agency, other_agency
):
    mine = make_form_page(agency)
    theirs = make_form_page(other_agency)
    html = client.get("/search/", {"q": "潜艇", "agency": other_agency.pk}).content.decode()
    box = html.split('class="apply-online"', 1)[1].split("</ul>", 1)[0]
    assert box.index(theirs.url) < box.index(mine.url)
    assert "青溪县卫生健康局" in box and "依申请公开" in box
    data = client.get("/api/search/", {"q": "潜艇", "agency": agency.pk}).json()
    assert [link["url"] for link in data["apply_online"]] == [mine.url, theirs.url]


def test_a_search_with_results_offers_no_application_links(client, agency, catalogue):
    make_form_page(agency)
    factories.make_item(catalogue, title="关于潜艇模型比赛的通知")
    assert client.get("/api/search/", {"q": "潜艇"}).json()["apply_online"] == []
