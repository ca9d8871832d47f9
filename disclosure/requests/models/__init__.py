"""The request desk's models, one concept per module (re-exported for ``disclosure.models``).

The page type ``RequestFormPage`` is imported from ``.pages`` directly (see there why).
"""

from .appeals import AppealCase
from .applications import DisclosureRequest, IdentityProof, PersonalDataView, RequestNumberSequence
from .events import ClockPause, RequestEvent
from .notices import Notice, NoticeTemplate
from .released_files import ReleasedFile

__all__ = [
    "AppealCase",
    "ClockPause",
    "DisclosureRequest",
    "IdentityProof",
    "Notice",
    "NoticeTemplate",
    "PersonalDataView",
    "ReleasedFile",
    "RequestEvent",
    "RequestNumberSequence",
]
