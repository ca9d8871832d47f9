"""What every answer of the API shares: the per-client limit, conditional GET, and errors as Chinese JSON.

The limit is django-ratelimit's, counted in the shared cache per client address like the
site's other public forms and APIs. The ETag is a digest of the answer itself, so it changes
whenever anything in it does — an item published, withdrawn, held, renamed, or a hidden one
made public — and never otherwise. ``Last-Modified`` is the newest publication among the
items answered, or the last change of what the public may see in the agencies concerned,
whichever is later, so a withdrawal moves it forward even though no item was published.
"""

import datetime
import functools
import hashlib
import json

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from .. import conf
from ..catalogue import stats
from ..visibility import branches_generation

RATE_GROUP = "gongkai-catalogue-api"
SAFE_METHODS = ("GET", "HEAD")


def json_response(data, status=200):
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8"
    )


def error_response(status, message, fields=None):
    return json_response({"error": message, "fields": fields or {}}, status=status)


def too_many(request):
    """A 429 saying when to try again, or None while the client is within its limit."""
    usage = get_usage(request, group=RATE_GROUP, key="ip", rate=conf.get("CATALOGUE_API_RATE"), increment=True)
    if not usage or not usage["should_limit"]:
        return None
    seconds = max(int(usage["time_left"]), 1)
    message = ngettext(
        "Too many requests from your address. Please try again in %(seconds)d second.",
        "Too many requests from your address. Please try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}
    response = error_response(429, message)
    response["Retry-After"] = str(seconds)
    return response


def last_modified(newest_publication, agency_ids):
    """``Last-Modified`` of an answer about these agencies' items (see the module's docstring)."""
    changes = [*stats.versions(agency_ids).values(), branches_generation()]
    changed = datetime.datetime.fromtimestamp(max(changes) / 1e9, tz=datetime.UTC)
    return max(changed, newest_publication) if newest_publication else changed


def set_last_modified(response, moment):
    response["Last-Modified"] = http_date(moment.timestamp())


def _conditional(request, response):
    """An ETag from the body; a 304 instead of the body when the client already holds it."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
    response["ETag"] = etag
    # Any cache may keep the answer but must ask again each time (a withdrawal is immediate).
    patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])  # the language of the labels is chosen by cookie
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


def api_answer(view):
    """The limit first, then the view; a successful answer gets its ETag and may become a 304."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        refused = too_many(request)
        if refused is not None:
            return refused
        response = view(request, *args, **kwargs)
        return _conditional(request, response) if response.status_code == 200 else response

    return wrapped


def safe_methods_only(view):
    """GET and HEAD only, refused in Chinese JSON (django-ninja would answer in English plain text)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = error_response(405, _("This API only answers GET and HEAD requests."))
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        if request.method == "GET":
            return view(request, *args, **kwargs)
        request.method = "GET"  # HEAD: the same answer, whose body the server leaves out
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapped


def not_found(request, *args, **kwargs):
    return error_response(404, _("The catalogue API has no such address."))
