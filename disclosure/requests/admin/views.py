"""The desk's screens. Thin: each view finds the request among those the user may read (another
agency's request is a 404), binds a form, and calls a transition or a service; a refusal is shown
on the form it came from, with everything typed still in it.

Pages that show an applicant's personal data are sent with ``Cache-Control: no-store``.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.forms import Media
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .. import clock, intake, query_codes, redaction
from ..choices import EventKind
from ..models import DisclosureRequest, IdentityProof, Notice, ReleasedFile, RequestEvent
from ..permissions import HANDLING_ROLES, agencies_for, can_handle, can_see_personal_data, visible_requests
from ..queue import QueuePaginator
from ..transitions import WORKING_STATES, TransitionRefused
from . import due, released_files
from .actions import BY_NAME, offered_actions
from .calendar_gap import calendar_gap
from .file_forms import AreaMarkForm, ReleasedFileForm, TextMarkForm, page_count
from .personal_data import open_proof, reveal_id_number
from .registration_form import StaffApplicationForm

NAMESPACE = "disclosure_requests"
TEMPLATES = "disclosure/requests/admin/"


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def _apply_refusal(form, refusal):
    form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)


def _attachment(content, content_type, filename):
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


# The queue -----------------------------------------------------------------------------------------


class DueColumn(Column):
    """Due date, its status in words and colour (a lawful pause is never red) and the working days left."""

    cell_template_name = TEMPLATES + "due_cell.html"


class RequestQueueView(IndexView):
    default_ordering = "due_date"
    # A page's ids from the index first, then their rows: fast at 100,000 requests (bench/requests.py).
    paginator_class = QueuePaginator
    page_title = gettext_lazy("Requests for disclosure (依申请公开)")
    add_item_label = gettext_lazy("Register an application")

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def risk_limit(self):
        return clock.at_risk_limit(self.today)

    def get_base_queryset(self):
        return visible_requests(self.request.user, DisclosureRequest.objects.select_related("agency", "handler"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["calendar_gap"] = calendar_gap(self.get_base_queryset(), self.today)
        return context

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "due_date", "-due_date"]

    def order_queryset(self, queryset):
        if self.ordering in ("due_date", "-due_date"):
            return due.queue_order(queryset, descending=self.ordering.startswith("-"))
        field = self.ordering.lstrip("-")
        if self.ordering.startswith("-"):
            return queryset.order_by(F(field).desc(nulls_last=True), "pk")
        return queryset.order_by(F(field).asc(nulls_last=True), "pk")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = due.annotate_rows(list(rows), self.today, self.risk_limit)
        page.object_list = rows
        return paginator, page, rows, is_paginated

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "number",
                label=_("Application number"),
                sort_key="number",
                get_url=lambda request: url("detail", request.pk),
            ),
            Column("agency", label=_("Agency"), accessor=lambda request: request.agency.short_name or request.agency),
            Column("applicant_type", label=_("Applicant type"), accessor="get_applicant_type_display"),
            Column("channel", label=_("Channel"), accessor="get_channel_display"),
            Column("state", label=_("State"), accessor="get_state_display"),
            Column(
                "received_on",
                label=_("Received"),
                sort_key="received_on",
                accessor=lambda request: request.received_on and f"{request.received_on:%Y-%m-%d}",
            ),
            DueColumn("due_date", label=_("Reply due"), sort_key="due_date"),
            Column(
                "handler",
                label=_("Handler"),
                accessor=lambda request: request.handler and (request.handler.get_full_name() or request.handler),
            ),
        ]


# The request ---------------------------------------------------------------------------------------


class DeskRequestMixin(WagtailAdminTemplateMixin):
    """Finds the request among those the user may read and renders its page, with any bound forms."""

    template_name = TEMPLATES + "detail.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        queryset = visible_requests(request.user, DisclosureRequest.objects.select_related("agency", "handler"))
        self.object = get_object_or_404(queryset, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.object.number

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Requests for disclosure (依申请公开)")},
            {"url": "", "label": self.object.number},
        ]

    def require_handler(self):
        if not can_handle(self.request.user, self.object):
            raise PermissionDenied

    def render_detail(self, status=200, bound=None, **extra):
        context = self.get_context_data(**detail_context(self.object, self.request.user, bound or {}), **extra)
        response = TemplateResponse(self.request, self.get_template_names(), context, status=status)
        add_never_cache_headers(response)
        return response

    def back_to_detail(self, anchor=""):
        return redirect(url("detail", self.object.pk) + (f"#{anchor}" if anchor else ""))


def _files_of(request, user, bound):
    files = list(
        request.released_files.defer("original", "redacted").annotate(
            has_redacted=ExpressionWrapper(Q(redacted__isnull=False), output_field=BooleanField())
        )
    )
    for file in files:
        file.is_pdf = file.content_type == released_files.PDF
        file.text_form = bound.get(f"text-{file.pk}") or TextMarkForm(prefix=f"text-{file.pk}")
        file.area_form = bound.get(f"area-{file.pk}") or AreaMarkForm(prefix=f"area-{file.pk}")
        file.marks = [
            (index, mark, redaction.reason_label(mark.get("reason"))) for index, mark in enumerate(file.redactions)
        ]
    return files


def proactive_drafts(*requests):
    """The catalogue items drafted from these requests for proactive disclosure (Art 44) that still exist."""
    page_ids = [
        data.get("page")
        for data in RequestEvent.objects.filter(request__in=requests, kind=EventKind.PROACTIVE_DRAFTED).values_list(
            "data", flat=True
        )
    ]
    return list(Page.objects.filter(pk__in=[pk for pk in page_ids if pk]).order_by("pk"))


def detail_context(request, user, bound):
    """Everything the request's page shows; ``bound`` holds forms posted back with their errors."""
    due.annotate_rows([request])
    offered = offered_actions(request, user)
    names = {action.name for action in offered}
    offered += [BY_NAME[name] for name in bound if name in BY_NAME and name not in names]
    actions = [(action, bound.get(action.name) or action.form(request, user)) for action in offered]
    media = sum((form.media for _action, form in actions), Media())
    readable = visible_requests(user, DisclosureRequest.objects.all())
    supplement_requested = request.events.filter(kind=EventKind.SUPPLEMENT_REQUESTED).exists()
    notice_deadline = None
    if request.state in WORKING_STATES and not supplement_requested:
        notice_deadline = clock.supplement_notice_deadline(request)
    return {
        "request_obj": request,
        "media": media,
        "actions": actions,
        "failed_action": next(iter(bound), ""),
        "events": request.events.select_related("actor"),
        "pauses": request.pauses.all(),
        "notices": request.notices.defer("pdf", "docx"),
        "files": _files_of(request, user, bound),
        "upload_form": bound.get("upload") or ReleasedFileForm(prefix="upload"),
        "can_handle": can_handle(user, request),
        "can_see_personal_data": can_see_personal_data(user, request),
        "has_proof": IdentityProof.objects.filter(request=request).exists(),
        "duplicates": readable.filter(Q(pk=request.duplicate_of_id) | Q(duplicate_of=request)).exclude(pk=request.pk),
        "transferred_from": request.transferred_from if request.transferred_from_id else None,
        "transfers": request.transfers.select_related("agency"),
        "readable_ids": set(
            readable.filter(Q(transfers=request) | Q(transferred_from=request)).values_list("pk", flat=True)
        ),
        "appeals": request.appeals.all(),
        "proactive_drafts": proactive_drafts(request),
        "provided_pages": request.provided_pages.all(),
        "supplement_notice_deadline": notice_deadline,
        "supplement_notice_passed": bool(notice_deadline and notice_deadline < timezone.localdate()),
    }


