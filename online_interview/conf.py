"""The app's settings: one namespaced dict, ``GONGKAI_INTERVIEW``, with documented defaults.

Keys:
    PREVIEW_LEAD_DAYS: a preview (预告) must be public at least this many days before the
        start (3); publishing later needs a confirmation and is logged.
    FOLLOW_UP_WORKING_DAYS: approved questions not answered live are answered (补录)
        within this many working days after the end (5).
    QUESTION_MAX_LENGTH / NICKNAME_MAX_LENGTH / CONTACT_MAX_LENGTH: limits of the public form.
    QUESTION_RATE: submissions per client (django-ratelimit rate, e.g. "5/m").
    VOTE_RATE: votes per client.
    POLL_SECONDS: how often the live page asks for news.
    LIVE_CACHE_SECONDS: how long one computed live-feed state is reused; every viewer of a
        session shares it, so a crowd costs one query per period, not one per viewer.
"""

from disclosure.api import AppSettings

DEFAULTS = {
    "PREVIEW_LEAD_DAYS": 3,
    "FOLLOW_UP_WORKING_DAYS": 5,
    "QUESTION_MAX_LENGTH": 500,
    "NICKNAME_MAX_LENGTH": 20,
    "CONTACT_MAX_LENGTH": 100,
    "QUESTION_RATE": "5/m",
    "VOTE_RATE": "30/m",
    "POLL_SECONDS": 2,
    "LIVE_CACHE_SECONDS": 1,
}

get = AppSettings("GONGKAI_INTERVIEW", DEFAULTS).get
