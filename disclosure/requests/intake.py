"""How an application enters the desk: online through the agency's form, or registered by staff
(in person, letter, fax, e-mail — Art 29's oral applications transcribed), or transferred from
another agency on the platform (Art 36(五)).

Personal data is encrypted here, once; the number and the 查询码 are issued here, once.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import clock, encryption, identity, query_codes
from .choices import EventKind, IntakeChannel, Outcome, RequestState
from .models import DisclosureRequest, IdentityProof, RequestEvent
from .numbers import allocate_application_number
from .permissions import require_handler
from .signals import request_transitioned
from .transitions import TransitionRefused, decide

#: The applicant's fields copied from a form's cleaned data (everything else is set here).
APPLICANT_FIELDS = (
    "applicant_type",
    "applicant_name",
    "id_type",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "reference",
    "delivery_form",
    "delivery_channel",
    "fee_waiver_requested",
    "fee_waiver_reason",
    "notify_by_email",
)


@dataclass
class Receipt:
    request: DisclosureRequest
    query_code: str  # shown once, never stored in the clear

    @property
    def query_code_display(self):
        return query_codes.display(self.query_code)


def _build(agency, data, id_number):
    request = DisclosureRequest(agency=agency, **{field: data.get(field, "") for field in APPLICANT_FIELDS})
    for flag in ("fee_waiver_requested", "notify_by_email"):
        setattr(request, flag, bool(data.get(flag)))
    if id_number:
        request.id_number_token = encryption.encrypt(id_number)
        request.id_number_masked = identity.mask(id_number)
        request.applicant_fingerprint = encryption.fingerprint(f"{request.id_type}:{id_number}", "applicant")
    return request


def _store_proof(request, proof):
    if proof is None:
        return
    content = proof.read()
    IdentityProof.objects.create(
        request=request,
        token=encryption.encrypt(content),
        filename=proof.name[-200:],
        content_type=getattr(proof, "content_type", "") or "application/octet-stream",
        size=len(content),
    )


def _issue(request, kind, actor, note="", **data):
    code = query_codes.new_query_code()
    request.number = allocate_application_number(request.agency)
    request.query_code_digest = query_codes.digest(code)
    request.save()
    event = RequestEvent.objects.create(
        request=request, kind=kind, state_after=request.state, actor=actor, note=note, data=data
    )
    request_transitioned.send(sender=DisclosureRequest, request=request, event=event)
    return Receipt(request, code)


@transaction.atomic
def submit_online(agency, data, *, id_number="", proof=None):
    """A citizen's online application: numbered at once, its receipt still to be confirmed (Art 31)."""
    request = _build(agency, data, id_number)
    request.channel = IntakeChannel.ONLINE
    request.state = RequestState.SUBMITTED
    receipt = _issue(request, EventKind.SUBMITTED, None)
    _store_proof(receipt.request, proof)
    return receipt


@transaction.atomic
def register(agency, actor, data, *, channel, received_on, id_number="", proof=None, note=""):
    """An application received in person, by letter, fax or e-mail: its receipt date is the channel's (Art 31)."""
    probe = DisclosureRequest(agency=agency)
    require_handler(actor, probe)
    if channel not in IntakeChannel.values:
        raise TransitionRefused(_("Choose how the application arrived."), "channel")
    if received_on > timezone.localdate():
        raise TransitionRefused(_("The date of receipt cannot be in the future."), "received_on")
    request = _build(agency, data, id_number)
    request.channel = channel
    request.state = RequestState.RECEIVED
    request.received_on = received_on
    request.clock_start = received_on
    request.handler = actor
    receipt = _issue(request, EventKind.REGISTERED, actor, note, channel=channel, received_on=str(received_on))
    _store_proof(receipt.request, proof)
    clock.refresh(receipt.request)
    return receipt


@transaction.atomic
def transfer(request, actor, *, to_agency, note=""):
    """Art 36(五): the information is another agency's; the applicant is told (无法提供：本机关不掌握)
    and, where that agency is on the platform, the application reaches its desk as a new submission."""
    require_handler(actor, request)
    if to_agency.pk == request.agency_id:
        raise TransitionRefused(_("Choose another agency."), "to_agency")
    basis = _("Article 36(5): the information is held by %(agency)s.") % {"agency": to_agency.title}
    decide(request, actor, outcome=Outcome.NOT_HELD, legal_basis=basis, note=note)
    copy = DisclosureRequest.objects.get(pk=request.pk)
    copy.pk = None
    copy.number = ""
    copy.agency = to_agency
    copy.transferred_from = request
    copy.handler = None
    for field in ("received_on", "clock_start", "due_date", "decided_on", "applicant_due", "extension_approved_by"):
        setattr(copy, field, None)
    copy.outcome = copy.legal_basis = copy.already_public_at = copy.due_explanation = copy.clock_problem = ""
    copy.extension_working_days = copy.proposed_extension_working_days = copy.paused_working_days = 0
    copy.extension_reason = ""
    copy.state = RequestState.SUBMITTED
    receipt = _issue(copy, EventKind.TRANSFERRED, actor, note, from_number=request.number)
    # The applicant follows the new application with the 查询码 they already hold.
    copy.query_code_digest = request.query_code_digest
    copy.save(update_fields=["query_code_digest"])
    proof = IdentityProof.objects.filter(request=request).first()
    if proof is not None:
        IdentityProof.objects.create(
            request=copy,
            token=bytes(proof.token),
            filename=proof.filename,
            content_type=proof.content_type,
            size=proof.size,
        )
    RequestEvent.objects.create(
        request=request,
        kind=EventKind.TRANSFERRED,
        state_before=request.state,
        state_after=request.state,
        actor=actor,
        note=note,
        data={"to_number": copy.number, "to_agency": to_agency.title},
    )
    return receipt
