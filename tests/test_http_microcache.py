"""The project's HTTP micro-cache keeps only what a route declared, and never what it must not."""

import re
from wsgiref.util import setup_testing_defaults

import pytest
from django.test import override_settings

from cms import http_microcache
from cms.http_microcache import HttpMicrocache
from online_interview.live.microcache import LiveFeedPolls


class Route:
    """A declared URL whose version the test sets, keyed on the whole query string."""

    name = "test.news"
    path = re.compile(r"/news/(\d+)/")
    seconds = 60

    def __init__(self):
        self.current = None

    def version(self, match):
        return self.current

    def key(self, match, environ, etag):
        return environ.get("QUERY_STRING", "")


class App:
    """A WSGI application answering every request with what the test told it, counting calls."""

    def __init__(self):
        self.calls = 0
        self.status, self.headers = "200 OK", [("Content-Type", "text/plain"), ("ETag", '"v1"')]

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response(self.status, list(self.headers))
        return [f"answer {self.calls}".encode()]


def get(app, path, method="GET", query=""):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    body = b"".join(app(environ, start_response))
    return answer["status"], body


@pytest.fixture
def site():
    route, app = Route(), App()
    return route, app, HttpMicrocache(app, [route])


def test_an_undeclared_url_is_never_kept(site):
    route, app, cache = site
    for _ in range(3):
        get(cache, "/news/")
        get(cache, "/elsewhere/1/")
    assert app.calls == 6 and cache.memory.entries == {}


def test_a_declared_url_is_repeated_while_its_version_holds(site):
    route, app, cache = site
    assert get(cache, "/news/1/") == ("200 OK", b"answer 1")
    route.current = '"v1"'
    assert get(cache, "/news/1/") == ("200 OK", b"answer 1")
    assert get(cache, "/news/1/", query="page=2") == ("200 OK", b"answer 2")  # another key: its own answer
    assert get(cache, "/news/2/") == ("200 OK", b"answer 3")  # another path
    route.current = '"v2"'  # the app knows a newer version: the kept answer is not told
    assert get(cache, "/news/1/") == ("200 OK", b"answer 4")
    assert app.calls == 4


@pytest.mark.parametrize(
    "status, headers, method",
    [
        ("404 Not Found", [("ETag", '"v1"')], "GET"),
        ("500 Internal Server Error", [("ETag", '"v1"')], "GET"),
        ("302 Found", [("ETag", '"v1"'), ("Location", "/")], "GET"),
        ("200 OK", [("ETag", '"v1"'), ("Set-Cookie", "sessionid=x")], "GET"),
        ("200 OK", [], "GET"),  # no version to keep it under
        ("200 OK", [("ETag", '"v1"')], "POST"),
        ("200 OK", [("ETag", '"v1"')], "HEAD"),
    ],
)
def test_errors_cookies_unversioned_answers_and_other_methods_are_never_kept(site, status, headers, method):
    route, app, cache = site
    route.current = '"v1"'
    app.status, app.headers = status, headers
    get(cache, "/news/1/", method)
    get(cache, "/news/1/", method)
    assert app.calls == 2 and cache.memory.entries == {}


def test_apps_declare_their_routes_and_the_setting_switches_the_cache_off():
    def django(environ, start_response):
        return []

    assert [type(route) for route in http_microcache.declared_routes()] == [LiveFeedPolls]
    with override_settings(GONGKAI_HTTP_MICROCACHE=True):
        assert isinstance(http_microcache.wrap(django), HttpMicrocache)
    with override_settings(GONGKAI_HTTP_MICROCACHE=False):
        assert http_microcache.wrap(django) is django


def test_without_the_setting_it_is_on(settings):
    del settings.GONGKAI_HTTP_MICROCACHE
    assert http_microcache.enabled()