class RequestDetailView(DeskRequestMixin, View):
    def get(self, request, pk):
        return self.render_detail()


class RequestActionView(DeskRequestMixin, View):
    """POST of one action form: the transition runs, or its refusal is shown on the form."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        action = BY_NAME.get(action)
        if action is None:
            raise Http404
        if not action.allowed(self.object, request.user):
            raise PermissionDenied
        form = action.form(self.object, request.user, request.POST)
        if form.is_valid():
            try:
                result = action.perform(self.object, request.user, **form.cleaned_data)
            except TransitionRefused as refusal:
                _apply_refusal(form, refusal)
            else:
                if action.done is None:
                    messages.success(request, _("%(action)s: done.") % {"action": action.label})
                else:
                    text, buttons = action.done(result)
                    messages.success(request, text, buttons=[messages.button(link, label) for link, label in buttons])
                return self.back_to_detail("history")
        # At the top of the page, where the eye lands: the form itself may be far below, among the others.
        messages.error(
            request,
            _("“%(action)s” was not done: see the errors in the form below.") % {"action": action.label},
            buttons=[messages.button(f"#action-{action.name}", _("Go to the form"))],
        )
        return self.render_detail(status=400, bound={action.name: form})


# Personal data ------------------------------------------------------------------------------------


class RevealIdNumberView(DeskRequestMixin, View):
    """The full identity number, on the request's page, for this response only (and logged)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        return self.render_detail(revealed_id_number=reveal_id_number(self.object, request.user))


class IdentityProofView(DeskRequestMixin, View):
    def get(self, request, pk):
        proof = open_proof(self.object, request.user)
        if proof is None:
            raise Http404
        return _attachment(proof.content, proof.content_type, proof.filename)


