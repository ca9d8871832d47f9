"""What moderators do to a question; each change the public can see is put on the live feed."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..live.models import UpdateKind
from ..live.updates import record_update
from .models import Question, QuestionState, QuestionVote
from .submission import QuestionRefused


def _moderated(question, user, state):
    was_public = question.is_public
    question.state = state
    question.moderated_by = user
    question.moderated_at = timezone.now()
    question.save(update_fields=["state", "public_text", "moderated_by", "moderated_at", "pinned"])
    if was_public or question.is_public:
        record_update(question.interview_id, UpdateKind.QUESTION, question.pk)
    return question


@transaction.atomic
def approve(question, user, text=None):
    """Approve, optionally with the moderator's edit of the text (the original is kept)."""
    if text is not None:
        text = text.strip()
        if not text:
            raise QuestionRefused(_("An approved question cannot be empty."), "text")
        question.public_text = "" if text == question.text else text
    state = QuestionState.ANSWERED if question.state == QuestionState.ANSWERED else QuestionState.APPROVED
    return _moderated(question, user, state)


@transaction.atomic
def reject(question, user):
    """Rejected silently: the asker is not told, the public never sees it."""
    question.pinned = False
    return _moderated(question, user, QuestionState.REJECTED)


@transaction.atomic
def set_pinned(question, user, pinned):
    question.pinned = pinned
    question.save(update_fields=["pinned"])
    if question.is_public:
        record_update(question.interview_id, UpdateKind.QUESTION, question.pk)
    return question


def vote(question, voter, client=""):
    """One vote per visitor — known by its cookie id or by its client key — and question;
    returns the new count (unchanged for a repeated vote)."""
    if not question.is_public or not question.interview.votes_enabled:
        raise QuestionRefused(_("This question cannot be voted for."))
    try:
        with transaction.atomic():
            QuestionVote.objects.create(question=question, voter=voter, client=client)
    except IntegrityError:
        pass  # this visitor has voted already: its cookie or its address is taken (the constraints)
    else:
        Question.objects.filter(pk=question.pk).update(votes=F("votes") + 1)
    return Question.objects.values_list("votes", flat=True).get(pk=question.pk)
