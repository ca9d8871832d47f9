"""The admin's 导入目录, without HTTP: a dry run of the uploaded file, then the import in the worker.

Both run ``CatalogueImporter`` — the one ``import_catalogue`` runs — on the catalogue chosen,
confined to its agency and in front of the review (``drafts_only``). The dry run writes no
catalogue item; it records the job, which keeps the file until it is confirmed or discarded.
The import counts its rows onto the job as it reads them, so the job's page can show progress.
"""

import logging

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ...agencies.models import agency_of
from . import transitions, uploads
from .importer import CatalogueImporter
from .models import ImportJob, ImportUpload
from .permissions import may_import_into
from .readers import FileContent, ImportFileError, open_rows, too_many_rows

logger = logging.getLogger(__name__)

#: Row errors kept on a job (the count is kept whole): enough to correct a file, not a database's worth.
ERRORS_KEPT = 1000


def summary(report):
    """What a job keeps of an ``ImportReport`` (``ImportJob.preview`` / ``result``)."""
    return {
        "created": report.created,
        "updated": report.updated,
        "skipped": len({error.row for error in report.errors if error.row}),
        "error_count": len(report.errors),
        "errors": [
            {"row": error.row, "field": error.field, "message": str(error.message)}
            for error in report.errors[:ERRORS_KEPT]
        ],
    }


def _importer(catalogue, user):
    return CatalogueImporter(agency=agency_of(catalogue), catalogue=catalogue, user=user, drafts_only=True)


class RowCount:
    """The importer's ``progress``, counting the rows it reads (blank rows are not rows)."""

    def __init__(self):
        self.done = 0

    def __call__(self, total):
        return self  # the readers' estimate (a workbook may not know its size); the count read is kept instead

    def update(self, n):
        self.done += n

    def close(self):
        pass


class JobProgress(RowCount):
    """The count written to the job every ``STEP`` rows, for its page to show against the dry run's total."""

    STEP = 100

    def __init__(self, job):
        super().__init__()
        self.job_id = job.pk

    def update(self, n):
        super().update(n)
        if self.done % self.STEP == 0:
            self._save()

    def close(self):
        self._save()

    def _save(self):
        ImportJob.objects.filter(pk=self.job_id).update(rows_done=self.done, progress_at=timezone.now())


def preview(catalogue, user, file):
    """Dry-run ``file`` (a ``FileContent``) into ``catalogue``: the job recorded, or an ``ImportFileError``.

    A file that cannot be read as a whole (encoding, header, a damaged workbook), that has too
    many rows or none is refused, and nothing is recorded; rows with errors are listed on the job.
    """
    transitions.discard_stale()
    if open_rows(file).count() > uploads.MAX_ROWS:
        raise too_many_rows(uploads.MAX_ROWS)
    rows = RowCount()
    report = _importer(catalogue, user).run(file, dry_run=True, progress=rows, max_rows=uploads.MAX_ROWS)
    refusal = next((error for error in report.errors if error.row == 0), None)
    if refusal is not None:
        raise ImportFileError(refusal.message)
    if not rows.done:
        raise ImportFileError(_("The file has no rows to import, only its header."))
    return transitions.record_preview(catalogue, user, file, summary(report), rows.done)


def _conclude(change, job, *args):
    """``transitions.finish`` or ``fail``, unless the job was failed meanwhile (``fail_stalled``)."""
    try:
        change(job, *args)
    except transitions.JobRefused:
        logger.warning("Catalogue import %s was concluded elsewhere before its worker finished", job.pk)


def run(job_id):
    """The worker's part (``disclosure.tasks.run_catalogue_import``): import a confirmed job's file.

    It imports as the editor who confirmed it, provided they still may import into the catalogue.
    The editors see fixed reasons of failure; the details (SQL, paths) go to the log only.
    """
    job = transitions.start(job_id)
    if job is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        upload = ImportUpload.objects.filter(job=job).first()
        if job.catalogue is None or upload is None:
            _conclude(transitions.fail, job, _("The catalogue or the file of this import was deleted before it ran."))
            return job.pk
        actor = job.confirmed_by
        if actor is None or not may_import_into(actor, job.catalogue):
            _conclude(
                transitions.fail,
                job,
                _("The editor who confirmed this import may no longer import into this catalogue."),
            )
            return job.pk
        try:
            file = FileContent(job.filename, bytes(upload.content), job.file_format)
            report = _importer(job.catalogue, actor).run(file, progress=JobProgress(job))
        except Exception:  # the worker must record any failure on the job, whatever it was
            logger.exception("Catalogue import %s failed", job.pk)
            _conclude(transitions.fail, job, unexpected_error())
            return job.pk
        _conclude(transitions.finish, job, summary(report))
    return job.pk


def unexpected_error():
    return _(
        "The import stopped on an unexpected error. What was imported before it stays; "
        "the administrator can find the details in the server log."
    )


def hand_to_worker(job_id, send):
    """``send(job_id)`` queues the import; if the broker refuses it, the job fails saying so rather than wait forever."""
    try:
        send(job_id)
    except Exception:  # any broker or connection error: the editor must learn that nothing will run
        logger.exception("Catalogue import %s could not be queued", job_id)
        transitions.fail(
            job_id,
            _(
                "The import could not be handed to the background worker: "
                "try again later, or ask the administrator to check it."
            ),
        )
