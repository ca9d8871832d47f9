"""The form a handler fills in for an application received in person, by letter, fax or e-mail (Art 29).

The applicant's fields are the model's own (labels, lengths, choices); the identity number is
checked with ``identity.validate_identity_number`` as on the public form; the channel and date
of receipt decide when the clock starts (Art 31).
"""

import filetype
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from ... import conf
from ...agencies.models import AgencyPage
from .. import identity
from ..choices import ApplicantType, DeliveryChannel, IdentityDocument, IntakeChannel
from ..intake import APPLICANT_FIELDS
from ..models import DisclosureRequest
from ..permissions import HANDLING_ROLES, agencies_for

PROOF_TYPES = ("application/pdf", "image/jpeg", "image/png")
STAFF_CHANNELS = [(value, label) for value, label in IntakeChannel.choices if value != IntakeChannel.ONLINE]

APPLICANT_SECTION = (
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "proof",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
)
REQUEST_SECTION = (
    "description",
    "reference",
    "delivery_form",
    "delivery_channel",
    "fee_waiver_requested",
    "fee_waiver_reason",
    "notify_by_email",
)
RECEIPT_SECTION = ("agency", "channel", "received_on", "note")


class StaffApplicationForm(forms.ModelForm):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=AgencyPage.objects.none())
    channel = forms.ChoiceField(label=_("Received by"), choices=STAFF_CHANNELS)
    received_on = forms.DateField(
        label=_("Date of receipt"),
        widget=AdminDateInput,
        help_text=_("In person: the day it was handed in; by post: the day it was signed for (Art 31)."),
    )
    id_number = forms.CharField(label=_("Identity document number"), max_length=60)
    proof = forms.FileField(
        label=_("Scan of the identity document"),
        required=False,
        help_text=_("PDF, JPEG or PNG; stored encrypted."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = DisclosureRequest
        fields = list(APPLICANT_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "fee_waiver_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = agencies_for(user, HANDLING_ROLES).order_by("title")
        self.fields["agency"].queryset = agencies
        if len(agencies[:2]) == 1:
            self.fields["agency"].initial = agencies[0].pk
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["id_type"].initial = IdentityDocument.RESIDENT_ID
        self.fields["applicant_type"].initial = ApplicantType.PERSON
        if not conf.get("REQUEST_FEES_ENABLED"):
            # Disclosure is free on this site (Art 42 fees off): nothing to reduce or waive.
            del self.fields["fee_waiver_requested"], self.fields["fee_waiver_reason"]

    def sections(self):
        """(id, heading, bound fields) of each part of the form; ids are HTML ids, so they start with a letter."""
        return [
            (section_id, heading, [self[name] for name in names if name in self.fields])
            for section_id, heading, names in (
                ("register-applicant", _("Applicant"), APPLICANT_SECTION),
                ("register-request", _("Information requested"), REQUEST_SECTION),
                ("register-receipt", _("Receipt"), RECEIPT_SECTION),
            )
        ]

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date of receipt cannot be in the future."))
        return received_on

    def clean_proof(self):
        proof = self.cleaned_data.get("proof")
        if not proof:
            return None
        limit = conf.get("REQUEST_ID_PROOF_MAX_BYTES")
        if proof.size > limit:
            raise forms.ValidationError(
                _("The scan is %(size)s; at most %(limit)s is accepted."),
                params={"size": filesizeformat(proof.size), "limit": filesizeformat(limit)},
            )
        kind = filetype.guess(proof.read(2048))
        proof.seek(0)
        if kind is None or kind.mime not in PROOF_TYPES:
            raise forms.ValidationError(_("The scan must be a PDF, JPEG or PNG file."))
        proof.content_type = kind.mime
        return proof

    def clean(self):
        data = super().clean()
        applicant_type, id_type = data.get("applicant_type"), data.get("id_type")
        if applicant_type == ApplicantType.PERSON and id_type == IdentityDocument.CREDIT_CODE:
            self.add_error("id_type", _("A natural person is identified by a personal identity document."))
        if (
            applicant_type
            and applicant_type != ApplicantType.PERSON
            and id_type
            not in (
                IdentityDocument.CREDIT_CODE,
                IdentityDocument.OTHER,
            )
        ):
            self.add_error("id_type", _("An organisation is identified by its unified social credit code."))
        if id_type and data.get("id_number"):
            try:
                data["id_number"] = identity.validate_identity_number(id_type, data["id_number"])
            except forms.ValidationError as error:
                self.add_error("id_number", error)
        if not any(data.get(field) for field in ("phone", "email", "address")):
            self.add_error("phone", _("Give at least one way to reach the applicant: phone, e-mail or address."))
        channel = data.get("delivery_channel")
        if channel == DeliveryChannel.EMAIL and not data.get("email"):
            self.add_error("email", _("Delivery by e-mail needs the applicant's e-mail address."))
        if channel == DeliveryChannel.POST and not data.get("address"):
            self.add_error("address", _("Delivery by post needs the applicant's postal address."))
        if data.get("fee_waiver_requested") and not (data.get("fee_waiver_reason") or "").strip():
            self.add_error("fee_waiver_reason", _("Give the reason for the fee reduction or waiver."))
        return data

    def applicant_data(self):
        return {field: self.cleaned_data[field] for field in APPLICANT_FIELDS if field in self.cleaned_data}
