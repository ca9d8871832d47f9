"""涉密不上网 for whole branches: what sits under a withdrawn parent leaves every public surface at once.

Each case withdraws a parent — an unpublished catalogue, a held catalogue, an unpublished
agency, a held announcement column — and probes its live children on every surface: their
URLs, the home page, the sitemap, listings and counts, the search page, API, suggestions,
facets and exact matches, attachments. No worker runs here: the deferred index jobs of a
real site have not run yet, which is when a leak would show.
"""

import json

import pytest
from celery import current_app

from disclosure.models import CatalogueAttachment, PublicationHold
from search.models import PublicDocument
from tests import factories
from tests.disclosure.test_visibility import search_api_text, search_results
from tests.review.documents import make_document, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def deferred_index_jobs():
    """Index jobs wait for the commit, as on a real site; this test's transaction never commits."""
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = False
    yield
    current_app.conf.task_always_eager = eager


@pytest.fixture
def branch(agency, catalogue):
    column = factories.make_announcement_column(factories.home(), title="工作动态", slug="news")
    document = make_document("巡护路线图", "route.pdf", pdf_bytes("巡护路线图 芦苇荡 东岸"))
    items = [
        factories.make_item(catalogue, title="关于蓝藻水华监测预警工作的通知", doc_number="青教发〔2025〕41号"),
        factories.make_item(
            catalogue, title="关于湿地候鸟栖息地巡护安排的通知", attachments=[CatalogueAttachment(document=document)]
        ),
    ]
    news = factories.make_announcement(column, title="关于山茶花节交通管制的公告")
    for page in items:
        page.refresh_from_db()
    return {
        "agency": agency,
        "catalogue": catalogue,
        "items": items,
        "column": column,
        "news": news,
        "document": document,
    }


def withdraw_catalogue_by_unpublishing(branch):
    branch["catalogue"].unpublish()
    return [*branch["items"]]


def withdraw_catalogue_by_hold(branch):
    PublicationHold.objects.create(page=branch["catalogue"], reason="secret")
    return [*branch["items"]]


def withdraw_agency(branch):
    branch["agency"].unpublish()
    return [*branch["items"]]


def withdraw_column_by_hold(branch):
    PublicationHold.objects.create(page=branch["column"], reason="secret")
    return [branch["news"]]


WITHDRAWALS = [withdraw_catalogue_by_unpublishing, withdraw_catalogue_by_hold, withdraw_agency, withdraw_column_by_hold]


def everything_public(client, queries):
    """Every public surface as one text, for the titles, 文号 and 索引号 probed."""
    texts = [client.get(url).content.decode() for url in ("/", "/sitemap.xml")]
    for query in queries:
        texts.append(search_results(client, query))
        texts.append(search_api_text(client, query))
    texts.append(search_results(client, "通知"))
    return "\n".join(texts)


@pytest.mark.parametrize("withdraw", WITHDRAWALS, ids=lambda f: f.__name__)
def test_children_of_a_withdrawn_parent_leave_every_surface(client, branch, deferred_index_jobs, withdraw):
    children = withdraw(branch)
    for page in children:
        assert client.get(page.url_path.replace("/home", "", 1)).status_code == 404, page.title
        assert page.title not in everything_public(client, [page.title, page.title[2:8]]), page.title
    probes = [child.index_number for child in children if getattr(child, "index_number", None)]
    for number in probes:
        answer = client.get("/api/search/", {"q": number}).json()
        assert answer["total"] == 0 and not answer["exact_match"], number
    # Nothing counts them either: no facet names the withdrawn agency's categories.
    if withdraw is not withdraw_column_by_hold:
        facets = json.dumps(client.get("/api/search/", {"q": "通知"}).json()["facets"], ensure_ascii=False)
        assert branch["agency"].title not in facets
        download = client.get(branch["document"].url)
        assert download.status_code in (403, 404)
    # The index lost them in the request that withdrew the parent, without waiting for a worker.
    assert not PublicDocument.objects.filter(pk__in=[child.pk for child in children]).exists()


def test_a_held_item_is_not_an_exact_match_nor_a_facet_before_any_worker_ran(client, branch, deferred_index_jobs):
    item = branch["items"][0]
    assert client.get("/api/search/", {"q": item.index_number}).json()["exact_match"]
    PublicationHold.objects.create(page=item, reason="secret")
    answer = client.get("/api/search/", {"q": item.index_number}).json()
    assert not answer["exact_match"]
    assert item.title not in json.dumps(answer["results"], ensure_ascii=False)
    # Totals and facet counts come from the same rows: the held item is in neither.
    kinds = {value["value"]: value["count"] for value in answer["facets"].get("kind", [])}
    assert sum(kinds.values()) == answer["total"] == len(answer["results"])


def test_lifting_the_hold_brings_the_branch_back(client, branch):
    hold = PublicationHold.objects.create(page=branch["catalogue"], reason="secret")
    assert client.get(branch["items"][0].url).status_code == 404
    hold.delete()
    assert client.get(branch["items"][0].url).status_code == 200
    assert client.get("/api/search/", {"q": "蓝藻水华"}).json()["total"] == 1
