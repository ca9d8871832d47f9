"""The desk's action forms, one per transition. Each field is named as the keyword argument of the
transition it feeds (``transitions.decide(request, actor, outcome=…, legal_basis=…)``), so the
view passes ``cleaned_data`` on unchanged and the transition stays the one place that decides
what is allowed; a form only checks what a form can (types, ranges, required fields)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from ... import conf
from ...agencies.models import AgencyGroup, AgencyPage
from ...calendar.working_days import CalendarNotCovered, add_working_days
from ...catalogue.models import CatalogueItemPage
from .. import fees
from ..choices import DeliveryChannel, DeliveryMethod, Outcome, OutcomeGroup
from ..fees import FeeMethod
from ..permissions import HANDLING_ROLES

NOTE = _("Note")


def note_field(required=False, label=NOTE):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": 2}))


def date_field(label, help_text="", required=False):
    return forms.DateField(label=label, required=required, help_text=help_text, widget=AdminDateInput)


TODAY_IF_EMPTY = _("Empty: today.")


class DeskActionForm(forms.Form):
    """Base of the action forms: knows the request it acts on and who acts."""

    def __init__(self, *args, disclosure_request, user, **kwargs):
        self.disclosure_request = disclosure_request
        self.user = user
        super().__init__(*args, **kwargs)


class ConfirmReceiptForm(DeskActionForm):
    received_on = date_field(
        _("Date of receipt"),
        _("Empty: today (Art 31: an online application counts from the day its receipt is confirmed)."),
    )
    note = note_field()


class DiscardForm(DeskActionForm):
    note = note_field(required=True, label=_("Why this submission is not an application"))


def handlers_of(agency):
    groups = AgencyGroup.objects.filter(agency=agency, role__in=HANDLING_ROLES).values("group_id")
    return (
        get_user_model()
        .objects.filter(groups__in=groups, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssignForm(DeskActionForm):
    handler = HandlerChoiceField(label=_("Handler"), queryset=get_user_model().objects.none())
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers_of(self.disclosure_request.agency_id)
        self.fields["handler"].initial = self.disclosure_request.handler_id


class NoteOnlyForm(DeskActionForm):
    note = note_field()


def default_applicant_due(today=None):
    """The applicant's date to supplement, ``REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS`` working days away."""
    try:
        return add_working_days(today or timezone.localdate(), conf.get("REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS")).end
    except CalendarNotCovered:
        return None


