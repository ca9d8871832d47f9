"""What moderators do to a question; each change the public can see is put on the live feed.

Identical questions (``identical.py``) share one decision: approving one approves it once and
merges its pending twins into it, rejecting one rejects them all. Two moderators may click two
twins at the same moment, so each decision first locks the whole group of identical questions
and re-reads it: the second decision sees what the first made of the group.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..live.models import UpdateKind
from ..live.updates import record_update
from .identical import pending_twins, public_twin
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


def _lock_identical(question):
    """Lock ``question`` and its identical twins (in pk order, so two moderators never deadlock)
    until the decision is committed, then re-read ``question`` as the last decision left it."""
    twins = Question.objects.select_for_update().filter(
        interview_id=question.interview_id, same_text_key=question.same_text_key
    )
    list(twins.order_by("pk").values_list("pk", flat=True))
    question.refresh_from_db()


def _decide_twins(twins, user, state, **fields):
    """The pending (or merged) twins take the decision made on their question; the public never saw them."""
    twins.update(state=state, pinned=False, moderated_by=user, moderated_at=timezone.now(), **fields)


@transaction.atomic
def approve(question, user, text=None):
    """Approve, optionally with the moderator's edit of the text (the original is kept), together
    with its identical pending twins; returns the question the public will see.

    The twins are merged into it. A question identical to one the public already sees is merged
    into that one instead, edit or not: the public reads each question once.
    """
    if text is not None:
        text = text.strip()
        if not text:
            raise QuestionRefused(_("An approved question cannot be empty."), "text")
    _lock_identical(question)
    shown = None if question.is_public else public_twin(question)
    if shown is None:
        if text is not None:
            question.public_text = "" if text == question.text else text
        state = QuestionState.ANSWERED if question.state == QuestionState.ANSWERED else QuestionState.APPROVED
        shown = _moderated(question, user, state)
    twins = pending_twins(question) | Question.objects.filter(pk=question.pk)
    _decide_twins(twins.exclude(pk=shown.pk), user, QuestionState.MERGED, merged_into=shown)
    if shown.pk != question.pk:
        question.refresh_from_db(fields=["state", "merged_into", "pinned", "moderated_by", "moderated_at"])
    return shown


@transaction.atomic
def reject(question, user):
    """Rejected silently: the asker is not told, the public never sees it; nor any identical
    pending question, nor those merged into it."""
    _lock_identical(question)
    question.pinned = False
    _moderated(question, user, QuestionState.REJECTED)
    _decide_twins(pending_twins(question), user, QuestionState.REJECTED)
    _decide_twins(question.merged_twins.all(), user, QuestionState.REJECTED)
    return question


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
