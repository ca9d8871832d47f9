"""An application for disclosure (依申请公开) and the applicant's personal data.

Identity numbers and proofs are stored encrypted (``encryption``); lists show the masked number;
the full values are decrypted only for the agency's handlers, and every such view is logged in
``PersonalDataView``. The statutory dates (``received_on``, ``clock_start``, ``due_date``) are
written only by ``clock`` and ``transitions``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import (
    CLOSED_STATES,
    ApplicantType,
    DeliveryChannel,
    DeliveryForm,
    DeliveryMethod,
    IdentityDocument,
    IntakeChannel,
    Outcome,
    RequestState,
)


class DisclosureRequest(models.Model):
    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="disclosure_requests"
    )
    number = models.CharField(_("application number"), max_length=100, unique=True)
    query_code_digest = models.CharField(max_length=64, editable=False)
    channel = models.CharField(_("channel"), max_length=20, choices=IntakeChannel.choices, default=IntakeChannel.ONLINE)

    applicant_type = models.CharField(_("applicant type"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("name"), max_length=100)
    id_type = models.CharField(_("identity document"), max_length=30, choices=IdentityDocument.choices)
    id_number_token = models.BinaryField(null=True, editable=False)
    id_number_masked = models.CharField(_("identity number"), max_length=60, blank=True)
    applicant_fingerprint = models.CharField(max_length=32, blank=True, db_index=True, editable=False)
    legal_representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)

    description = models.TextField(_("description of the information requested"))
    reference = models.CharField(_("document number or index number"), max_length=200, blank=True)
    delivery_form = models.CharField(_("form of delivery"), max_length=20, choices=DeliveryForm.choices)
    delivery_channel = models.CharField(_("way of obtaining"), max_length=20, choices=DeliveryChannel.choices)
    fee_waiver_requested = models.BooleanField(_("asks for fee reduction or waiver"), default=False)
    fee_waiver_reason = models.TextField(_("reason for fee reduction or waiver"), blank=True)
    notify_by_email = models.BooleanField(_("e-mail me when the state changes"), default=False)

    state = models.CharField(_("state"), max_length=30, choices=RequestState.choices, default=RequestState.SUBMITTED)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    received_on = models.DateField(_("date of receipt"), null=True, blank=True)
    clock_start = models.DateField(_("clock starts after"), null=True, blank=True)
    due_date = models.DateField(_("reply due"), null=True, blank=True, db_index=True)
    due_explanation = models.TextField(_("how the due date was computed"), blank=True)
    clock_problem = models.TextField(_("deadline problem"), blank=True)
    paused_working_days = models.PositiveIntegerField(_("paused working days"), default=0)
    applicant_due = models.DateField(_("applicant's reply due"), null=True, blank=True)
    extension_working_days = models.PositiveSmallIntegerField(_("extension (working days)"), default=0)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    proposed_extension_working_days = models.PositiveSmallIntegerField(default=0, editable=False)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    outcome = models.CharField(_("outcome"), max_length=50, choices=Outcome.choices, blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    already_public_at = models.CharField(_("where it is already published"), max_length=300, blank=True)
    provided_pages = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("catalogue items provided"), blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    fee_amount = models.DecimalField(_("fee (yuan)"), max_digits=10, decimal_places=2, null=True, blank=True)
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_method = models.CharField(_("delivery method"), max_length=20, choices=DeliveryMethod.choices, blank=True)
    delivery_proof = models.CharField(_("proof of delivery"), max_length=200, blank=True)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)

    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("possible duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="possible_duplicates",
    )
    transferred_from = models.ForeignKey(
        "self",
        verbose_name=_("transferred from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transfers",
    )
    personal_data_purged_at = models.DateTimeField(_("personal data deleted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("disclosure request")
        verbose_name_plural = _("disclosure requests")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["agency", "state", "due_date"], name="request_queue"),
            models.Index(fields=["state", "due_date"], name="request_due"),
        ]
        permissions = [
            ("approve_extension", _("Can approve an extension of the reply period")),
            ("view_personal_data", _("Can see applicants' identity numbers and proofs")),
        ]

    def __str__(self):
        return self.number

    @property
    def is_open(self):
        return self.state not in CLOSED_STATES

    @property
    def is_organisation(self):
        return self.applicant_type != ApplicantType.PERSON


class IdentityProof(models.Model):
    """The scan of the identity document, encrypted; never stored as a file a URL could reach."""

    request = models.OneToOneField(DisclosureRequest, on_delete=models.CASCADE, related_name="identity_proof")
    token = models.BinaryField(editable=False)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identity proof")

    def __str__(self):
        return self.filename


class PersonalDataView(models.Model):
    """Who saw an applicant's full identity number or proof, and when."""

    class Item(models.TextChoices):
        ID_NUMBER = "id_number", _("Identity number")
        PROOF = "proof", _("Identity proof")

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="personal_data_views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    item = models.CharField(max_length=20, choices=Item.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("view of personal data")
        verbose_name_plural = _("views of personal data")

    def __str__(self):
        return f"{self.request_id} {self.item} {self.at:%Y-%m-%d %H:%M}"


class RequestNumberSequence(models.Model):
    """Per agency, year and series (applications, each notice's numbering), the last serial handed out."""

    agency = models.ForeignKey("disclosure.AgencyPage", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=30)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "series"], name="unique_request_number_sequence")
        ]

    def __str__(self):
        return f"{self.agency_id}/{self.year}/{self.series}: {self.last_serial}"
