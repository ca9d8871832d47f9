"""Polls repeated within a moment are answered before Django, with exactly what Django said."""

import json
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings

from cms.http_microcache import HttpMicrocache, declared_routes
from disclosure.models import AgencyRole
from online_interview.transcript.posting import post_entry
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_long_moment")]


@pytest.fixture
def one_long_moment():
    with override_settings(GONGKAI_INTERVIEW={"LIVE_CACHE_SECONDS": 60}):
        yield


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """As Django's test client does: requests must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class Site:
    """The deployed WSGI stack (cms/wsgi.py, routes from the apps), counting the requests that reach Django."""

    def __init__(self):
        self.django_calls = 0
        django = get_wsgi_application()

        def counted(environ, start_response):
            self.django_calls += 1
            return django(environ, start_response)

        self.app = HttpMicrocache(counted, declared_routes())

    def get(self, path, query="", **headers):
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, **headers}
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split()[0]), dict(response_headers)

        result = self.app(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        return answer["status"], answer["headers"], body


def poll(site, interview, since=0, **headers):
    return site.get(f"/api/interviews/{interview.pk}/live/", f"since={since}", **headers)


def test_a_repeated_poll_gets_djangos_own_answer_without_reaching_django(live_interview, staff):
    post_entry(live_interview, staff[AgencyRole.EDITOR], speaker="host", text="访谈现在开始。")
    site = Site()
    first = poll(site, live_interview)
    assert first[0] == 200 and json.loads(first[2])["entries"][0]["text"] == "访谈现在开始。"
    again = poll(site, live_interview)
    assert again == first and site.django_calls == 1
    assert again[1]["X-Content-Type-Options"] == "nosniff"  # the middleware's headers are kept too

    tag = first[1]["ETag"]
    cursor = json.loads(first[2])["cursor"]
    assert poll(site, live_interview, cursor, HTTP_IF_NONE_MATCH=tag)[0] == 304
    assert poll(site, live_interview, cursor, HTTP_IF_NONE_MATCH=tag)[0] == 304
    assert site.django_calls == 2


def test_news_is_never_held_back(live_interview, staff):
    site = Site()
    before = poll(site, live_interview)
    post_entry(live_interview, staff[AgencyRole.EDITOR], speaker="host", text="第二条消息。")
    after = poll(site, live_interview, HTTP_IF_NONE_MATCH=before[1]["ETag"])
    assert after[0] == 200 and [e["text"] for e in json.loads(after[2])["entries"]] == ["第二条消息。"]


def test_an_unpublished_session_is_not_served_from_memory(live_interview):
    site = Site()
    assert poll(site, live_interview)[0] == 200
    live_interview.unpublish()
    assert poll(site, live_interview)[0] == 404
    assert poll(site, live_interview)[0] == 404 and site.django_calls == 3  # refusals are not kept


def test_a_draft_has_no_feed_even_when_asked_twice(column):
    draft = factories.make_interview(column, live=False)
    site = Site()
    assert poll(site, draft)[0] == 404
    assert poll(site, draft)[0] == 404 and site.django_calls == 2


def test_each_language_gets_its_own_answer(live_interview):
    site = Site()
    chinese = json.loads(poll(site, live_interview)[2])
    english = json.loads(poll(site, live_interview, HTTP_COOKIE="django_language=en")[2])
    assert chinese["status_label"] == "直播中" and english["status_label"].startswith("Live")


def test_a_client_cannot_make_variants_the_site_would_answer_alike(live_interview):
    """Headers and cookies the answer does not depend on share one kept answer (memory stays bounded)."""
    site = Site()
    first = poll(site, live_interview)
    cursor = json.loads(first[2])["cursor"]
    for n in range(5):
        assert poll(site, live_interview, HTTP_ACCEPT_LANGUAGE=f"en-GB;q=0.{n}")[2] == first[2]
        assert poll(site, live_interview, HTTP_COOKIE=f"django_language=xx{n}")[2] == first[2]
        assert poll(site, live_interview, cursor + 1000 + n)[2] == poll(site, live_interview, cursor)[2]
    assert site.django_calls == 2  # the first poll, and the first poll at the cursor


@pytest.mark.parametrize("query", ["since=abc", "since=%EF%BC%91", "since=1&extra=x"])
def test_anything_but_a_plain_cursor_goes_to_django(live_interview, query):
    site = Site()
    poll(site, live_interview)
    status, _headers, _body = site.get(f"/api/interviews/{live_interview.pk}/live/", query)
    assert site.django_calls == 2
    if query == "since=abc":
        assert status == 400
