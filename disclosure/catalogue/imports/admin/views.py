"""The screens of 导入目录: upload (with the dry run), the job (preview, progress, result), the history.

Thin views over ``..jobs`` and ``..transitions``. A job of a catalogue the user may not import
into is a 404, like any other agency's record; a file that cannot be read is a 400 with its
reason on the form, and nothing is recorded.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import jobs, transitions
from ..columns import EXPORT_HEADINGS
from ..models import ImportState
from ..permissions import importable_catalogues, visible_jobs
from ..readers import ImportFileError
from .forms import CatalogueUploadForm

NAMESPACE = "catalogue_imports"
TEMPLATES = "disclosure/catalogue/imports/"
RECENT_JOBS = 10


def column_label(field):
    """How the error table names a column: its heading, with the key a file may use instead."""
    if field in EXPORT_HEADINGS:
        return f"{EXPORT_HEADINGS[field]}（{field}）"
    if field == "json":
        return _("JSON line")
    return _("File")


def progress_text(job):
    return _("%(done)d of %(total)d rows processed") % {"done": job.rows_done, "total": job.total_rows}


def outcome_text(job):
    """One line for the history: the progress while it runs, the counts once it has them."""
    if job.in_progress:
        return progress_text(job)
    report = job.report
    if not report:
        return ""
    text = _("%(created)d new, %(updated)d updated, %(skipped)d rows skipped") % {
        "created": report.get("created", 0),
        "updated": report.get("updated", 0),
        "skipped": report.get("skipped", 0),
    }
    return text if job.state != ImportState.PREVIEWED else _("Dry run: %(outcome)s") % {"outcome": text}


def uploader(job):
    return (job.user.get_full_name() or job.user.get_username()) if job.user else ""


def job_url(job, view="edit"):
    return reverse(f"{NAMESPACE}:{view}", args=[job.pk])


def _job_for(request, pk):
    return get_object_or_404(visible_jobs(request.user).select_related("agency", "catalogue", "user"), pk=pk)


class ImportScreen(WagtailAdminTemplateMixin, View):
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Catalogue imports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, status=200, **context):
        return TemplateResponse(
            self.request, self.get_template_names(), self.get_context_data(**context), status=status
        )


class UploadView(ImportScreen):
    """导入目录: choose the catalogue and the file; the dry run follows on the job's page."""

    template_name = TEMPLATES + "upload.html"
    page_title = gettext_lazy("Import into the catalogue")

    def dispatch(self, request, *args, **kwargs):
        if not importable_catalogues(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        recent = visible_jobs(self.request.user).select_related("agency", "user")[:RECENT_JOBS]
        return super().get_context_data(
            recent=[(job, outcome_text(job)) for job in recent],
            jobs_url=reverse(f"{NAMESPACE}:index"),
            **kwargs,
        )

    def get(self, request):
        return self.render(form=CatalogueUploadForm(user=request.user))

    def post(self, request):
        form = CatalogueUploadForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(form=form, status=400)
        try:
            job = jobs.preview(form.cleaned_data["catalogue"], request.user, form.cleaned_data["file"])
        except ImportFileError as refusal:
            form.add_error("file", str(refusal))
            return self.render(form=form, status=400)
        return redirect(job_url(job))


class JobView(ImportScreen):
    """One import: its dry run awaiting confirmation, its progress, or its result, with the row errors."""

    template_name = TEMPLATES + "job.html"

    def get_page_title(self):
        return _("Import of “%(file)s”") % {"file": self.job.filename}

    def get(self, request, pk):
        self.job = job = _job_for(request, pk)
        report = job.report
        errors = [{**error, "column": column_label(error["field"])} for error in report.get("errors", [])]
        return self.render(
            job=job,
            report=report,
            errors=errors,
            unlisted_errors=max(report.get("error_count", 0) - len(errors), 0),
            size=filesizeformat(job.size),
            progress=progress_text(job),
            status_url=job_url(job, "status"),
            # Newest changes first: the imported drafts head the list instead of trailing the catalogue.
            explore_url=(
                reverse("wagtailadmin_explore", args=[job.catalogue_id]) + "?ordering=-latest_revision_created_at"
                if job.catalogue_id
                else ""
            ),
        )


class ConfirmView(View):
    def post(self, request, pk):
        job = _job_for(request, pk)
        try:
            transitions.confirm(job, request.user)
        except transitions.JobRefused as refusal:
            messages.error(request, refusal.message)
        return redirect(job_url(job))


class DiscardView(View):
    def post(self, request, pk):
        job = _job_for(request, pk)
        try:
            transitions.discard(job, request.user)
        except transitions.JobRefused as refusal:
            messages.error(request, refusal.message)
            return redirect(job_url(job))
        messages.success(request, _("The import of “%(file)s” was discarded.") % {"file": job.filename})
        return redirect(reverse(f"{NAMESPACE}:add"))


class StatusView(View):
    """What the job's page polls while the worker imports."""

    def get(self, request, pk):
        job = _job_for(request, pk)
        return JsonResponse(
            {
                "state": job.state,
                "state_label": job.get_state_display(),
                "in_progress": job.in_progress,
                "rows_done": job.rows_done,
                "total_rows": job.total_rows,
                "progress_text": progress_text(job),
            }
        )


class JobIndexView(IndexView):
    """The history: every import into the catalogues the user may import into, newest first."""

    add_item_label = gettext_lazy("Import a file")

    def get_base_queryset(self):
        return visible_jobs(self.request.user).select_related("agency", "catalogue", "user")

    def get_list_more_buttons(self, instance):
        return []  # the file name opens the job; there is nothing else to do with one from the list
