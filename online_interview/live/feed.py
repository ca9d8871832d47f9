"""The live page's polling feed: since-id, a shared micro-cache and conditional GET.

Every viewer of a session asks the same few questions every couple of seconds, so the
answers are computed once per ``LIVE_CACHE_SECONDS`` and shared through the cache;
a viewer who is up to date gets a 304 from one cache read.
"""

from django.core.cache import cache

from disclosure.visibility import is_publicly_visible

from .. import conf
from ..pages.interview import InterviewPage
from ..questions.models import Question
from ..status import InterviewStatus
from ..transcript.models import TranscriptEntry
from .public import entry_json, question_json
from .updates import LiveUpdate, UpdateKind, state_key


def live_state(interview_id):
    """{public, cursor, status} of a session, shared by all viewers for a moment."""
    state = cache.get(state_key(interview_id))
    if state is None:
        page = InterviewPage.objects.filter(pk=interview_id).first()
        public = page is not None and is_publicly_visible(page)
        cursor = (
            LiveUpdate.objects.filter(interview_id=interview_id).order_by("-pk").values_list("pk", flat=True).first()
        )
        status = page.status() if public else None
        state = {
            "public": public,
            "cursor": cursor or 0,
            "status": status,
            "status_label": str(InterviewStatus(status).label) if status else "",
        }
        cache.set(state_key(interview_id), state, conf.get("LIVE_CACHE_SECONDS"))
    return state


def etag(interview_id, state):
    return f'"{interview_id}-{state["cursor"]}-{state["status"]}"'


def _changes(interview_id, since):
    updates = list(LiveUpdate.objects.filter(interview_id=interview_id, pk__gt=since).values_list("kind", "object_id"))
    entry_ids = {object_id for kind, object_id in updates if kind == UpdateKind.ENTRY}
    question_ids = {object_id for kind, object_id in updates if kind == UpdateKind.QUESTION}
    entries = TranscriptEntry.objects.filter(interview_id=interview_id, pk__in=entry_ids, released=True)
    questions = {q.pk: q for q in Question.objects.filter(interview_id=interview_id, pk__in=question_ids)}
    return (
        [entry_json(e) for e in entries.select_related("question", "image").order_by("released_at", "pk")],
        [question_json(q) for q in questions.values() if q.is_public],
        sorted(pk for pk, q in questions.items() if not q.is_public),
    )


def feed(interview_id, since, state):
    """What changed after update ``since`` (0: everything), as the live page's JSON."""
    key = f"{state_key(interview_id)}:{since}:{state['cursor']}:{state['status']}"
    body = cache.get(key)
    if body is None:
        entries, questions, withdrawn = _changes(interview_id, since) if since < state["cursor"] else ([], [], [])
        body = {
            "cursor": state["cursor"],
            "status": state["status"],
            "status_label": state["status_label"],
            "entries": entries,
            "questions": questions,
            "withdrawn_questions": withdrawn,
        }
        cache.set(key, body, max(conf.get("LIVE_CACHE_SECONDS"), 1))
    return body
