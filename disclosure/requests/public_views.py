"""The citizen's side of the desk, served under the agency's application page (``RequestFormPage``'s routes).

Thin views over ``intake``, ``public_status`` and ``suggestions``. Every answer here is about one
person's application, so every answer is ``Cache-Control: private, no-store``: no browser history
cache, proxy or CDN keeps it (the site's own micro-cache keeps only the routes declared to it, and
none of these is). The number and 查询码 live in the session only until the receipt shows them; the
status look-up leaves in the session the id of the one request it opened, for an hour.
"""

import datetime
import functools
import time

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from .. import conf
from . import intake, suggestions
from .models import DisclosureRequest
from .public_form import MESSAGES, ApplicationForm, StatusLookupForm
from .public_status import lookup, released_files, sent_notices, status_of

SUBMIT_GROUP = "gongkai-request-submit"
LOOKUP_GROUP = "gongkai-request-lookup"
SUGGEST_GROUP = "gongkai-request-suggest"
#: Suggestions follow typing; generous, but a robot cannot use them to list the catalogue quickly.
SUGGEST_RATE = "120/m"
RECEIPT_SESSION_KEY = "gongkai.requests.receipt"
STATUS_SESSION_KEY = "gongkai.requests.status"
#: How long a successful look-up keeps the status page (and its downloads) open in this browser.
STATUS_SESSION_SECONDS = 3600
NOTICE_FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TEMPLATES = "disclosure/requests/"


