"""Identical questions: many citizens ask the same thing, and moderators should meet it once.

Two questions are identical when their texts are equal after the differences nobody means are
dropped: full-width and half-width forms (NFKC), case, spaces and line breaks, punctuation and
invisible marks. "学费 多少？" and "学费多少?" are one question; "学费多少" and "学杂费多少" are two.
The key is stored with each question (``same_text_key``) so the queue is grouped by the database.
"""

import hashlib
import unicodedata
from dataclasses import dataclass

from .models import PUBLIC_STATES, Question, QuestionState

# Unicode categories left out of the comparison: punctuation (P*), separators (Z*: spaces),
# controls and format marks (C*: line breaks, tabs, zero-width joiners, bidi controls).
_IGNORED = ("P", "Z", "C")


def identity_key(text):
    """The same digest for every text a reader would call the same question."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    kept = "".join(char for char in folded if not unicodedata.category(char).startswith(_IGNORED))
    return hashlib.sha256(kept.encode()).hexdigest()


@dataclass
class PendingGroup:
    """Pending questions with one text: moderated as one row, in the order of the first asked."""

    questions: list  # oldest (or pinned) first: the first is the one the public will see
    public_twin: object = None  # an approved or answered question with the same text, if any

    @property
    def first(self):
        return self.questions[0]

    @property
    def count(self):
        return len(self.questions)


def pending_groups(interview):
    """The moderation queue of a session, identical pending questions grouped."""
    pending = interview.questions.filter(state=QuestionState.PENDING).order_by("-pinned", "submitted_at", "pk")
    groups = {}
    for question in pending:
        groups.setdefault(question.same_text_key, PendingGroup([])).questions.append(question)
    if groups:
        public = interview.questions.filter(state__in=PUBLIC_STATES, same_text_key__in=list(groups))
        for question in public.order_by("submitted_at", "pk"):
            groups[question.same_text_key].public_twin = groups[question.same_text_key].public_twin or question
    return list(groups.values())


def pending_twins(question):
    """The pending questions identical to ``question`` (itself included if pending)."""
    return Question.objects.filter(
        interview_id=question.interview_id, state=QuestionState.PENDING, same_text_key=question.same_text_key
    )


def public_twin(question):
    """The question the public already sees with the same text as ``question``, if any."""
    return (
        Question.objects.filter(
            interview_id=question.interview_id, state__in=PUBLIC_STATES, same_text_key=question.same_text_key
        )
        .exclude(pk=question.pk)
        .order_by("submitted_at", "pk")
        .first()
    )
