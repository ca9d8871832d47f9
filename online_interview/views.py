"""Citizens' endpoints: the live feed, asking a question, voting. No login, no admin data."""

import uuid

from django.core import signing
from django.http import Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.core import is_ratelimited

from disclosure.api import client_key

from . import conf
from .live.feed import PublicSession, etag, feed, live_state
from .questions.models import PUBLIC_STATES, Question
from .questions.moderation import vote
from .questions.submission import QuestionRefused, submit_question

VISITOR_COOKIE = "gk_visitor"
HONEYPOT_FIELD = "website"


def _public_session(pk):
    """The session if the public may see it, read from the feed's shared state (no query)."""
    state = live_state(pk)
    if not state["public"]:
        raise Http404
    return PublicSession(pk, state)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_safe
def live_feed(request, pk):
    state = live_state(pk)
    if not state["public"]:
        raise Http404
    tag = etag(pk, state)
    try:
        since = max(int(request.GET.get("since", "0")), 0)
    except ValueError:
        return JsonResponse({"error": _("“since” must be a whole number.")}, status=400)
    since = min(since, state["cursor"])
    not_modified = request.headers.get("If-None-Match") == tag
    if not_modified:
        response = HttpResponseNotModified(headers={"ETag": tag})
    else:
        response = JsonResponse(feed(pk, since, state), json_dumps_params={"ensure_ascii": False})
        response["ETag"] = tag
        response["Cache-Control"] = "no-cache"
    return response


def _refused(request, session, message, field=None, status=400, values=None):
    if _wants_json(request):
        return JsonResponse(
            {"error": message, "field": field}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    context = {"page": session.page(), "error": message, "field": field, "values": values or {}}
    return render(request, "online_interview/question_result.html", context, status=status)


@require_POST
def ask(request, pk):
    """Take a question: 201 with a receipt, or 4xx with the reason; the text is never lost."""
    session = _public_session(pk)
    values = {name: request.POST.get(name, "") for name in ("nickname", "text", "contact")}
    if request.POST.get(HONEYPOT_FIELD):
        return _refused(request, session, _("Your submission could not be accepted. Please try again."), values=values)
    limited = is_ratelimited(
        request, group="gongkai-interview-question", key="ip", rate=conf.get("QUESTION_RATE"), increment=True
    )
    if limited:
        message = _("You are sending questions too quickly. Please wait a minute and try again.")
        return _refused(request, session, message, status=429, values=values)
    try:
        receipt = submit_question(
            session,
            submission_key=request.POST.get("submission_key"),
            **values,
        )
    except QuestionRefused as refusal:
        return _refused(request, session, refusal.message, refusal.field, values=values)
    message = _(
        "Your question has been received (receipt number %(receipt)s). It will appear once a moderator has approved it."
    ) % {"receipt": receipt.number}
    if _wants_json(request):
        return JsonResponse(
            {"receipt": receipt.number, "message": message, "repeated": receipt.repeated},
            status=200 if receipt.repeated else 201,
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"page": session.page(), "message": message}
    return render(request, "online_interview/question_result.html", context, status=201)


def _visitor(request):
    try:
        return signing.get_cookie_signer(salt=VISITOR_COOKIE).unsign(request.COOKIES.get(VISITOR_COOKIE, "")), False
    except signing.BadSignature:
        return uuid.uuid4().hex, True


@require_POST
def vote_for(request, pk, question_pk):
    session = _public_session(pk)
    # A question the public may not see is not found, exactly as one that does not exist:
    # answering otherwise would tell a prober which ids are pending or rejected.
    question = get_object_or_404(
        Question.objects.select_related("interview"), pk=question_pk, interview_id=session.pk, state__in=PUBLIC_STATES
    )
    if is_ratelimited(request, group="gongkai-interview-vote", key="ip", rate=conf.get("VOTE_RATE"), increment=True):
        return JsonResponse({"error": _("Too many votes from your network. Please wait a minute.")}, status=429)
    voter, new_visitor = _visitor(request)
    try:
        votes = vote(question, voter, client_key(request, "interview-vote"))
    except QuestionRefused as refusal:
        return JsonResponse({"error": refusal.message}, status=400, json_dumps_params={"ensure_ascii": False})
    response = JsonResponse({"votes": votes})
    if new_visitor:
        signed = signing.get_cookie_signer(salt=VISITOR_COOKIE).sign(voter)
        response.set_cookie(
            VISITOR_COOKIE, signed, max_age=365 * 86400, httponly=True, samesite="Lax", secure=request.is_secure()
        )
    return response