def private(view):
    """Nothing about an application may be stored by a shared cache or kept in the browser's cache."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
        return response

    return wrapped


def _render(page, request, template, context=None, status=200):
    response = page.render(request, template=TEMPLATES + template, context_overrides=context or {})
    response.status_code = status
    return response


def _subpage_url(page, request, name, **kwargs):
    return (page.get_url(request) or "") + page.reverse_subpage(name, kwargs=kwargs or None)


# Rate limits ----------------------------------------------------------------------------------------


def _usage(request, group, rate, increment):
    return get_usage(request, group=group, key="ip", rate=rate, increment=increment)


def _too_many(page, request, usage, message):
    """429 with the time the client may try again (users of throttled portals ask for exactly that)."""
    seconds = max(int(usage["time_left"]), 1) if usage else 60
    retry_at = timezone.localtime() + datetime.timedelta(seconds=seconds)
    response = _render(page, request, "too_many.html", {"message": message, "retry_at": retry_at}, status=429)
    response["Retry-After"] = str(seconds)
    return response


# The application form -----------------------------------------------------------------------------------


@private
@require_http_methods(["GET", "HEAD", "POST"])
def application_form(request, page):
    if request.method != "POST":
        return _form_page(page, request, ApplicationForm())
    rate = conf.get("REQUEST_SUBMIT_RATE")
    # Only accepted applications count against the limit: someone correcting typing errors is not
    # throttled; a robot is (the honeypot counts), and the check comes before any work is done.
    usage = _usage(request, SUBMIT_GROUP, rate, increment=False)
    if usage and usage["count"] >= usage["limit"]:  # a peek: one more would go over
        message = _("Too many applications have been sent from your network.")
        return _too_many(page, request, usage, message)
    form = ApplicationForm(request.POST, request.FILES)
    if form.is_bot:
        _usage(request, SUBMIT_GROUP, rate, increment=True)
        return _form_page(page, request, form, error=MESSAGES["rejected"], status=400)
    if not form.is_valid():
        return _form_page(page, request, form, status=400)
    data = form.cleaned_data
    receipt = intake.submit_online(page.agency, data, id_number=data["id_number"], proof=data["id_proof"])
    _usage(request, SUBMIT_GROUP, rate, increment=True)
    request.session[RECEIPT_SESSION_KEY] = {
        "page": page.pk,
        "number": receipt.request.number,
        "query_code": receipt.query_code_display,
    }
    return redirect(_subpage_url(page, request, "receipt"))


def _form_page(page, request, form, error="", status=200):
    file_lost = form.is_bound and bool(request.FILES) and status != 200
    context = {
        "form": form,
        "error": error,
        "file_lost": file_lost,
        "suggest_url": _subpage_url(page, request, "suggest"),
        "status_url": _subpage_url(page, request, "status"),
        "fees_enabled": conf.get("REQUEST_FEES_ENABLED"),
    }
    return _render(page, request, "form_page.html", context, status=status)


@private
@require_safe
def suggest(request, page):
    """JSON: public catalogue items of this agency that may be what the applicant describes."""
    usage = _usage(request, SUGGEST_GROUP, SUGGEST_RATE, increment=True)
    if usage and usage["should_limit"]:
        return JsonResponse({"items": [], "error": _("Too many requests. Please wait a minute.")}, status=429)
    items = suggestions.already_public(page.agency, request.GET.get("q", ""), request.GET.get("reference", ""))
    return JsonResponse(
        {
            "items": [
                {
                    "title": item.title,
                    "url": item.get_url(request),
                    "doc_number": item.doc_number,
                    "index_number": item.index_number or "",
                    "published": f"{timezone.localtime(item.published_at):%Y-%m-%d}" if item.published_at else "",
                }
                for item in items
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )


@private
@require_safe
def receipt(request, page):
    """The number and 查询码, shown once: the session forgets them as they are shown."""
    shown = request.session.pop(RECEIPT_SESSION_KEY, None)
    if shown is not None and shown.get("page") != page.pk:
        request.session[RECEIPT_SESSION_KEY] = shown
        shown = None
    context = {
        "receipt": shown,
        "reply_working_days": conf.get("REQUEST_REPLY_WORKING_DAYS"),
        "status_url": _subpage_url(page, request, "status"),
        "form_url": page.get_url(request),
    }
    return _render(page, request, "receipt.html", context)


# The status page -------------------------------------------------------------------------------------------


def _authorised(request, agency):
    """The request this browser opened with its number and 查询码 (within the hour), if of this agency."""
    held = request.session.get(STATUS_SESSION_KEY)
    if not isinstance(held, dict) or held.get("until", 0) < time.time():
        return None
    return DisclosureRequest.objects.filter(pk=held.get("id"), agency=agency).first()


def _authorise(request, found):
    request.session.cycle_key()  # a new session id for what now opens an application
    request.session[STATUS_SESSION_KEY] = {"id": found.pk, "until": time.time() + STATUS_SESSION_SECONDS}


@private
@require_http_methods(["GET", "HEAD", "POST"])
def status(request, page):
    status_url = _subpage_url(page, request, "status")
    if request.method == "POST" and request.POST.get("action") == "close":
        request.session.pop(STATUS_SESSION_KEY, None)
        return redirect(status_url)
    if request.method == "POST":
        return _look_up(page, request, status_url)
    found = _authorised(request, page.agency)
    if found is None:
        form = StatusLookupForm(initial={"number": request.GET.get("number", "")[:100]})
        return _render(page, request, "status_lookup.html", {"form": form})
    context = {"status": status_of(found), "status_url": status_url}
    return _render(page, request, "status.html", context)


def _look_up(page, request, status_url):
    usage = _usage(request, LOOKUP_GROUP, conf.get("REQUEST_LOOKUP_RATE"), increment=True)
    if usage and usage["should_limit"]:
        return _too_many(page, request, usage, _("Too many look-ups have been made from your network."))
    form = StatusLookupForm(request.POST)
    if form.is_valid():
        found = lookup(page.agency, form.cleaned_data["number"], form.cleaned_data["query_code"])
        if found is not None:
            _authorise(request, found)
            return redirect(status_url)
        # One message whether the number is unknown or the code wrong: a prober learns nothing.
        form.add_error(None, MESSAGES["lookup"])
    return _render(page, request, "status_lookup.html", {"form": form}, status=400)


def _lookup_first(page, request):
    context = {"status_url": _subpage_url(page, request, "status")}
    return _render(page, request, "status_expired.html", context, status=403)


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename.replace("/", "-"))
    return response


@private
@require_safe
def notice_file(request, page, notice_id, file_format):
    """A notice the applicant was sent, as PDF or DOCX; only to the browser that opened the application."""
    found = _authorised(request, page.agency)
    if found is None:
        return _lookup_first(page, request)
    notice = sent_notices(found).filter(pk=notice_id).first()
    if notice is None or file_format not in NOTICE_FORMATS:
        raise Http404
    content = bytes(getattr(notice, file_format) or b"")
    if not content:
        raise Http404
    name = f"{notice.title}{notice.number}.{file_format}"
    return _attachment(content, NOTICE_FORMATS[file_format], name)


@private
@require_safe
def released_file(request, page, file_id):
    """A released file after the decision: the redacted copy whenever anything is withheld, never the original."""
    found = _authorised(request, page.agency)
    if found is None:
        return _lookup_first(page, request)
    file = released_files(found).filter(pk=file_id).first()
    content = file.released_content() if file is not None else None
    if content is None:
        raise Http404
    if file.redactions:
        content_type, name = "application/pdf", f"{file.title}.pdf"
    else:
        content_type, name = file.content_type or "application/octet-stream", file.original_name or file.title
    return _attachment(content, content_type, name)
