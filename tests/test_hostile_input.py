"""Hostile or odd input gets a 4xx that says what is wrong — never a 500, never a detour (issue 14).

Messages are asserted by their stable part (the parameter's name, "UTF-8") so the tests
hold before and after the Chinese catalogue learns the new messages.
"""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from disclosure.models import AgencyRole
from online_interview.questions.models import Question
from online_interview.questions.moderation import approve, reject
from online_interview.questions.submission import submit_question
from tests import factories

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = "123456789012345678901234"  # 24 digits
JUST_BEYOND_BIGINT = str(2**63)


@pytest.fixture
def column(agency):
    return factories.make_interview_column(agency)


@pytest.fixture
def live_interview(column):
    return factories.make_interview(column, start=timezone.now() - datetime.timedelta(minutes=10))


@pytest.fixture
def announcements(agency):
    column = factories.make_announcement_column(agency)
    factories.make_announcement(column, title="关于暑期防溺水的通知")
    return column


def in_site_layout(response, page=None):
    html = response.content.decode()
    return 'class="site-header"' in html and (page is None or page.title in html)


# Finding 10: no 500 on bad input ------------------------------------------------------------


@pytest.mark.parametrize(
    "month",
    ["9999-12", "1-1", "0001-01", "12345678901234567890", "2026-12345678901234567890", "2026-13", "2026-00", "下个月"],
)
def test_a_month_the_calendar_cannot_show_is_a_400_naming_the_parameter(client, column, month):
    response = client.get(column.url, {"month": month})
    assert response.status_code == 400
    assert "month" in response.content.decode() and in_site_layout(response, column)


@pytest.mark.parametrize("huge", [BEYOND_64_BITS, JUST_BEYOND_BIGINT])
def test_ids_beyond_64_bits_are_not_found(client, live_interview, huge):
    assert client.get(f"/api/interviews/{huge}/live/").status_code == 404
    ask = {"nickname": "市民", "text": "请问何时报名？"}
    assert client.post(f"/api/interviews/{huge}/questions/", ask).status_code == 404
    assert client.post(f"/api/interviews/{huge}/questions/1/vote/").status_code == 404
    assert client.post(f"/api/interviews/{live_interview.pk}/questions/{huge}/vote/").status_code == 404


@pytest.mark.parametrize("huge", [BEYOND_64_BITS, JUST_BEYOND_BIGINT])
def test_ids_beyond_64_bits_are_not_found_in_the_catalogue_api_and_feeds(client, huge):
    for url in (
        f"/api/catalogue/items/{huge}/",
        f"/api/catalogue/agencies/{huge}/",
        f"/feeds/catalogue/{huge}/rss/",
        f"/feeds/catalogue/1/category/{huge}/atom/",
        f"/feeds/column/{huge}/rss/",
    ):
        assert client.get(url).status_code == 404, url


def test_ids_beyond_64_bits_are_not_found_in_the_live_console(client, agency, live_interview):
    client.force_login(factories.make_user("host-editor", agency, AgencyRole.EDITOR))
    assert client.get(f"/admin/interviews/{live_interview.pk}/console/").status_code == 200
    assert client.get(f"/admin/interviews/{BEYOND_64_BITS}/console/").status_code == 404
    assert client.get(f"/admin/interviews/{BEYOND_64_BITS}/console/state/").status_code == 404


def csrf_client():
    """A browser that keeps Django's CSRF cookie and sends its token, as a real form would."""
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    return client, client.cookies["csrftoken"].value


def post_form(client, url, fields, charset, **headers):
    """POST ``fields`` urlencoded in ``charset`` (in UTF-8 if Python knows no such charset) and declared so."""
    try:
        body = urlencode(fields, encoding=charset, errors="replace").encode("ascii")
    except LookupError:
        body = urlencode(fields).encode("ascii")
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    return client.generic("POST", url, body, content_type=content_type, **headers)


