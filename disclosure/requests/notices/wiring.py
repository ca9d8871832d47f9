"""The desk issues its notices as it moves: each transition that the applicant (or a consulted party)
must be told of produces its 告知书 in the same transaction, so a transition never happens without
its notice and a notice never exists for a transition that was rolled back.

Notices to the applicant are marked sent as they are issued: the transition *is* the agency's act
of notifying (the 补正 or the extension is decided and told in one step), the applicant sees and
downloads them on the status page at once, and the e-mail listener tells them. The handler still
posts or hands over the paper copy where the delivery form asks for it. Notices to a third party
or another agency (征求意见书) stay unsent until the handler sends them: they leave the agency by
post or official letter outside the platform, and ``sent_at`` records when that happened.

Requests handled before the platform (``import_requests``) had their notices on paper: the import
runs inside ``notices_suspended()`` so that no new, newly numbered notice is made for them.

Connected from ``DisclosureConfig.ready``.
"""

import contextlib
import threading

from django.dispatch import receiver

from ..choices import EventKind, NoticeKind, RequestState
from ..models import DisclosureRequest
from ..signals import request_transitioned
from .issuing import issue_notice

_suspension = threading.local()


@contextlib.contextmanager
def notices_suspended():
    """Transitions inside this block (in this thread) issue no notice."""
    before = getattr(_suspension, "active", False)
    _suspension.active = True
    try:
        yield
    finally:
        _suspension.active = before


def notice_for(event, request):
    """(kind, extra context) of the notice an event calls for, or None."""
    data = event.data or {}
    if event.kind in (EventKind.RECEIVED, EventKind.REGISTERED):
        return NoticeKind.RECEIPT, {}
    if event.kind == EventKind.SUPPLEMENT_REQUESTED:
        return NoticeKind.SUPPLEMENT, {"what": data.get("what", ""), "applicant_due": data.get("applicant_due")}
    if event.kind == EventKind.REASONS_REQUESTED:
        return NoticeKind.REASONS, {"what": data.get("what") or event.note}
    if event.kind == EventKind.EXTENDED:
        return NoticeKind.EXTENSION, {"extension_days": data.get("days"), "new_due_date": data.get("due")}
    if event.kind == EventKind.PAUSED and event.state_after in (
        RequestState.CONSULTING_THIRD_PARTY,
        RequestState.CONSULTING_AGENCY,
    ):
        kind = NoticeKind.THIRD_PARTY if event.state_after == RequestState.CONSULTING_THIRD_PARTY else NoticeKind.AGENCY
        return kind, {
            "party": data.get("party", ""),
            "consultation_started_on": data.get("started_on"),
            "party_reply_due": data.get("reply_due"),
        }
    if event.kind == EventKind.FEE_NOTIFIED:
        return NoticeKind.FEE, {"fee_explanation": data.get("fee_explanation", "")}
    if event.kind == EventKind.DECIDED and request.outcome:
        return NoticeKind.reply_for(request.outcome), {}
    return None


@receiver(request_transitioned, sender=DisclosureRequest, dispatch_uid="disclosure.requests.notices")
def issue_notice_for_transition(sender, request, event, **kwargs):
    if getattr(_suspension, "active", False):
        return
    wanted = notice_for(event, request)
    if wanted is None:
        return
    kind, extra = wanted
    issue_notice(
        request,
        kind,
        event.actor,
        {key: value for key, value in extra.items() if value not in (None, "")},
        sent=kind not in (NoticeKind.THIRD_PARTY, NoticeKind.AGENCY),
    )
