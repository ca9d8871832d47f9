"""热搜 is moderated: what visitors typed is published only when many different clients typed it,
nobody hid it, editors approved it where the site wants approval, and no number in it names an
item the public may not see. Suggestions and related searches come from the same list."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from disclosure.models import PublicationHold
from search.models import BlockedQuery, HotQuery, HotQueryClientDay, HotQueryStatus, SearchQueryLog
from search.queries import hot
from search.queries.clients import hash_client
from search.service import run_search
from tests import factories
from tests.search.conftest import search_from, search_json

pytestmark = pytest.mark.django_db

XSS = '"><img src=x onerror=alert(1)>'


def hot_list(client, fresh=True):
    """The 热搜 entries on the search page, as shown; ``fresh``: not the list cached for five minutes."""
    if fresh:
        cache.clear()
    response = client.get("/search/")
    assert response.status_code == 200
    found = re.search(r'<nav class="hot-queries".*?</nav>', response.content.decode(), re.S)
    return re.findall(r"<li><a [^>]*>(.*?)</a></li>", found.group(0)) if found else []


def near(client, query):
    data = search_json(client, q=query)
    assert data["total"] == 0
    return data["near_queries"]


def suggested(client, prefix):
    return client.get("/api/search/suggest/", {"q": prefix}).json()["suggestions"]


@pytest.fixture
def search_settings(settings):
    """Change GONGKAI_SEARCH keys for one test (the hot list's cache notices the change)."""

    def change(**values):
        settings.GONGKAI_SEARCH = {**settings.GONGKAI_SEARCH, **values}

    return change


@pytest.fixture
def approved_mode(search_settings):
    search_settings(HOT_QUERY_MODE="approved")


def test_one_client_repeating_a_query_does_not_make_it_hot(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    for _ in range(50):
        client.get("/search/", {"q": "招聘"})
    assert HotQueryClientDay.objects.filter(entry__query="招聘").count() == 1
    assert SearchQueryLog.objects.filter(query="招聘").count() == 50  # the search log still sees every search
    assert hot_list(client) == []
    search_from(client, "招聘", clients=3)
    assert hot_list(client) == []  # four different clients: one short of the default five
    search_from(client, "招聘", clients=1, first=10)
    assert hot_list(client) == ["招聘"]


def test_clients_are_counted_once_a_day_and_rank_the_list(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    factories.make_item(catalogue, title="关于学区划分的通知")
    search_from(client, "招聘", clients=5)
    for _ in range(50):
        client.get("/search/", {"q": "招聘"}, REMOTE_ADDR="198.51.100.1")
    search_from(client, "学区划分", clients=6)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert hot_list(client) == ["学区划分", "招聘"]  # six clients beat five, however often one repeats
    for number in range(1, 3):  # two of the same clients searched 招聘 yesterday too: two more client-days
        hot.count_search("招聘", hash_client(f"198.51.100.{number}"), day=yesterday)
    assert hot_list(client) == ["招聘", "学区划分"]


def test_the_threshold_is_a_setting(client, catalogue, search_settings):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    search_from(client, "招聘", clients=2)
    assert hot_list(client) == []
    search_settings(HOT_QUERY_MIN_CLIENTS=2)
    assert hot_list(client) == ["招聘"]


def test_the_client_is_the_address_the_rate_limits_use(client, catalogue, settings):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    settings.GONGKAI_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(5):  # one proxy, five citizens
        client.get("/search/", {"q": "招聘"}, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=f"203.0.113.{number}")
    assert hot_list(client) == ["招聘"]


def test_an_ipv6_network_counts_as_one_client(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    for number in range(1, 6):
        client.get("/search/", {"q": "招聘"}, REMOTE_ADDR=f"2001:db8:0:1::{number}")
    assert HotQueryClientDay.objects.filter(entry__query="招聘").count() == 1
    assert hot_list(client) == []


def test_the_raw_client_address_is_stored_nowhere(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    addresses = ["203.0.113.77", "2001:db8:ffff:1::77"]
    for address in addresses:
        client.get("/search/", {"q": "招聘"}, REMOTE_ADDR=address)
    keys = set(HotQueryClientDay.objects.values_list("client", flat=True))
    assert keys == {hash_client(address) for address in addresses}
    assert all(re.fullmatch(r"[0-9a-f]{32}", key) for key in keys)
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text = repr(cursor.fetchall())
            for address in [*addresses, "2001:db8:ffff:1::"]:
                assert address not in text, table


def test_a_search_without_a_client_is_logged_but_not_counted(catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    run_search("招聘")
    assert SearchQueryLog.objects.filter(query="招聘").exists()
    assert not HotQueryClientDay.objects.exists()


@pytest.fixture
def xss_item(catalogue):
    # Something the markup query finds, so that it is counted at all.
    return factories.make_item(catalogue, title="系统漏洞演练通知", body="<p>img src x onerror alert 1</p>")


def test_markup_waits_for_approval_even_in_auto_mode(client, admin_user, xss_item):
    search_from(client, XSS)
    assert HotQueryClientDay.objects.filter(entry__query=XSS).count() == 5
    page = client.get("/search/").content.decode()
    assert "onerror" not in page
    HotQuery.objects.get(query=XSS).moderate(HotQueryStatus.APPROVED, admin_user)
    page = client.get("/search/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page


def test_in_approved_mode_nothing_shows_until_approved(client, admin_user, catalogue, xss_item, approved_mode):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    search_from(client, "招聘")
    search_from(client, XSS)
    for surface in (
        client.get("/search/").content.decode(),
        client.get("/search/", {"q": "onerrorzzz"}).content.decode(),
        repr(suggested(client, '"><')),
        repr(near(client, "onerrorzzz")),
    ):
        assert "alert(1)" not in surface and "招聘" not in surface
    assert hot_list(client) == []
    HotQuery.objects.get(query="招聘").moderate(HotQueryStatus.APPROVED, admin_user)
    assert hot_list(client, fresh=False) == ["招聘"]  # no cache to wait for: a decision drops it
    HotQuery.objects.get(query=XSS).moderate(HotQueryStatus.APPROVED, admin_user)
    assert XSS in near(client, "onerrorzzz")


def test_a_hidden_entry_never_appears(client, admin_user, catalogue, approved_mode, search_settings):
    factories.make_item(catalogue, title="关于招聘工作的公告")  # 招聘教师 finds it with a notice, 教师 nothing
    search_from(client, "招聘教师")
    entry = HotQuery.objects.get(query="招聘教师")
    entry.moderate(HotQueryStatus.APPROVED, admin_user)
    assert hot_list(client) == ["招聘教师"]
    assert near(client, "教师潜艇") == ["招聘教师"]
    entry.moderate(HotQueryStatus.HIDDEN, admin_user)
    assert hot_list(client, fresh=False) == []
    search_from(client, "招聘教师", clients=20, first=50)
    for mode in ("approved", "auto"):
        search_settings(HOT_QUERY_MODE=mode)
        assert hot_list(client) == []
        assert "招聘教师" not in suggested(client, "招聘")
        assert near(client, "教师潜艇") == []


def test_the_block_list_still_works(client, admin_user, catalogue):
    factories.make_item(catalogue, title="关于学区划分的通知")
    search_from(client, "学区划分")
    HotQuery.objects.get(query="学区划分").moderate(HotQueryStatus.APPROVED, admin_user)
    assert hot_list(client) == ["学区划分"]
    BlockedQuery.objects.create(phrase="学区")
    assert hot_list(client, fresh=False) == []  # blocked wins over approved


def test_near_queries_and_suggestions_come_from_the_moderated_list_only(client, catalogue, approved_mode, admin_user):
    factories.make_item(catalogue, title="关于无人机表演活动的公告")
    search_from(client, "无人机表演", clients=1)
    assert near(client, "无人驾驶航拍") == []
    assert suggested(client, "无人机") == ["关于无人机表演活动的公告"]  # a title, not the query
    search_from(client, "无人机表演", clients=4, first=2)
    cache.clear()
    assert near(client, "无人驾驶航拍") == []  # five clients, but not approved
    HotQuery.objects.get(query="无人机表演").moderate(HotQueryStatus.APPROVED, admin_user)
    assert near(client, "无人驾驶航拍") == ["无人机表演"]
    assert suggested(client, "无人机")[0] == "无人机表演"


def test_an_index_number_or_doc_number_shows_only_while_its_item_is_public(client, catalogue):
    item = factories.make_item(catalogue, title="关于调整义务教育招生范围的通知", doc_number="青教发〔2025〕7号")
    other = factories.make_item(catalogue, title="关于开展校园安全检查的通知")
    search_from(client, item.index_number)
    search_from(client, "青教发〔2025〕7号")
    search_from(client, other.index_number, clients=6)
    public = [other.index_number, item.index_number, "青教发〔2025〕7号"]
    assert hot_list(client) == public  # numbers of public items may show

    hold = PublicationHold.objects.create(page=item, reason="secret")
    assert hot_list(client, fresh=False) == [other.index_number]  # at once, though the list is cached
    assert item.index_number not in suggested(client, item.index_number[:8])
    hold.delete()
    assert hot_list(client, fresh=False) == public

    item.refresh_from_db()
    item.unpublish()  # a draft again, its 索引号 kept
    assert hot_list(client, fresh=False) == [other.index_number]


def test_a_number_of_an_item_that_was_never_public_never_shows(client, catalogue, search_settings):
    draft = factories.make_item(catalogue, title="关于招生计划的通知", live=False)
    held = factories.make_item(catalogue, title="关于人事任免的通知")
    PublicationHold.objects.create(page=held, reason="secret")
    number = held.index_number
    wide = number.translate({ord(ch): ord(ch) + 0xFEE0 for ch in "0123456789"})
    variants = [number, number.lower(), f"{number[:6]} {number[6:]}", wide, f"{number} 任免", "青教发〔2025〕8号"]
    for text in [*variants, "人事任免"]:
        for key in range(5):  # counted directly: searching them finds nothing, so they never count
            hot.count_search(text, f"client-{key}")
    assert draft.index_number is None  # a draft that was never published has none to leak
    assert hot_list(client) == ["人事任免"]
    search_settings(HOT_QUERY_COUNT=50)
    assert hot.hot_queries() == ["人事任免"]


def test_the_admin_lists_entries_with_distinct_clients_and_approves_and_hides(client, admin_client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    search_from(client, "招聘", clients=3)
    entry = HotQuery.objects.get(query="招聘")
    response = admin_client.get("/admin/search_hot_queries/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-hans"' in page and "搜索词" in page  # the query column, in Chinese
    assert "站内搜索".encode("unicode_escape").decode() in page  # the menu (JSON in the page)
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*招聘(?:(?!</tr>).)*</tr>", page, re.S).group(0)
    assert re.search(r">\s*3\s*<", row)  # three distinct clients
    for key in HotQueryClientDay.objects.values_list("client", flat=True):
        assert key not in page
    assert f"/admin/search_hot_queries/approve/{entry.pk}/" in row
    assert f"/admin/search_hot_queries/hide/{entry.pk}/" in row

    assert admin_client.get(f"/admin/search_hot_queries/approve/{entry.pk}/").status_code == 200
    response = admin_client.post(f"/admin/search_hot_queries/approve/{entry.pk}/")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == HotQueryStatus.APPROVED and entry.reviewed_by.username == "admin"
    admin_client.post(f"/admin/search_hot_queries/hide/{entry.pk}/")
    entry.refresh_from_db()
    assert entry.status == HotQueryStatus.HIDDEN

    response = admin_client.post(f"/admin/search_hot_queries/edit/{entry.pk}/", {"status": "approved"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == HotQueryStatus.APPROVED
    assert admin_client.get("/admin/search_hot_queries/new/").status_code in (302, 403)
    assert admin_client.post(f"/admin/search_hot_queries/delete/{entry.pk}/").status_code in (302, 403)
    assert HotQuery.objects.filter(pk=entry.pk).exists()


def test_the_admin_needs_the_change_permission_to_moderate(client, catalogue):
    factories.make_item(catalogue, title="关于招聘教师的公告")
    search_from(client, "招聘", clients=1)
    entry = HotQuery.objects.get(query="招聘")
    editor = get_user_model().objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(f"/admin/search_hot_queries/approve/{entry.pk}/")
    assert response.status_code in (302, 403)
    entry.refresh_from_db()
    assert entry.status == HotQueryStatus.NEW


def test_old_log_rows_become_unreviewed_entries_with_no_clients(client):
    SearchQueryLog.objects.create(query="旧热词", hits=3)
    SearchQueryLog.objects.create(query="旧热词", hits=3)
    SearchQueryLog.objects.create(query="无结果", hits=0)
    migration = importlib.import_module("search.migrations.0004_hot_query_entries_from_log")
    migration.entries_from_log(apps, None)
    assert list(HotQuery.objects.values_list("query", "status")) == [("旧热词", "new")]
    assert not HotQueryClientDay.objects.exists()
    assert hot_list(client) == []


def test_pruning_keeps_editors_decisions_and_drops_old_client_days(admin_user):
    long_ago = timezone.localdate() - datetime.timedelta(days=40)
    kept = hot.count_search("已批准", "client-1", day=long_ago)
    kept.moderate(HotQueryStatus.APPROVED, admin_user)
    dropped = hot.count_search("没人再搜", "client-1", day=long_ago)
    HotQuery.objects.filter(pk=dropped.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    recent = hot.count_search("最近", "client-1")
    hot.prune_log()
    assert set(HotQuery.objects.values_list("query", flat=True)) == {"已批准", "最近"}
    assert list(HotQueryClientDay.objects.values_list("entry", flat=True)) == [recent.pk]
