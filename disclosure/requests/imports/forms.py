"""Each row of a request-history file is validated by a Django form, as an application typed at the desk would be.

``RequestRowForm`` has a field per column (``columns.COLUMNS``); ``clean_<column>`` applies the
column's own rule, ``clean`` the rules that read several columns — above all the ones that make
上年结转 right: a row without an outcome is a request still open; a row with one was decided on
its 答复日期; and when the register says whether the request was carried over into the next
year (转入下年), that must agree with the dates.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...catalogue.imports.forms import DateCell, TextCell
from ...catalogue.imports.rows import form_row_errors
from .. import identity
from ..choices import ApplicantType, DeliveryChannel, DeliveryForm, IdentityDocument, IntakeChannel, Outcome
from .columns import NO, OPEN_WORDS, YES, key


@dataclass
class RequestValues:
    """A valid row: what the importer writes."""

    row: int
    agency: object
    number: str
    fields: dict  # DisclosureRequest fields taken as they are
    id_number: str
    received_on: object
    outcome: str
    decided_on: object
    archived_on: object


TOO_LONG = gettext_lazy("The text is longer than %(limit_value)d characters (it has %(show_value)d).")


def _limited(length):
    return TextCell(required=False, max_length=length, error_messages={"max_length": TOO_LONG})


class RequestRowForm(forms.Form):
    """One row of a history file. Fields are declared in the order errors are reported."""

    agency_code = TextCell(required=False)
    number = _limited(100)
    applicant_type = TextCell(error_messages={"required": gettext_lazy("The applicant type is required.")})
    applicant_name = TextCell(
        max_length=100,
        error_messages={
            "required": gettext_lazy("The applicant's name is required."),
            "max_length": gettext_lazy("The applicant's name is longer than 100 characters."),
        },
    )
    id_type = TextCell(required=False)
    id_number = TextCell(required=False)
    legal_representative = _limited(50)
    contact_person = _limited(50)
    phone = _limited(30)
    email = _limited(254)
    address = _limited(200)
    postcode = TextCell(required=False)
    received_on = DateCell()
    channel = TextCell(required=False)
    description = TextCell(error_messages={"required": gettext_lazy("The description of the request is required.")})
    reference = _limited(200)
    delivery_form = TextCell(required=False)
    delivery_channel = TextCell(required=False)
    outcome = TextCell(required=False)
    legal_basis = TextCell(required=False)
    decided_on = DateCell(required=False)
    archived_on = DateCell(required=False)
    carried_over = TextCell(required=False)

    def __init__(self, data, *, lookups):
        super().__init__(data)
        self.lookups = lookups

    def clean_agency_code(self):
        """The row's agency: by 组织机构代码, or the one the import was run for."""
        code = self.cleaned_data["agency_code"].upper()
        default = self.lookups.default_agency
        agency = self.lookups.agencies.get(code) if code else default
        if agency is None and code:
            raise ValidationError(_("No agency has the organisation code “%(code)s”.") % {"code": code})
        if agency is None:
            raise ValidationError(_("Give the agency's organisation code, or run the import with --agency."))
        if default is not None and agency.pk != default.pk:
            raise ValidationError(_("This row belongs to another agency than the one given with --agency."))
        return agency

    def _choice(self, column, aliases, accepted, default=None):
        text = self.cleaned_data[column]
        if not text and default is not None:
            return default
        value = aliases.get(key(text))
        if value is None:
            raise ValidationError(
                _("“%(value)s” is not one of: %(accepted)s.") % {"value": text, "accepted": "、".join(accepted)}
            )
        return value

    def clean_applicant_type(self):
        return self._choice(
            "applicant_type",
            self.lookups.applicant_types,
            ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        )

    def clean_id_type(self):
        return self._choice(
            "id_type",
            self.lookups.id_types,
            ["居民身份证", "护照", "港澳通行证", "台胞证", "统一社会信用代码", "其他"],
            "",
        )

    def clean_channel(self):
        return self._choice(
            "channel",
            self.lookups.channels,
            ["当面", "网络", "信函", "传真", "电子邮件", "其他"],
            IntakeChannel.OTHER,
        )

    def clean_delivery_form(self):
        return self._choice("delivery_form", self.lookups.delivery_forms, ["纸质", "电子", "查阅"], DeliveryForm.PAPER)

    def clean_delivery_channel(self):
        return self._choice(
            "delivery_channel",
            self.lookups.delivery_channels,
            ["邮寄", "电子邮件", "自行领取", "网站下载"],
            DeliveryChannel.POST,
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(_("“%(value)s” is not an e-mail address.") % {"value": email}) from None
        return email

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        if postcode and not (len(postcode) == 6 and postcode.isdigit()):
            raise ValidationError(_("A postcode has six digits."))
        return postcode

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError(_("The date of receipt cannot be in the future."))
        return received_on

    def clean_outcome(self):
        """An outcome of report table 三, or empty (or 办理中) for a request still open."""
        text = self.cleaned_data["outcome"]
        if not text or key(text) in OPEN_WORDS:
            return ""
        outcome = self.lookups.outcomes.get(key(text))
        if outcome is None:
            raise ValidationError(
                _(
                    "“%(value)s” is not an outcome of the annual report. Write one of the 21 rows, e.g. 予以公开, "
                    "部分公开, 不予公开-国家秘密 or （三）1, 无法提供-本机关不掌握相关政府信息, 不予处理-重复申请, "
                    "其他处理-其他; or leave it empty (or 办理中) for a request still being handled."
                )
                % {"value": text}
            )
        return Outcome(outcome)

    def clean_carried_over(self):
        text = key(self.cleaned_data["carried_over"])
        if not text:
            return None
        if text in YES:
            return True
        if text in NO:
            return False
        raise ValidationError(_("Write 是 or 否."))

    def clean(self):
        data = super().clean()
        self._clean_identity(data)
        self._clean_dates(data)
        return data

    def _clean_identity(self, data):
        number, kind = data.get("id_number", ""), data.get("id_type")
        if not number:
            return
        if not kind and data.get("applicant_type"):
            kind = data["id_type"] = (
                IdentityDocument.RESIDENT_ID
                if data["applicant_type"] == ApplicantType.PERSON
                else IdentityDocument.CREDIT_CODE
            )
        if kind:
            try:
                data["id_number"] = identity.validate_identity_number(kind, number)
            except ValidationError as error:
                self.add_error("id_number", error)

    def _clean_dates(self, data):
        received, decided, archived = data.get("received_on"), data.get("decided_on"), data.get("archived_on")
        outcome, carried = data.get("outcome"), data.get("carried_over")
        if "outcome" not in data:
            return
        if outcome and decided is None and "decided_on" in data:
            self.add_error("decided_on", _("A request with an outcome needs the date of the reply (答复日期)."))
        if not outcome and decided:
            self.add_error("outcome", _("The row has a date of reply but no outcome (办理结果)."))
        if archived and not outcome:
            self.add_error("archived_on", _("Only a decided request can be archived."))
        if received and decided:
            if decided < received:
                self.add_error("decided_on", _("The reply cannot be dated before the receipt."))
            if decided > timezone.localdate():
                self.add_error("decided_on", _("The date of reply cannot be in the future."))
        if decided and archived and archived < decided:
            self.add_error("archived_on", _("A request cannot be archived before it was decided."))
        if received is None or carried is None:
            return
        if outcome and decided:
            if carried and decided.year == received.year:
                self.add_error(
                    "carried_over",
                    _("Carried over into the next year, but decided in the year of receipt (%(year)d).")
                    % {"year": received.year},
                )
            if not carried and decided.year > received.year:
                self.add_error(
                    "carried_over",
                    _("Not carried over, but decided only in %(year)d, after the year of receipt.")
                    % {"year": decided.year},
                )
        elif not outcome and not carried and received.year < timezone.localdate().year:
            self.add_error(
                "carried_over",
                _("Not carried over into %(year)d, but the row has no outcome: give the outcome and date of reply.")
                % {"year": received.year + 1},
            )

    def row_errors(self, number):
        return form_row_errors(self, number)

    def values(self, number):
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "applicant_type",
                "applicant_name",
                "legal_representative",
                "contact_person",
                "phone",
                "email",
                "address",
                "postcode",
                "channel",
                "description",
                "reference",
                "delivery_form",
                "delivery_channel",
                "legal_basis",
            )
        }
        fields["id_type"] = data["id_type"] or (
            IdentityDocument.RESIDENT_ID if data["applicant_type"] == ApplicantType.PERSON else IdentityDocument.OTHER
        )
        return RequestValues(
            row=number,
            agency=data["agency_code"],
            number=data["number"],
            fields=fields,
            id_number=data["id_number"],
            received_on=data["received_on"],
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            archived_on=data["archived_on"],
        )