class RequestSupplementForm(DeskActionForm):
    what = forms.CharField(
        label=_("What the applicant must supplement"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    applicant_due = date_field(_("Applicant's date to reply"), required=True)
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_due"].initial = default_applicant_due()
        self.fields["applicant_due"].help_text = _("Default: %(n)d working days from today.") % {
            "n": conf.get("REQUEST_SUPPLEMENT_REPLY_WORKING_DAYS")
        }


class ReceiveSupplementForm(DeskActionForm):
    received_on = date_field(_("Supplement received on"), _("Empty: today. The reply period restarts from this day."))
    note = note_field()


class ConsultThirdPartyForm(DeskActionForm):
    party = forms.CharField(label=_("Third party consulted"), max_length=200)
    started_on = date_field(_("Consultation sent on"), TODAY_IF_EMPTY)
    note = note_field()


class ConsultAgencyForm(DeskActionForm):
    party = forms.CharField(label=_("Agency consulted"), max_length=200)
    started_on = date_field(_("Consultation sent on"), TODAY_IF_EMPTY)
    note = note_field()


class RequestReasonsForm(DeskActionForm):
    what = forms.CharField(
        label=_("What the applicant must explain"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    started_on = date_field(_("Asked on"), TODAY_IF_EMPTY)
    note = note_field()


class ResumeForm(DeskActionForm):
    ended_on = date_field(_("Answer received on"), TODAY_IF_EMPTY)
    note = note_field()


def extension_days_field():
    return forms.IntegerField(
        label=_("Extension (working days)"), min_value=1, max_value=conf.get("REQUEST_MAX_EXTENSION_WORKING_DAYS")
    )


class ProposeExtensionForm(DeskActionForm):
    days = forms.IntegerField(label=_("Extension (working days)"), min_value=1)
    reason = forms.CharField(label=_("Reason for the extension"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"] = extension_days_field()


class ApproveExtensionForm(DeskActionForm):
    days = forms.IntegerField(label=_("Extension (working days)"), min_value=1)
    reason = forms.CharField(label=_("Reason for the extension"), widget=forms.Textarea(attrs={"rows": 2}))
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"] = extension_days_field()
        request = self.disclosure_request
        self.fields["days"].initial = request.proposed_extension_working_days or None
        self.fields["reason"].initial = request.extension_reason


class RejectExtensionForm(DeskActionForm):
    reason = forms.CharField(
        label=_("Why the extension is refused"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The handler reads it in the history; the reply stays due on its date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.disclosure_request
        if request.proposed_extension_working_days:
            self.fields["reason"].help_text = _(
                "Proposed: %(days)d working days, because: %(reason)s. The reply stays due on its date."
            ) % {"days": request.proposed_extension_working_days, "reason": request.extension_reason}


class NotifyFeeForm(DeskActionForm):
    """The handler picks 按件 or 按量 (with the page count); the amount is computed by ``fees``. An
    amount typed instead of the computed one needs its reason in the note; the notice states both."""

    method = forms.ChoiceField(
        label=_("How the fee is charged"), choices=FeeMethod.choices, initial=FeeMethod.PER_APPLICATION
    )
    pages = forms.IntegerField(
        label=_("Pages provided"),
        min_value=0,
        max_value=1_000_000,
        required=False,
        help_text=_("Needed to charge per page."),
    )
    amount = forms.DecimalField(label=_("Fee (yuan)"), max_digits=10, decimal_places=2, min_value=0, required=False)
    note = note_field(label=_("Note (the reason, when the fee differs from the computed one)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        per_application = fees.fee_for(self.disclosure_request, FeeMethod.PER_APPLICATION)
        amount = f"{per_application.amount:.2f}"
        self.fields["amount"].widget.attrs["placeholder"] = amount
        self.fields["amount"].help_text = _(
            "Empty: the computed fee. Per application it is %(amount)s yuan (%(explanation)s) "
            "Per page it is computed from the pages provided."
        ) % {"amount": amount, "explanation": per_application.explanation}

    def clean(self):
        data = super().clean()
        method, pages = data.get("method"), data.get("pages")
        if method == FeeMethod.PER_PAGE and pages is None and "pages" not in self.errors:
            self.add_error("pages", _("Give the number of pages to charge per page."))
        if not method or self.errors or not conf.get("REQUEST_FEES_ENABLED"):
            return data  # with fees off, the transition's refusal says so
        if method != FeeMethod.PER_PAGE:
            data["pages"] = pages = None
        computed = fees.fee_for(self.disclosure_request, method, pages)
        amount = data.get("amount")
        if amount is None and not computed.amount:
            message = _("By these rules there is no fee: %(explanation)s") % {"explanation": computed.explanation}
            self.add_error("amount", message)
        elif amount is not None and amount != computed.amount and not data.get("note", "").strip():
            message = _("The computed fee is %(computed)s yuan: give the reason for charging %(amount)s yuan.") % {
                "computed": f"{computed.amount:.2f}",
                "amount": f"{amount:.2f}",
            }
            self.add_error("note", message)
        else:
            data["amount"] = computed.amount if amount is None else amount
            data["explanation"] = self._notice_explanation(method, pages, computed.amount, data["amount"])
        return data

    def _notice_explanation(self, method, pages, computed, amount):
        """The explanation in the notices' language (the handler may work in another one)."""
        with translation.override(settings.LANGUAGE_CODE):
            explanation = fees.fee_for(self.disclosure_request, method, pages).explanation
            if amount != computed:
                adjusted = gettext("The agency has set the fee at %(amount)s yuan.") % {"amount": f"{amount:.2f}"}
                explanation = fees.sentences(explanation, adjusted)
        return explanation


class RecordPaymentForm(DeskActionForm):
    paid_on = date_field(_("Paid on"), TODAY_IF_EMPTY)
    note = note_field()


def outcome_choices():
    """The 21 outcomes grouped as report table 三 groups them."""
    return [("", "---------")] + [
        (group.label, [(outcome.value, outcome.label) for outcome in Outcome if outcome.group == group])
        for group in OutcomeGroup
    ]


class CatalogueItemsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.index_number} {obj.title}" if obj.index_number else obj.title


class DecideForm(DeskActionForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=outcome_choices)
    legal_basis = forms.CharField(
        label=_("Legal basis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for 不予公开, 无法提供 and 不予处理: the article and the facts it applies to."),
    )
    provided_pages = CatalogueItemsField(
        label=_("Catalogue items provided"),
        queryset=CatalogueItemPage.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    already_public_at = forms.CharField(
        label=_("Where it is already published"),
        max_length=300,
        required=False,
        help_text=_("For information already disclosed proactively: the address or publication."),
    )
    decided_on = date_field(_("Decided on"), TODAY_IF_EMPTY)
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provided_pages"].queryset = (
            CatalogueItemPage.objects.filter(agency_id=self.disclosure_request.agency_id)
            .live()
            .order_by("-first_published_at", "-pk")
        )


#: The way the applicant chose to obtain the information, as the way it is delivered.
METHOD_FOR_CHANNEL = {
    DeliveryChannel.POST: DeliveryMethod.POST,
    DeliveryChannel.EMAIL: DeliveryMethod.EMAIL,
    DeliveryChannel.PICKUP: DeliveryMethod.IN_PERSON,
    DeliveryChannel.DOWNLOAD: DeliveryMethod.DOWNLOAD,
}


class DeliverForm(DeskActionForm):
    method = forms.ChoiceField(label=_("Delivery method"), choices=DeliveryMethod.choices)
    delivered_on = date_field(_("Delivered on"), TODAY_IF_EMPTY)
    proof = forms.CharField(
        label=_("Proof of delivery"),
        max_length=200,
        required=False,
        help_text=_("For example the postal tracking number or the e-mail's date and address."),
    )
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = METHOD_FOR_CHANNEL.get(self.disclosure_request.delivery_channel)


class NoteForm(DeskActionForm):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class TransferForm(DeskActionForm):
    to_agency = forms.ModelChoiceField(label=_("Agency that holds the information"), queryset=AgencyPage.objects.none())
    note = note_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = AgencyPage.objects.exclude(pk=self.disclosure_request.agency_id).order_by(
            "title"
        )


class ProposeProactiveForm(DeskActionForm):
    title = forms.CharField(
        label=_("Title of the draft"),
        max_length=255,
        required=False,
        help_text=_("Empty: what the application asks for, without the applicant's personal data."),
    )
