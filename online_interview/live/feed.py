"""The live page's polling feed: since-id, a micro-cache and conditional GET.

Every viewer of a session asks the same few questions every couple of seconds, so the
answers are computed once per ``LIVE_CACHE_SECONDS`` and kept in the shared cache and,
for that moment, in the worker process itself (``MomentCache``: one thread computes, the
others do not queue behind it): a viewer who is up to date gets a 304 without a database
query or a cache round trip.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from disclosure.api import is_publicly_visible

from .. import conf
from ..pages.models import InterviewPage
from ..questions.models import Question
from ..status import InterviewStatus, accepts_questions, status_at
from ..transcript.models import TranscriptEntry
from .models import LiveUpdate, UpdateKind
from .moment_cache import process_cache
from .public import entry_json, question_json
from .updates import latest_cursor, state_key


def live_state(interview_id):
    """{public, schedule, cursor, status} of a session, shared by all viewers for a moment."""
    return process_cache.get_or_compute(state_key(interview_id), lambda: _shared_state(interview_id))


def _shared_state(interview_id):
    state = cache.get(state_key(interview_id))
    if state is None:
        page = InterviewPage.objects.filter(pk=interview_id).first()
        public = page is not None and is_publicly_visible(page)
        status = page.status() if public else None
        state = {
            "public": public,
            "schedule": (page.start_at, page.end_at, page.cancelled, page.votes_enabled) if public else None,
            "cursor": latest_cursor(interview_id),
            "status": status,
        }
        cache.set(state_key(interview_id), state, conf.get("LIVE_CACHE_SECONDS"))
    return state


class PublicSession:
    """What taking a question or a vote needs to know of a public session, from the shared state."""

    def __init__(self, pk, state):
        self.pk = pk
        self.start_at, self.end_at, self.cancelled, self.votes_enabled = state["schedule"]

    def status(self, now=None):
        return status_at(self, now)

    def accepts_questions(self, now=None):
        return accepts_questions(self, now)

    def page(self):
        return InterviewPage.objects.get(pk=self.pk)


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
    # Labels in the body are translated: one body per language.
    key = f"{state_key(interview_id)}:{since}:{state['cursor']}:{state['status']}:{get_language()}"
    return process_cache.get_or_compute(key, lambda: _shared_body(key, interview_id, since, state))


def _shared_body(key, interview_id, since, state):
    body = cache.get(key)
    if body is None:
        entries, questions, withdrawn = _changes(interview_id, since) if since < state["cursor"] else ([], [], [])
        body = {
            "cursor": state["cursor"],
            "status": state["status"],
            "status_label": str(InterviewStatus(state["status"]).label),
            "entries": entries,
            "questions": questions,
            "withdrawn_questions": withdrawn,
        }
        cache.set(key, body, max(conf.get("LIVE_CACHE_SECONDS"), 1))
    return body
