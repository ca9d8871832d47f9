"""Decrypting an applicant's identity number or proof for a handler, and logging every such view.

Only the agency's handlers holding the view-personal-data permission may; a leader reads the
request with the masked number only. Each reveal writes a ``PersonalDataView`` row, so the
agency can answer who saw an applicant's identity and when.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .. import encryption
from ..models import IdentityProof, PersonalDataView
from ..permissions import can_see_personal_data


@dataclass
class ProofFile:
    filename: str
    content_type: str
    content: bytes


def _require(user, request):
    if not can_see_personal_data(user, request):
        raise PermissionDenied(_("You may not see applicants' identity data."))
    if request.personal_data_purged_at:
        raise PermissionDenied(_("The personal data of this request was deleted after the retention period."))


def reveal_id_number(request, user):
    _require(user, request)
    if not request.id_number_token:
        return ""
    number = encryption.decrypt_text(request.id_number_token)
    PersonalDataView.objects.create(request=request, user=user, item=PersonalDataView.Item.ID_NUMBER)
    return number


def open_proof(request, user):
    """The decrypted scan, or None when the applicant sent none."""
    _require(user, request)
    proof = IdentityProof.objects.filter(request=request).first()
    if proof is None:
        return None
    content = encryption.decrypt(proof.token)
    PersonalDataView.objects.create(request=request, user=user, item=PersonalDataView.Item.PROOF)
    return ProofFile(proof.filename, proof.content_type, content)
