"""The citizen's application form (Art 29) and the status look-up form.

Art 29 asks for the applicant's name, identity proof and contact, a description of the
information and the form of delivery — and, since 2019, no purpose. Each field is checked in its
own ``clean_<field>``; what depends on the applicant's type or the chosen delivery is checked in
``clean``, which also produces the keys ``intake.submit_online`` takes (``applicant_type``,
``id_type`` and the normalised ``id_number``). Every refusal says what to change.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .. import conf
from ..helpers.text import remove_invisible
from . import identity, query_codes
from .choices import ApplicantType, DeliveryChannel, DeliveryForm, IdentityDocument
from .uploads import ACCEPTED_TYPES, check_identity_proof

HONEYPOT_FIELD = "website"
DESCRIPTION_MAX_LENGTH = 5000
DESCRIPTION_MIN_LENGTH = 5

PERSON = "person"
ORGANISATION = "organisation"
APPLICANT_CATEGORIES = [
    (PERSON, _("Natural person (自然人)")),
    (ORGANISATION, _("Legal person or other organisation (法人或其他组织)")),
]
PERSONAL_DOCUMENTS = [(doc.value, doc.label) for doc in IdentityDocument if doc != IdentityDocument.CREDIT_CODE]

_SEPARATORS = re.compile(r"[\s\-()（）—]")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|#|,)(\d{1,6})$", re.IGNORECASE)
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"(?:\+?86)?0\d{9,11}")  # area code with its 0 (3–4 digits) and 7–8 digits
_SERVICE = re.compile(r"[48]00\d{7}")

MESSAGES = {
    "category": _("Say whether you apply as a natural person or as an organisation."),
    "organisation_kind": _("Choose the kind of organisation."),
    "name": _("Enter your name, or the organisation's full name."),
    "id_type": _("Choose the identity document."),
    "legal_representative": _("Enter the name of the legal representative or person in charge."),
    "id_proof": _("Choose a scan or photo of the identity document (JPEG, PNG or PDF)."),
    "phone": _(
        "Enter a mainland mobile number (11 digits, e.g. 13800000000) or a landline number with its area code "
        "(e.g. 0578-1234567)."
    ),
    "postcode": _("A postcode has 6 digits, e.g. 323300."),
    "description": _("Describe the information you are asking for."),
    "description_short": _("Describe the information in a few more words, so that the agency can find it."),
    "address_for_post": _("Enter the postal address the reply is to be sent to."),
    "postcode_for_post": _("Enter the postcode of the postal address."),
    "email_for_delivery": _("Enter the e-mail address the reply is to be sent to."),
    "email_for_notices": _("Enter an e-mail address, or untick “e-mail me when the state changes”."),
    "fee_waiver_reason": _("Give the reason why the fee should be reduced or waived."),
    "rejected": _("Your submission could not be accepted. Please try again."),
    "lookup": _("No application matches this number and query code. Check both and try again."),
    "number": _("Enter the application number."),
    "query_code": _("Enter the query code you received with the number."),
}


def _plain(value):
    """Full-width digits and letters as the ASCII a validator expects; invisible characters removed."""
    return remove_invisible(unicodedata.normalize("NFKC", value or "")).strip()


def _is_phone(value):
    compact = _SEPARATORS.sub("", _plain(value))
    compact = _EXTENSION.sub("", compact)
    return any(pattern.fullmatch(compact) for pattern in (_MOBILE, _LANDLINE, _SERVICE))


class ApplicationForm(forms.Form):
    """One application for government information; ``clean`` returns what ``intake`` stores."""

    required_css_class = "required"
    error_css_class = "has-error"

    category = forms.ChoiceField(
        label=_("You apply as"),
        choices=APPLICANT_CATEGORIES,
        widget=forms.RadioSelect,
        error_messages={"required": MESSAGES["category"], "invalid_choice": MESSAGES["category"]},
    )
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[(kind.value, kind.label) for kind in ApplicantType.organisations()],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": MESSAGES["organisation_kind"]},
    )
    applicant_name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Your name as on the identity document, or the organisation's full name."),
        error_messages={"required": MESSAGES["name"]},
    )
    id_type = forms.ChoiceField(
        label=_("Identity document"),
        choices=PERSONAL_DOCUMENTS,
        required=False,
        initial=IdentityDocument.RESIDENT_ID,
        error_messages={"invalid_choice": MESSAGES["id_type"]},
    )
    id_number = forms.CharField(
        label=_("Identity document number"),
        max_length=40,
        required=False,
        help_text=_("A resident identity card number has 18 characters; the last may be X."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    credit_code = forms.CharField(
        label=_("Unified social credit code (统一社会信用代码)"),
        max_length=30,
        required=False,
        help_text=_("18 characters, as on the business licence or registration certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    legal_representative = forms.CharField(
        label=_("Legal representative or person in charge"), max_length=50, required=False
    )
    contact_person = forms.CharField(label=_("Contact person"), max_length=50, required=False)
    id_proof = forms.FileField(
        label=_("Scan or photo of the identity document"),
        error_messages={"required": MESSAGES["id_proof"], "invalid": MESSAGES["id_proof"]},
        widget=forms.FileInput(
            attrs={"accept": ",".join([*ACCEPTED_TYPES, ".jpg", ".jpeg", ".png", ".pdf"])},
        ),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        error_messages={"required": MESSAGES["phone"]},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), required=False, max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    description = forms.CharField(
        label=_("Information you are asking for"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("Its title, subject, date or the agency's department: whatever helps to find it."),
        error_messages={"required": MESSAGES["description"]},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reference = forms.CharField(
        label=_("Document number or index number (文号/索引号), if you know it"),
        max_length=200,
        required=False,
    )
    delivery_form = forms.ChoiceField(
        label=_("Form of the information"),
        choices=DeliveryForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the form in which you want the information.")},
    )
    delivery_channel = forms.ChoiceField(
        label=_("How you want to obtain it"),
        choices=DeliveryChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to obtain the information.")},
    )
    fee_waiver_requested = forms.BooleanField(label=_("I ask for the fee to be reduced or waived"), required=False)
    fee_waiver_reason = forms.CharField(
        label=_("Reason for reducing or waiving the fee"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notify_by_email = forms.BooleanField(label=_("E-mail me when the state of my application changes"), required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["id_proof"].help_text = _(
            "A JPEG or PNG picture or a PDF file of at most %(limit)s; organisations send the business licence "
            "or registration certificate."
        ) % {"limit": filesizeformat(conf.get("REQUEST_ID_PROOF_MAX_BYTES"))}
        if not conf.get("REQUEST_FEES_ENABLED"):
            # Disclosure is free on this site: nothing to waive (Art 42 fees are switched off).
            del self.fields["fee_waiver_requested"], self.fields["fee_waiver_reason"]

    @property
    def is_bot(self):
        """A robot fills every field, including the one hidden from people (and from screen readers)."""
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean_applicant_name(self):
        name = remove_invisible(self.cleaned_data["applicant_name"]).strip()
        if not name:
            raise ValidationError(MESSAGES["name"], code="required")
        return name

    def clean_id_number(self):
        return _plain(self.cleaned_data["id_number"])

    def clean_credit_code(self):
        return _plain(self.cleaned_data["credit_code"])

    def clean_legal_representative(self):
        return remove_invisible(self.cleaned_data["legal_representative"]).strip()

    def clean_contact_person(self):
        return remove_invisible(self.cleaned_data["contact_person"]).strip()

    def clean_id_proof(self):
        return check_identity_proof(self.cleaned_data["id_proof"])

    def clean_phone(self):
        phone = _plain(self.cleaned_data["phone"])
        if not _is_phone(phone):
            raise ValidationError(MESSAGES["phone"], code="phone")
        return phone

    def clean_address(self):
        return remove_invisible(self.cleaned_data["address"]).strip()

    def clean_postcode(self):
        postcode = _SEPARATORS.sub("", _plain(self.cleaned_data["postcode"]))
        if postcode and not re.fullmatch(r"\d{6}", postcode):
            raise ValidationError(MESSAGES["postcode"], code="postcode")
        return postcode

    def clean_description(self):
        description = remove_invisible(self.cleaned_data["description"]).strip()
        if len(description) < DESCRIPTION_MIN_LENGTH:
            raise ValidationError(MESSAGES["description_short"], code="too_short")
        return description

    def clean_reference(self):
        return _plain(self.cleaned_data["reference"])

    def clean_fee_waiver_reason(self):
        return self.cleaned_data["fee_waiver_reason"].strip()

    def clean(self):
        data = super().clean()
        if data.get("category") == ORGANISATION:
            self._clean_organisation(data)
        elif data.get("category") == PERSON:
            self._clean_person(data)
        self._clean_delivery(data)
        if data.get("fee_waiver_requested") and not data.get("fee_waiver_reason"):
            self.add_error("fee_waiver_reason", ValidationError(MESSAGES["fee_waiver_reason"], code="required"))
        return data

    def _clean_person(self, data):
        data["applicant_type"] = ApplicantType.PERSON
        data["legal_representative"] = data["contact_person"] = ""
        id_type = data.get("id_type")
        if not id_type:
            self.add_error("id_type", ValidationError(MESSAGES["id_type"], code="required"))
            return
        try:
            data["id_number"] = identity.validate_identity_number(id_type, data.get("id_number", ""))
        except ValidationError as error:
            self.add_error("id_number", error)

    def _clean_organisation(self, data):
        kind = data.get("organisation_kind")
        if not kind:
            self.add_error("organisation_kind", ValidationError(MESSAGES["organisation_kind"], code="required"))
        data["applicant_type"] = kind
        data["id_type"] = IdentityDocument.CREDIT_CODE
        try:
            data["id_number"] = identity.validate_identity_number(
                IdentityDocument.CREDIT_CODE, data.get("credit_code", "")
            )
        except ValidationError as error:
            self.add_error("credit_code", error)
        if not data.get("legal_representative") and "legal_representative" not in self.errors:
            self.add_error("legal_representative", ValidationError(MESSAGES["legal_representative"], code="required"))

    def _clean_delivery(self, data):
        channel = data.get("delivery_channel")
        if channel == DeliveryChannel.POST:
            if not data.get("address") and "address" not in self.errors:
                self.add_error("address", ValidationError(MESSAGES["address_for_post"], code="required"))
            if not data.get("postcode") and "postcode" not in self.errors:
                self.add_error("postcode", ValidationError(MESSAGES["postcode_for_post"], code="required"))
        if "email" in self.errors or data.get("email"):
            return
        if channel == DeliveryChannel.EMAIL:
            self.add_error("email", ValidationError(MESSAGES["email_for_delivery"], code="required"))
        elif data.get("notify_by_email"):
            self.add_error("email", ValidationError(MESSAGES["email_for_notices"], code="required"))


class StatusLookupForm(forms.Form):
    """The application number and the 查询码: together, and only together, they open the status page."""

    required_css_class = "required"

    number = forms.CharField(
        label=_("Application number"), max_length=100, error_messages={"required": MESSAGES["number"]}
    )
    query_code = forms.CharField(
        label=_("Query code (查询码)"),
        max_length=40,
        help_text=_("The 12 characters shown with the number when you applied, e.g. ABCD-EFGH-JKMN."),
        error_messages={"required": MESSAGES["query_code"]},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_number(self):
        return "".join(_plain(self.cleaned_data["number"]).split())

    def clean_query_code(self):
        code = query_codes.normalise(_plain(self.cleaned_data["query_code"]))
        if not code:
            raise ValidationError(MESSAGES["query_code"], code="required")
        return code
