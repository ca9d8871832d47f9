"""Posting the live text, and the reviewer gate (政策关) that holds guest answers back."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..follow_ups.models import FollowUp
from ..live.models import UpdateKind
from ..live.updates import record_update
from ..public_copies import public_copy_changed
from ..questions.models import QuestionState
from ..status import InterviewStatus
from .models import Speaker, TranscriptEntry


def _speaker_name(interview, speaker, guest):
    if speaker == Speaker.GUEST:
        return guest.name
    return interview.host or str(Speaker.HOST.label)


@transaction.atomic
def post_entry(interview, user, *, speaker, guest=None, text="", image=None, question=None, now=None):
    now = now or timezone.now()
    text = (text or "").strip()
    if not text and image is None:
        raise ValidationError(_("Write some text or add an image."))
    if speaker == Speaker.GUEST and (guest is None or guest.interview_id != interview.pk):
        raise ValidationError(_("Choose which guest is speaking."))
    if question is not None and (question.interview_id != interview.pk or not question.is_public):
        raise ValidationError(_("Only an approved question of this session can be answered."))
    held = speaker == Speaker.GUEST and interview.hold_guest_answers
    entry = TranscriptEntry.objects.create(
        interview=interview,
        speaker=speaker,
        guest=guest if speaker == Speaker.GUEST else None,
        speaker_name=_speaker_name(interview, speaker, guest),
        text=text,
        image=image,
        question=question,
        follow_up=interview.status(now) == InterviewStatus.ENDED,
        released=not held,
        released_at=None if held else now,
        released_by=None if held else user,
        posted_by=user,
    )
    if not held:
        _published(entry, now)
    return entry


@transaction.atomic
def release(entry, user, now=None):
    """A reviewer lets a held guest answer out."""
    if entry.released:
        return entry
    now = now or timezone.now()
    entry.released, entry.released_at, entry.released_by = True, now, user
    entry.save(update_fields=["released", "released_at", "released_by"])
    _published(entry, now)
    return entry


@transaction.atomic
def discard(entry):
    """A held answer the reviewer will not release: it is deleted before anyone saw it."""
    if entry.released:
        raise ValidationError(_("A released entry cannot be discarded."))
    entry.delete()


def _published(entry, now):
    record_update(entry.interview_id, UpdateKind.ENTRY, entry.pk)
    question = entry.question
    if question is not None and question.state != QuestionState.ANSWERED:
        question.state, question.answered_at = QuestionState.ANSWERED, now
        question.save(update_fields=["state", "answered_at"])
        record_update(entry.interview_id, UpdateKind.QUESTION, question.pk)
    if question is not None:
        FollowUp.objects.filter(question=question, done_at__isnull=True).update(done_at=now)
    if entry.interview.status(now) == InterviewStatus.ENDED:
        public_copy_changed(entry.interview_id)
