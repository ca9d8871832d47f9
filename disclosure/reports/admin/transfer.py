"""Files in and out of the report screens: the exports (XLSX, PDF, DOCX) of a report as it stands,
and importing a report published before Gongkai — previewed first, then kept.

The preview reads the file and lists what could not be read and the published figures' own 勾稽
errors, keeping nothing; the file waits in the shared cache under a token for the editor to
confirm, so it need not be chosen again.
"""

import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import exports, imports
from ..errors import ReportRefused
from ..models import AnnualReport
from ..permissions import visible_reports, writable_agencies
from .forms import ImportReportForm

NAMESPACE = "disclosure_reports"
PENDING_SECONDS = 30 * 60


def export_links(report):
    """[(url, label)] of the report's downloads as it stands now."""
    return [
        (reverse(f"{NAMESPACE}:export", args=[report.pk, kind]), _("Download %(kind)s") % {"kind": kind.upper()})
        for kind in exports.KINDS
    ]


class ExportView(View):
    """The report as it stands (draft included) for the agency's own filing; readers may download it."""

    def get(self, request, pk, kind):
        report = get_object_or_404(visible_reports(request.user, AnnualReport.objects.select_related("agency")), pk=pk)
        try:
            body, content_type, name = exports.render(report, kind)
        except ReportRefused:
            raise Http404 from None
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = exports.content_disposition(name)
        return response


def _pending_key(user, token):
    return f"gongkai:report-import:{user.pk}:{token}"


class ImportReportView(WagtailAdminTemplateMixin, View):
    template_name = "disclosure/reports/admin/import.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not writable_agencies(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import a past report")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Annual reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, form, status=200, **extra):
        context = self.get_context_data(form=form, **extra)
        return TemplateResponse(self.request, self.get_template_names(), context, status=status)

    def get(self, request):
        return self.render(ImportReportForm(user=request.user))

    def post(self, request):
        form = ImportReportForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(form, status=400)
        data = form.cleaned_data
        choice = (data["agency"].pk, data["year"], data["level"], data["format_version"])
        content, name, previewed_for = self._content(form)
        if content is None:
            form.add_error("file", _("The file to import has expired; choose it again."))
            return self.render(form, status=400)
        # Imported only as previewed: a changed agency, year or format is read and checked again first.
        confirm = "confirm" in request.POST and previewed_for == choice
        try:
            report, problems = imports.import_past_report(
                data["agency"],
                data["year"],
                content,
                format_version=data["format_version"] or None,
                level=data["level"],
                actor=request.user,
                source_name=name,
                dry_run=not confirm,
            )
        except ReportRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
            return self.render(form, status=400)
        if confirm:
            cache.delete(_pending_key(request.user, data["token"]))
            messages.success(
                request,
                ngettext(
                    "The report has been imported, with the %(count)d problem found while reading it.",
                    "The report has been imported, with the %(count)d problems found while reading it.",
                    len(problems),
                )
                % {"count": len(problems)},
            )
            return redirect(reverse(f"{NAMESPACE}:edit", args=[report.pk]))
        token = data["token"] or secrets.token_urlsafe(16)
        cache.set(_pending_key(request.user, token), (content, name, choice), PENDING_SECONDS)
        form = ImportReportForm(
            {**request.POST.dict(), "token": token}, user=request.user
        )  # the preview keeps the file for the confirmation
        form.is_valid()
        return self.render(form, problems=problems, previewed=name)

    def _content(self, form):
        """(content, file name, the choice it was previewed for — None for a new upload)."""
        upload = form.cleaned_data.get("file")
        if upload is not None:
            return upload.read(imports.MAX_BYTES + 1), upload.name, None
        pending = cache.get(_pending_key(self.request.user, form.cleaned_data["token"]))
        return pending if pending else (None, "", None)
