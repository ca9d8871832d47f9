"""A micro-cache in each worker: a GET response repeated, for a moment, to the next askers.

Why: a crowd polling one URL every couple of seconds (a live interview's feed) asks each
gunicorn worker the same question hundreds of times a second. The first asker goes
through Django as usual; the complete response (status, headers, body, as every
middleware left them) is kept in the worker and repeated to the next askers, without
entering Django, until it expires. This is what a reverse proxy's one-second
``proxy_cache`` does, for a site served by gunicorn alone (README: *Benchmarks*, for the
nginx alternative and when to prefer it).

Nothing is kept unless an app declared the URL: a Wagtail hook ``register_http_microcache``
returns a route (or None), an object with

- ``name``: a prefix naming the route in the keys;
- ``path``: a compiled regular expression that must match ``PATH_INFO`` in full;
- ``seconds``: how long a response is repeated;
- ``version(match)``: the ETag the app would answer with now, if it knows without work
  (otherwise None, and the request goes to Django);
- ``key(match, environ, etag)``: what else the answer depends on (query string, language,
  whether ``If-None-Match`` names that ETag), or None when the request is not to be shared.

Keys are route name + path + ETag + the route's key. A response is stored under the ETag
it carries, and a request is answered from memory only under the version the app holds
now, so an asker is never told an older state than the app would tell it.

Never kept: any method but GET, URLs no route declares, a response other than 200 or
304 (errors, redirects), a response that sets a cookie, a response without an ETag, a
request the route gives no key.

The setting ``GONGKAI_HTTP_MICROCACHE`` (from the environment variable of that name; on
by default) switches it off, e.g. behind a proxy that micro-caches instead.
"""

import threading
import time

from django.conf import settings
from wagtail import hooks

HOOK = "register_http_microcache"
CACHEABLE_STATUSES = ("200", "304")


def enabled():
    return getattr(settings, "GONGKAI_HTTP_MICROCACHE", True)


def declared_routes():
    """The routes every installed app declared with the ``register_http_microcache`` hook."""
    return [route for route in (declare() for declare in hooks.get_hooks(HOOK)) if route is not None]


def wrap(app):
    """The WSGI application behind the micro-cache of the declared routes, unless switched off."""
    return HttpMicrocache(app, declared_routes()) if enabled() else app


class ResponseMemory:
    """The worker's kept responses: key -> (expires, (status, headers, body))."""

    LIMIT = 10_000  # keys; each new version makes new ones, and expired ones are swept at the limit

    def __init__(self):
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def set(self, key, response, seconds):
        now = time.monotonic()
        with self.lock:
            if len(self.entries) >= self.LIMIT:
                self.entries = {k: entry for k, entry in self.entries.items() if entry[0] >= now}
                if len(self.entries) >= self.LIMIT:
                    self.entries = {}
            self.entries[key] = (now + seconds, response)


class HttpMicrocache:
    """WSGI middleware around the Django application (see ``cms/wsgi.py``)."""

    def __init__(self, app, routes):
        self.app = app
        self.routes = list(routes)
        self.memory = ResponseMemory()

    def __call__(self, environ, start_response):
        found = self._route(environ)
        if found is None:
            return self.app(environ, start_response)
        route, match = found
        version = route.version(match)
        variant = route.key(match, environ, version) if version is not None else None
        kept = self.memory.get(self._key(route, environ, version, variant)) if variant is not None else None
        if kept is not None:
            status, headers, body = kept
            start_response(status, headers)
            return [body]
        return self._through_app(route, match, environ, start_response)

    def _route(self, environ):
        if environ.get("REQUEST_METHOD") != "GET":
            return None
        path = environ.get("PATH_INFO", "")
        for route in self.routes:
            match = route.path.fullmatch(path)
            if match is not None:
                return route, match
        return None

    @staticmethod
    def _key(route, environ, version, variant):
        return f"{route.name}\n{environ.get('PATH_INFO', '')}\n{version}\n{variant}"

    def _through_app(self, route, match, environ, start_response):
        answer = {}

        def remember_start(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, remember_start)
        status, headers = answer.get("status", ""), answer.get("headers", [])
        if not status.startswith(CACHEABLE_STATUSES):
            return result
        names = {name.lower(): value for name, value in headers}
        if "set-cookie" in names or "etag" not in names:
            return result
        variant = route.key(match, environ, names["etag"])
        if variant is None:
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.memory.set(self._key(route, environ, names["etag"], variant), (status, headers, body), route.seconds)
        return [body]
