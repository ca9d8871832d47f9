"""The actions a handler can take on a request: which form, which transition, and when it is offered.

Offering is a courtesy (the detail page shows only the forms that can succeed now); the
transition itself checks again, so a stale page or a forged POST gets its refusal, never a
change the law does not allow.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ... import conf
from .. import duplicates, intake, transitions
from ..choices import CLOSED_STATES, OPEN_STATES, EventKind, RequestState
from ..permissions import can_approve_extension, can_handle
from . import forms

S = RequestState
HANDLE, APPROVE = "handle", "approve_extension"


@dataclass(frozen=True)
class DeskAction:
    name: str
    label: Any
    form_class: type
    perform: Any  # perform(request, actor, **cleaned_data)
    states: tuple | None = None  # None: in every state
    who: str = HANDLE
    needs_setting: str = ""
    test: Any = None  # an extra condition on the request
    help_text: Any = ""
    done: Any = None  # done(result) -> (message, [(url, label)]): what the handler is told afterwards

    def offered(self, request, user):
        if self.states is not None and request.state not in self.states:
            return False
        if self.needs_setting and not conf.get(self.needs_setting):
            return False
        if self.test is not None and not self.test(request):
            return False
        return self.allowed(request, user)

    def allowed(self, request, user):
        if self.who == APPROVE:
            return can_approve_extension(user, request)
        return can_handle(user, request)

    def form(self, request, user, data=None):
        return self.form_class(data, disclosure_request=request, user=user, prefix=self.name)


def _supplement_not_requested(request):
    return not request.events.filter(kind=EventKind.SUPPLEMENT_REQUESTED).exists()


def _not_extended(request):
    return not request.extension_working_days


def _extension_proposed(request):
    return bool(request.proposed_extension_working_days)


def _worth_proactive_disclosure(request):
    """Art 44 is worth considering once the information has been decided on, or when it is asked again."""
    return (
        request.state in DECIDED_OR_LATER or request.duplicate_of_id is not None or request.possible_duplicates.exists()
    )


def _draft_created(item):
    return (
        gettext("A draft catalogue item “%(title)s” has been created for proactive disclosure; it goes through review.")
        % {"title": item.title},
        [(reverse("wagtailadmin_pages:edit", args=[item.pk]), gettext("Edit the draft"))],
    )


WORKING = tuple(transitions.WORKING_STATES)
DECIDED_OR_LATER = (S.DECIDED, S.DELIVERED, S.ARCHIVED)
PAUSED_BY_CONSULTATION = (S.CONSULTING_THIRD_PARTY, S.CONSULTING_AGENCY, S.AWAITING_REASONS)
NOT_CLOSED = tuple(state for state in S if state not in CLOSED_STATES)

ACTIONS = [
    DeskAction(
        "confirm_receipt", _("Confirm receipt"), forms.ConfirmReceiptForm, transitions.confirm_receipt, (S.SUBMITTED,)
    ),
    DeskAction(
        "discard",
        _("Discard: not an application"),
        forms.DiscardForm,
        transitions.discard,
        (S.SUBMITTED,),
        help_text=_("Spam, a test or an empty form; it is never counted in the annual report."),
    ),
    DeskAction("assign", _("Assign a handler"), forms.AssignForm, transitions.assign, NOT_CLOSED),
    DeskAction("start", _("Start work"), forms.NoteOnlyForm, transitions.start, (S.RECEIVED,)),
    DeskAction(
        "request_supplement",
        _("Ask for a supplement (补正)"),
        forms.RequestSupplementForm,
        transitions.request_supplement,
        WORKING,
        test=_supplement_not_requested,
        help_text=_("Once only, within 7 working days of receipt (Art 30); the clock restarts on the supplement."),
    ),
    DeskAction(
        "receive_supplement",
        _("Record the supplement"),
        forms.ReceiveSupplementForm,
        transitions.receive_supplement,
        (S.AWAITING_SUPPLEMENT,),
    ),
    DeskAction(
        "consult_third_party",
        _("Consult a third party (Art 32)"),
        forms.ConsultThirdPartyForm,
        transitions.consult_third_party,
        WORKING,
        help_text=_("The time of the consultation is not counted."),
    ),
    DeskAction(
        "consult_agency",
        _("Consult another agency (Art 34)"),
        forms.ConsultAgencyForm,
        transitions.consult_agency,
        WORKING,
        help_text=_("The time of the consultation is not counted."),
    ),
    DeskAction(
        "request_reasons",
        _("Ask the applicant for reasons (Art 35)"),
        forms.RequestReasonsForm,
        transitions.request_reasons,
        WORKING,
    ),
    DeskAction("resume", _("Resume: the answer arrived"), forms.ResumeForm, transitions.resume, PAUSED_BY_CONSULTATION),
    DeskAction(
        "propose_extension",
        _("Propose an extension (Art 33)"),
        forms.ProposeExtensionForm,
        transitions.propose_extension,
        tuple(OPEN_STATES),
        test=_not_extended,
    ),
    DeskAction(
        "approve_extension",
        _("Approve the extension"),
        forms.ApproveExtensionForm,
        transitions.approve_extension,
        tuple(OPEN_STATES),
        who=APPROVE,
        test=_not_extended,
        help_text=_("Once only; the applicant is told."),
    ),
    DeskAction(
        "reject_extension",
        _("Refuse the extension"),
        forms.RejectExtensionForm,
        transitions.reject_extension,
        tuple(OPEN_STATES),
        who=APPROVE,
        test=_extension_proposed,
        help_text=_("The proposal is withdrawn; the handler sees your reason in the history."),
    ),
    DeskAction(
        "notify_fee",
        _("Notify a fee (Art 42)"),
        forms.NotifyFeeForm,
        transitions.notify_fee,
        WORKING,
        needs_setting="REQUEST_FEES_ENABLED",
    ),
    DeskAction(
        "record_payment",
        _("Record the payment"),
        forms.RecordPaymentForm,
        transitions.record_payment,
        (S.AWAITING_FEE,),
        needs_setting="REQUEST_FEES_ENABLED",
    ),
    DeskAction("decide", _("Decide"), forms.DecideForm, transitions.decide, tuple(OPEN_STATES)),
    DeskAction("deliver", _("Record delivery"), forms.DeliverForm, transitions.deliver, (S.DECIDED,)),
    DeskAction("archive", _("Archive"), forms.NoteOnlyForm, transitions.archive, (S.DELIVERED,)),
    DeskAction(
        "transfer",
        _("Transfer to the agency that holds the information"),
        forms.TransferForm,
        intake.transfer,
        tuple(state for state in OPEN_STATES if state != S.AWAITING_SUPPLEMENT),
        help_text=_(
            "Art 36(5): this request is answered 无法提供（本机关不掌握） and reaches the other agency's desk as a new application."
        ),
    ),
    DeskAction(
        "propose_proactive",
        _("Disclose proactively (Art 44)"),
        forms.ProposeProactiveForm,
        duplicates.propose_proactive_disclosure,
        test=_worth_proactive_disclosure,
        help_text=_(
            "Art 44: information that several applicants ask for and that can be disclosed may be disclosed "
            "proactively. This creates a draft catalogue item without the applicant's personal data and sends it "
            "to the agency's review."
        ),
        done=_draft_created,
    ),
    DeskAction("note", _("Add a note"), forms.NoteForm, transitions.note),
]

BY_NAME = {action.name: action for action in ACTIONS}


def offered_actions(request, user):
    return [action for action in ACTIONS if action.offered(request, user)]
