"""Appending to a session's change log (``LiveUpdate``) and reading where it stands.

Appending forgets the session's computed feed state at once, here and in the shared
cache, so the next poll sees the change instead of the previous moment's answer.
"""

from django.core.cache import cache

from .models import LiveUpdate
from .moment_cache import process_cache


def state_key(interview_id):
    return f"gongkai:interview:{interview_id}:live-state"


def latest_cursor(interview_id):
    """The id of the session's newest update (0 before the first): where a viewer starts."""
    latest = LiveUpdate.objects.filter(interview_id=interview_id).order_by("-pk").values_list("pk", flat=True)
    return latest.first() or 0


def forget_state(interview_id):
    """Drop the session's computed state and feed bodies here and in the shared cache."""
    cache.delete(state_key(interview_id))
    process_cache.forget(state_key(interview_id))


def record_update(interview_id, kind, object_id=None):
    update = LiveUpdate.objects.create(interview_id=interview_id, kind=kind, object_id=object_id)
    forget_state(interview_id)
    return update
