"""Taking a citizen's question: every accepted one gets a receipt, every refused one a reason."""

import re
import uuid
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.api import BIDI_CONTROLS, find_sensitive_words, remove_invisible

from .. import conf
from ..status import InterviewStatus
from .identical import identity_key
from .models import Question
from .storing import insert_once

# Control characters (line breaks and tabs stay) and the bidirectional controls, which would
# make a question or nickname read differently on the page than it was moderated. Zero-width
# characters stay in what is stored (they join emoji) but not in what the word list sees.
_CONTROL = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{BIDI_CONTROLS}]")


class QuestionRefused(Exception):
    """A refusal the asker can act on; ``field`` names the form field at fault (or None)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Receipt:
    number: str
    question_id: int
    repeated: bool  # the same submission arrived before (a retry): nothing new was stored

    @cached_property
    def question(self):
        return Question.objects.get(pk=self.question_id)


def _clean(value):
    return _CONTROL.sub("", value or "").strip()


def _check_length(value, limit, field, label):
    if len(value) > limit:
        raise QuestionRefused(
            _("%(field)s is too long: at most %(limit)d characters, you wrote %(n)d.")
            % {"field": label, "limit": limit, "n": len(value)},
            field,
        )


def submit_question(interview, *, nickname, text, contact="", submission_key=None, now=None):
    """Store a question for moderation, or raise :class:`QuestionRefused` saying why not."""
    now = now or timezone.now()
    if not interview.accepts_questions(now):
        raise QuestionRefused(_("This session is not taking questions any more."))
    nickname, text, contact = _clean(nickname), _clean(text), _clean(contact)
    if not text:
        raise QuestionRefused(_("Please write your question."), "text")
    if not nickname:
        raise QuestionRefused(_("Please give a nickname."), "nickname")
    _check_length(text, conf.get("QUESTION_MAX_LENGTH"), "text", _("The question"))
    _check_length(nickname, conf.get("NICKNAME_MAX_LENGTH"), "nickname", _("The nickname"))
    _check_length(contact, conf.get("CONTACT_MAX_LENGTH"), "contact", _("The contact"))
    words = {finding.match for finding in find_sensitive_words(remove_invisible(f"{nickname}\n{text}"), "question")}
    if words:
        raise QuestionRefused(
            _("Your question contains words that cannot be published (%(words)s). Please rephrase it.")
            % {"words": "、".join(sorted(words))},
            "text",
        )
    try:
        key = uuid.UUID(str(submission_key)) if submission_key else uuid.uuid4()
    except ValueError:
        key = uuid.uuid4()
    question_id, number, repeated = insert_once(
        interview_id=interview.pk,
        submission_key=key,
        nickname=nickname,
        text=text,
        same_text_key=identity_key(text),
        contact=contact,
        asked_live=interview.status(now) == InterviewStatus.LIVE,
        now=now,
    )
    return Receipt(number, question_id, repeated)