@pytest.mark.parametrize("charset", ["gb18030", "GBK", "latin-1", "no-such-charset"])
def test_a_form_declared_in_another_charset_gets_a_clear_400(column, live_interview, charset):
    client, token = csrf_client()
    forms = [
        ("/i18n/setlang/", {"language": "en", "next": "/"}),
        ("/admin/login/", {"username": "某人", "password": "口令"}),
        (f"/api/interviews/{live_interview.pk}/questions/", {"nickname": "小王", "text": "请问学区怎么划分？"}),
    ]
    for url, fields in forms:
        response = post_form(client, url, {**fields, "csrfmiddlewaretoken": token}, charset)
        assert response.status_code == 400, url
        assert "UTF-8" in response.content.decode() and in_site_layout(response), url
    question_url = forms[2][0]
    fields = {**forms[2][1], "csrfmiddlewaretoken": token}
    as_script = post_form(client, question_url, fields, charset, HTTP_ACCEPT="application/json")
    assert as_script.status_code == 400 and "UTF-8" in as_script.json()["error"]
    assert not Question.objects.exists()


def test_a_form_declared_in_utf8_is_still_taken(live_interview):
    client, token = csrf_client()
    fields = {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    assert post_form(client, "/i18n/setlang/", fields, "UTF-8").status_code == 302
    question = {"nickname": "小王", "text": "请问学区怎么划分？", "csrfmiddlewaretoken": token}
    url = f"/api/interviews/{live_interview.pk}/questions/"
    assert post_form(client, url, question, "utf8", HTTP_ACCEPT="application/json").status_code == 201


def test_a_bad_request_django_refuses_itself_is_answered_in_chinese(client):
    too_many_fields = "&".join(f"f{n}=1" for n in range(1200))
    response = client.generic("POST", "/i18n/setlang/", too_many_fields, "application/x-www-form-urlencoded")
    assert response.status_code == 400 and '<html lang="zh-hans">' in response.content.decode()


# Finding 12: no open redirect ---------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "https:/evil.example/", "\\\\evil.example", "javascript:alert(1)"],
)
def test_the_bulk_publish_refusal_stays_on_this_site(client, agency, catalogue, target):
    draft = factories.make_item(catalogue, title="待审查的通知", live=False)
    client.force_login(factories.make_user("leader", agency, AgencyRole.LEADER))
    url = f"/admin/bulk/wagtailcore/page/publish/?{urlencode({'id': draft.pk, 'next': target})}"
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/")
    draft.refresh_from_db()
    assert not draft.live


def test_the_bulk_publish_refusal_returns_to_a_page_of_this_site(client, agency, catalogue):
    draft = factories.make_item(catalogue, title="待审查的通知", live=False)
    client.force_login(factories.make_user("leader", agency, AgencyRole.LEADER))
    for back in (f"/admin/pages/{catalogue.pk}/", "not-a-view-name"):
        response = client.post(f"/admin/bulk/wagtailcore/page/publish/?{urlencode({'id': draft.pk, 'next': back})}")
        assert response.status_code == 302 and response["Location"] == back


