"""An import started in the admin (导入目录): the file, its dry-run preview, its progress and its result.

Its state changes only through ``transitions``, each change logged. The uploaded file is kept in
the database beside its job rather than under ``MEDIA_ROOT``: nothing can serve it, the web
process and the worker read the same copy wherever they run, and it is deleted as soon as the
job is done with it (imported, failed, discarded or left unconfirmed).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ...agencies.models import AgencyPage
from ..models import CatalogueIndexPage


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", pgettext_lazy("import state", "Checked, awaiting confirmation")
    QUEUED = "queued", pgettext_lazy("import state", "Queued")
    RUNNING = "running", pgettext_lazy("import state", "Importing")
    FINISHED = "finished", pgettext_lazy("import state", "Finished")
    FAILED = "failed", pgettext_lazy("import state", "Failed")
    DISCARDED = "discarded", pgettext_lazy("import state", "Discarded")


#: The states in which the worker has the job: its page follows the progress.
IN_PROGRESS = (ImportState.QUEUED, ImportState.RUNNING)


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    JSONL = "jsonl", "JSON Lines"


class ImportJob(models.Model):
    """One uploaded file on its way into one agency's catalogue.

    ``preview`` and ``result`` hold what the dry run and the import reported, in the same shape
    (``jobs.summary``): created, updated, skipped (rows with errors), error_count and the first
    errors as {row, field, message}, in the language of the admin at the time.
    """

    agency = models.ForeignKey(
        AgencyPage, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="catalogue_imports"
    )
    catalogue = models.ForeignKey(
        CatalogueIndexPage,
        verbose_name=_("catalogue"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The import runs as this user, whose permission is checked again when it starts."),
    )
    filename = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, choices=FileFormat.choices)
    size = models.PositiveIntegerField(_("size in bytes"))
    state = models.CharField(_("state"), max_length=20, choices=ImportState.choices, default=ImportState.PREVIEWED)
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    total_rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    #: When the job last moved (confirmed, started, rows counted): a job in progress that stays still
    #: longer than IMPORT_STALLED_MINUTES lost its worker (``transitions.fail_stalled``).
    progress_at = models.DateTimeField(_("last progress at"), null=True, blank=True)
    preview = models.JSONField(_("dry run"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    failure = models.TextField(_("reason of failure"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("catalogue import")
        verbose_name_plural = _("catalogue imports")

    def __str__(self):
        return self.filename

    @property
    def in_progress(self):
        return self.state in IN_PROGRESS

    @property
    def confirmable(self):
        """Worth confirming: awaiting it, the file kept, and the dry run found rows to import."""
        return (
            self.state == ImportState.PREVIEWED
            and self.catalogue_id is not None
            and bool(self.preview.get("created") or self.preview.get("updated"))
        )

    @property
    def report(self):
        """What to show: the import's result once it has one, the dry run's before."""
        return self.result if self.state in (ImportState.FINISHED, ImportState.FAILED) and self.result else self.preview


class ImportUpload(models.Model):
    """The uploaded file of a job, apart from it so that listing jobs never loads a file."""

    job = models.OneToOneField(ImportJob, on_delete=models.CASCADE, primary_key=True, related_name="upload")
    content = models.BinaryField()

    class Meta:
        verbose_name = _("uploaded catalogue file")

    def __str__(self):
        return str(self.job)