# Notices and files -----------------------------------------------------------------------------------


class NoticeDownloadView(DeskRequestMixin, View):
    FORMATS = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    def get(self, request, pk, notice_pk, fmt):
        if fmt not in self.FORMATS:
            raise Http404
        notice = get_object_or_404(Notice, pk=notice_pk, request=self.object)
        content = getattr(notice, fmt)
        if not content:
            raise Http404
        return _attachment(content, self.FORMATS[fmt], f"{notice.number or notice.title}.{fmt}")


class ReleasedFileMixin(DeskRequestMixin):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.file_pk = kwargs["file_pk"]

    @cached_property
    def released(self):
        return get_object_or_404(ReleasedFile, pk=self.file_pk, request=self.object)


class ReleasedFileDownloadView(ReleasedFileMixin, View):
    def get(self, request, pk, file_pk, which):
        released = self.released
        if which == "original":
            return _attachment(released.original, released.content_type, released.original_name)
        if which == "redacted" and released.redacted:
            return _attachment(released.redacted, released.content_type, f"redacted-{released.original_name}")
        raise Http404


class ReleasedFileUploadView(DeskRequestMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        self.require_handler()
        form = ReleasedFileForm(request.POST, request.FILES, prefix="upload")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                released_files.add_file(
                    self.object,
                    request.user,
                    title=form.cleaned_data["title"],
                    name=upload.name,
                    content_type=form.content_type,
                    content=form.content,
                )
            except TransitionRefused as refusal:
                _apply_refusal(form, refusal)
            else:
                messages.success(request, _("The file has been added."))
                return self.back_to_detail("files")
        return self.render_detail(status=400, bound={"upload": form})


class MarkView(ReleasedFileMixin, View):
    """Adds a withheld text or area to a PDF's marks."""

    http_method_names = ["post"]

    def post(self, request, pk, file_pk, kind):
        self.require_handler()
        released = self.released
        prefix = f"{kind}-{released.pk}"
        if kind == "text":
            form = TextMarkForm(request.POST, prefix=prefix)
        elif kind == "area":
            form = AreaMarkForm(request.POST, prefix=prefix, page_count=page_count(bytes(released.original)))
        else:
            raise Http404
        if form.is_valid():
            try:
                if kind == "text":
                    released_files.mark_text(released, request.user, **form.cleaned_data)
                else:
                    released_files.mark_area(released, request.user, **form.cleaned_data)
            except TransitionRefused as refusal:
                _apply_refusal(form, refusal)
            else:
                messages.success(request, _("Marked. Produce the redacted copy again before deciding."))
                return self.back_to_detail(f"file-{released.pk}")
        return self.render_detail(status=400, bound={prefix: form})


class RemoveMarkView(ReleasedFileMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, file_pk, index):
        self.require_handler()
        try:
            released_files.remove_mark(self.released, request.user, index)
        except TransitionRefused as refusal:
            messages.error(request, refusal.message)
        return self.back_to_detail(f"file-{self.file_pk}")


class ProduceRedactedView(ReleasedFileMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, file_pk):
        self.require_handler()
        try:
            released_files.produce_redacted(self.released, request.user)
        except TransitionRefused as refusal:
            messages.error(request, refusal.message)
            return self.render_detail(status=400)
        messages.success(request, _("The redacted copy has been produced."))
        return self.back_to_detail(f"file-{self.file_pk}")


# Registration by staff ---------------------------------------------------------------------------------


class RegisterApplicationView(WagtailAdminTemplateMixin, View):
    """An application received in person, by letter, fax or e-mail; the number and 查询码 are shown once."""

    template_name = TEMPLATES + "register.html"
    header_icon = "plus"

    def dispatch(self, request, *args, **kwargs):
        if not agencies_for(request.user, HANDLING_ROLES).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Register an application")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Requests for disclosure (依申请公开)")},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, status=200, **context):
        response = TemplateResponse(
            self.request, self.get_template_names(), self.get_context_data(**context), status=status
        )
        add_never_cache_headers(response)
        return response

    def get(self, request):
        return self.render(form=StaffApplicationForm(user=request.user))

    def post(self, request):
        form = StaffApplicationForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                receipt = intake.register(
                    data["agency"],
                    request.user,
                    form.applicant_data(),
                    channel=data["channel"],
                    received_on=data["received_on"],
                    id_number=data["id_number"],
                    proof=data["proof"],
                    note=data["note"],
                )
            except TransitionRefused as refusal:
                _apply_refusal(form, refusal)
            else:
                self.template_name = TEMPLATES + "registered.html"
                return self.render(
                    receipt=receipt,
                    query_code=query_codes.display(receipt.query_code),
                    detail_url=url("detail", receipt.request.pk),
                )
        return self.render(status=400, form=form)
