"""The live feed's polls answered before Django's request cycle, from this moment's responses.

A thousand viewers polling every two seconds ask a worker the same few things hundreds
of times a second. The first asker of each goes through Django as usual; the complete
response (status, headers, body, as the middleware left them) is kept in the worker's
moment cache, under a key naming everything the answer depends on, and repeated to the
next askers until the moment ends or the session changes — what a reverse proxy's
one-second micro-cache would do, for a site served by gunicorn alone.

Only what the view itself marked as shareable is kept: never an error, never a response
that sets a cookie. A session that stops being public is forgotten with its state.
"""

import re

from django.conf import settings
from django.http.cookie import parse_cookie
from django.urls import reverse

from .feed import etag, process_cache
from .updates import state_key

ENVIRON_KEY = "gongkai.live_feed.response_key"


def response_key(interview_id, state, since, not_modified, environ):
    """What a feed response depends on: the session's moment, the request's cursor and language."""
    cookies = environ.get("HTTP_COOKIE")
    language = parse_cookie(cookies).get(settings.LANGUAGE_COOKIE_NAME, "") if cookies else ""
    accept = environ.get("HTTP_ACCEPT_LANGUAGE", "")
    asked = "304" if not_modified else since
    return f"{state_key(interview_id)}:response:{state['cursor']}:{state['status']}:{asked}:{language}:{accept}"


class LiveFeedShortcut:
    """WSGI middleware around the Django application (see ``cms/wsgi.py``)."""

    def __init__(self, app):
        self.app = app
        sample = reverse("online_interview:live_feed", kwargs={"pk": 2147483647})
        before, after = sample.split("2147483647")
        self.path = re.compile(re.escape(before) + r"(\d{1,19})" + re.escape(after))

    def __call__(self, environ, start_response):
        match = self.path.fullmatch(environ.get("PATH_INFO", "")) if environ.get("REQUEST_METHOD") == "GET" else None
        if match is None:
            return self.app(environ, start_response)
        kept = self._kept(int(match[1]), environ)
        if kept is not None:
            status, headers, body = kept
            start_response(status, headers)
            return [body]
        return self._through_django(environ, start_response)

    def _kept(self, interview_id, environ):
        state = process_cache.get(state_key(interview_id))
        if state is None or not state["public"]:
            return None
        since = _since(environ.get("QUERY_STRING", ""))
        if since is None:
            return None
        not_modified = environ.get("HTTP_IF_NONE_MATCH") == etag(interview_id, state)
        return process_cache.get(response_key(interview_id, state, min(since, state["cursor"]), not_modified, environ))

    def _through_django(self, environ, start_response):
        answer = {}

        def remember_start(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, remember_start)
        key = environ.get(ENVIRON_KEY)
        if key is None or not answer["status"].startswith(("200", "304")):
            return result
        if any(name.lower() == "set-cookie" for name, _value in answer["headers"]):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        process_cache.set(key, (answer["status"], answer["headers"], body))
        return [body]


def _since(query):
    """The ``since`` cursor of a plain ``since=<n>`` query (or none); anything else goes to Django."""
    if not query:
        return 0
    name, _, value = query.partition("=")
    if name != "since" or not (value.isascii() and value.isdigit() and len(value) <= 19):
        return None
    return int(value)