# Finding 14: one rule for bad filter values --------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("year=abc", "year"),
        ("year=1800", "year"),
        ("category=-3", "category"),
        ("topic=abc", "topic"),
        ("genre=99999999999999999999", "genre"),
        ("validity=maybe", "validity"),
        ("mode=secret", "mode"),
        ("page=abc", "page"),
        ("page=0", "page"),
    ],
)
def test_a_bad_catalogue_filter_is_a_400_naming_the_parameter(client, catalogue, query, parameter):
    factories.make_item(catalogue)
    response = client.get(f"{catalogue.url}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert f"“{parameter}”" in html and in_site_layout(response, catalogue)
    assert "关于做好测试工作的通知" not in html  # no listing that silently ignored the filter


@pytest.mark.parametrize(
    "query, parameter", [("category=secret", "category"), ("page=abc", "page"), ("page=-1", "page")]
)
def test_a_bad_announcement_filter_is_a_400_naming_the_parameter(client, announcements, query, parameter):
    response = client.get(f"{announcements.url}?{query}")
    assert response.status_code == 400
    assert f"“{parameter}”" in response.content.decode() and in_site_layout(response, announcements)


@pytest.mark.parametrize("query, parameter", [("month=2026-13", "month"), ("page=abc", "page")])
def test_a_bad_interview_column_filter_is_a_400_naming_the_parameter(client, column, query, parameter):
    response = client.get(f"{column.url}?{query}")
    assert response.status_code == 400
    assert f"“{parameter}”" in response.content.decode() and in_site_layout(response, column)


def test_good_filters_and_empty_ones_still_list(client, catalogue, announcements, column):
    factories.make_item(catalogue)
    assert client.get(f"{catalogue.url}?year=&category=&page=2").status_code == 200
    assert client.get(f"{announcements.url}?category=notice&page=1").status_code == 200
    assert client.get(f"{column.url}?month=2026-03&page=").status_code == 200


def test_a_bad_search_filter_is_a_400_naming_the_parameter_on_the_page_and_in_the_api(client):
    page = client.get("/search/", {"q": "防暑", "year": "去年"})
    assert page.status_code == 400 and "“year”" in page.content.decode() and in_site_layout(page)
    api = client.get("/api/search/", {"q": "防暑", "year": "去年"})
    assert api.status_code == 400 and "“year”" in api.json()["error"] and "year" in api.json()["fields"]


def test_head_is_answered_wherever_get_is(client, live_interview):
    for url in [
        "/search/?q=防暑",
        "/api/search/?q=防暑",
        "/api/search/suggest/?q=防",
        f"/api/interviews/{live_interview.pk}/live/",
    ]:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == client.get(url)["Content-Type"], url
        assert not response.content, url


# Finding 15: no enumeration, no bidi tricks --------------------------------------------------


def test_a_question_a_visitor_may_not_see_is_not_found_like_one_that_does_not_exist(agency, live_interview):
    editor = factories.make_user("moderator", agency, AgencyRole.EDITOR)
    pending = submit_question(live_interview, nickname="甲", text="待审的问题").question
    rejected = submit_question(live_interview, nickname="乙", text="被拒的问题").question
    reject(rejected, editor)
    public = submit_question(live_interview, nickname="丙", text="公开的问题").question
    approve(public, editor)
    missing = max(pending.pk, rejected.pk, public.pk) + 100

    def vote(question_id):
        url = f"/api/interviews/{live_interview.pk}/questions/{question_id}/vote/"
        response = Client().post(url)
        # The page names its own address and carries a fresh CSRF token: neither tells anything.
        page = response.content.decode().replace(url, "<url>")
        return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", page)

    assert vote(public.pk)[0] == 200
    assert vote(pending.pk) == vote(rejected.pk) == vote(missing)
    assert vote(missing)[0] == 404
    assert Question.objects.get(pk=pending.pk).votes == 0 and Question.objects.get(pk=rejected.pk).votes == 0


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_stripped_from_a_question_before_it_is_checked_and_stored(client, live_interview):
    url = f"/api/interviews/{live_interview.pk}/questions/"
    text = "请问\u202e学区\u202c怎么\u2066划分\u2069？\u061c"
    response = client.post(url, {"nickname": "\u200f小王\u200e", "text": text}, HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    question = Question.objects.get()
    assert (question.nickname, question.text) == ("小王", "请问学区怎么划分？")

    only_controls = client.post(url, {"nickname": BIDI, "text": "一个问题"}, HTTP_ACCEPT="application/json")
    assert only_controls.status_code == 400 and only_controls.json()["field"] == "nickname"


def test_bidi_controls_are_stripped_from_a_search(client):
    response = client.get("/api/search/", {"q": "\u2066防暑\u2069\u061c降温\u202e"})
    assert response.status_code == 200 and response.json()["query"] == "防暑降温"
    page = client.get("/search/", {"q": "\u2066防暑\u2069", "year": "去年"}).content.decode()
    assert not any(control in page for control in BIDI)
