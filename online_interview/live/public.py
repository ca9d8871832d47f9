"""What citizens may see of a session — the one place every public surface reads it from.

Only approved or answered questions (as moderated, never the private contact) and
released transcript entries leave here.
"""

from django.utils import timezone

from disclosure.api import public_catalogue_items

from ..questions.models import PUBLIC_STATES, QuestionState
from ..status import InterviewStatus
from ..transcript.models import TranscriptEntry
from .updates import latest_cursor


def public_entries(interview):
    return (
        TranscriptEntry.objects.filter(interview=interview, released=True)
        .select_related("question", "image")
        .order_by("released_at", "pk")
    )


def public_questions(interview):
    return interview.questions.filter(state__in=PUBLIC_STATES)


def question_json(question):
    return {
        "id": question.pk,
        "nickname": question.nickname,
        "text": question.shown_text,
        "state": question.state,
        "answered": question.state == QuestionState.ANSWERED,
        "pinned": question.pinned,
        "votes": question.votes,
        "asked_at": timezone.localtime(question.submitted_at).isoformat(timespec="seconds"),
    }


def entry_json(entry):
    return {
        "id": entry.pk,
        "speaker": entry.speaker,
        "speaker_name": entry.speaker_name,
        "text": entry.text,
        "image": entry.image.get_rendition("max-800x600").url if entry.image_id else None,
        "question": question_json(entry.question) if entry.question_id and entry.question.is_public else None,
        "follow_up": entry.follow_up,
        "at": timezone.localtime(entry.released_at).isoformat(timespec="seconds"),
    }


def public_view_of(interview, now=None):
    """Template context for the session page."""
    status = interview.status(now)
    entries = list(public_entries(interview))
    questions = list(public_questions(interview).order_by("-pinned", "-submitted_at"))
    related = list(interview.related_items.select_related("page"))
    shown = public_catalogue_items([item.page_id for item in related])
    visible = set(shown.values_list("pk", flat=True))
    return {
        "cursor": latest_cursor(interview.pk),
        "status": status,
        "is_live": status == InterviewStatus.LIVE,
        "is_ended": status == InterviewStatus.ENDED,
        "is_cancelled": status == InterviewStatus.CANCELLED,  # no live text will come: none is promised
        "final_status": InterviewStatus.CANCELLED,  # the live page stops polling there
        "live_entries": [entry for entry in entries if not entry.follow_up],
        "follow_up_entries": [entry for entry in entries if entry.follow_up],
        # A question turns answered when its answer is released, so approved ones still wait.
        "waiting_questions": [q for q in questions if q.state == QuestionState.APPROVED],
        "answered_questions": [q for q in questions if q.state == QuestionState.ANSWERED],
        "related_items": [item for item in related if item.page_id in visible],
        "schedule_changes": list(interview.schedule_changes.all()),
        "accepts_questions": interview.accepts_questions(now),
    }
