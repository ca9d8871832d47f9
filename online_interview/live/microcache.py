"""The live feed's polls, declared to the site's HTTP micro-cache (hook ``register_http_microcache``).

A thousand viewers polling every two seconds ask a worker the same few things hundreds
of times a second; the micro-cache (the project's WSGI layer) repeats Django's response
to the next pollers of a moment. This module only says which URL that is and what an
answer depends on, so the app works the same on a site without the micro-cache.
"""

import re

from django.conf import settings
from django.http.cookie import parse_cookie
from django.urls import reverse

from .. import conf
from .feed import etag
from .moment_cache import process_cache
from .updates import state_key


class LiveFeedPolls:
    """``GET /api/interviews/<id>/live/?since=<cursor>``: one answer per version, cursor and language."""

    name = "online_interview.live_feed"

    def __init__(self):
        self.languages = {code for code, _name in settings.LANGUAGES}
        sample = reverse("online_interview:live_feed", kwargs={"pk": 2147483647})
        before, after = sample.split("2147483647")
        self.path = re.compile(re.escape(before) + r"(\d{1,19})" + re.escape(after))
        self.seconds = conf.get("LIVE_CACHE_SECONDS")

    def version(self, match):
        """The feed's ETag for this worker's current moment; None when no public state is at hand."""
        interview_id = int(match[1])
        state = process_cache.get(state_key(interview_id))
        if state is None or not state["public"]:
            return None
        return etag(interview_id, state)

    def key(self, match, environ, version):
        """The poller's cursor (or a 304 when it is up to date) and language; None for any other query.

        Only what changes the answer goes into the key, so that a client cannot fill the
        worker's memory with variants: the language the site will answer in (the cookie, if
        it names a supported language; ``SiteLanguageMiddleware`` ignores Accept-Language),
        and a cursor beyond the session's own answered as the session's own.
        """
        since = _since(environ.get("QUERY_STRING", ""))
        state = process_cache.get(state_key(int(match[1])))
        if since is None or state is None:
            return None
        asked = "304" if environ.get("HTTP_IF_NONE_MATCH") == version else min(since, state["cursor"])
        cookies = environ.get("HTTP_COOKIE")
        chosen = parse_cookie(cookies).get(settings.LANGUAGE_COOKIE_NAME) if cookies else None
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        return f"{asked}:{language}"


def _since(query):
    """The ``since`` cursor of a plain ``since=<n>`` query (or none); anything else goes to Django."""
    if not query:
        return 0
    name, _, value = query.partition("=")
    if name != "since" or not (value.isascii() and value.isdigit() and len(value) <= 19):
        return None
    return int(value)
