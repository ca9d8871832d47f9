"""Model registry of the app: each concept lives in its own package and is re-exported here."""

from .follow_ups.models import FollowUp
from .lifecycle.models import ScheduleChange, SessionProgress
from .live.models import LiveUpdate
from .pages.models import InterviewGuest, InterviewImage, InterviewIndexPage, InterviewPage, InterviewRelatedItem
from .questions.models import Question, QuestionVote
from .transcript.models import TranscriptEntry

__all__ = [
    "FollowUp",
    "InterviewGuest",
    "InterviewImage",
    "InterviewIndexPage",
    "InterviewPage",
    "InterviewRelatedItem",
    "LiveUpdate",
    "Question",
    "QuestionVote",
    "ScheduleChange",
    "SessionProgress",
    "TranscriptEntry",
]
