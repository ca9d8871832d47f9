"""Every change of an import job's state, each a function that checks the state it starts from and
logs what happened (Wagtail's model log: the site history shows who uploaded, confirmed, discarded).

Views and the worker call these; nothing else writes ``state``. Confirming sends ``job_queued``,
which the app's wiring (``disclosure.signals``) turns into a Celery task once the transaction is
committed — this package is below the app's task module and does not import it. A refusal is a
``JobRefused`` whose message can be shown as it is.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ... import conf
from ...agencies.models import agency_of
from .models import IN_PROGRESS, ImportJob, ImportState, ImportUpload

S = ImportState
logger = logging.getLogger(__name__)

#: Sent with ``job`` when an import is confirmed; the receiver queues the import.
job_queued = Signal()

#: A file previewed but not confirmed is dropped after this long.
PREVIEW_KEPT_FOR = datetime.timedelta(hours=24)

ACTION = "gongkai.catalogue_import.{}"
ACTIONS = ("previewed", "queued", "started", "finished", "failed", "discarded")


class JobRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _log(job, action, user=None, **data):
    counts = {key: job.report.get(key, 0) for key in ("created", "updated", "skipped")}
    log(instance=job, action=ACTION.format(action), user=user, data={"file": job.filename, **counts, **data})


def _locked(job):
    return ImportJob.objects.select_for_update().get(pk=job.pk if isinstance(job, ImportJob) else job)


def _require_state(job, allowed):
    if job.state not in allowed:
        raise JobRefused(
            _("This import is “%(state)s”: that is no longer possible.") % {"state": job.get_state_display()}
        )


def _drop_file(job):
    ImportUpload.objects.filter(job=job).delete()


@transaction.atomic
def record_preview(catalogue, user, file, preview, total_rows):
    """The dry run of an uploaded file: the job that keeps the file until it is confirmed or discarded."""
    job = ImportJob.objects.create(
        agency=agency_of(catalogue),
        catalogue=catalogue,
        user=user,
        filename=file.name,
        file_format=file.file_format,
        size=len(file.content),
        total_rows=total_rows,
        preview=preview,
    )
    ImportUpload.objects.create(job=job, content=file.content)
    _log(job, "previewed", user)
    return job


@transaction.atomic
def confirm(job, actor):
    job = _locked(job)
    _require_state(job, (S.PREVIEWED,))
    if not ImportUpload.objects.filter(job=job).exists() or job.catalogue_id is None:
        raise JobRefused(_("The file of this import is no longer kept: upload it again."))
    if not job.confirmable:
        raise JobRefused(_("The dry run found no row to import: correct the file and upload it again."))
    job.state = S.QUEUED
    job.rows_done = 0
    job.confirmed_by = actor
    job.progress_at = timezone.now()
    job.save(update_fields=["state", "rows_done", "confirmed_by", "progress_at"])
    _log(job, "queued", actor)
    job_queued.send(sender=ImportJob, job=job)
    return job


@transaction.atomic
def discard(job, actor):
    job = _locked(job)
    _require_state(job, (S.PREVIEWED,))
    job.state = S.DISCARDED
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "finished_at"])
    _drop_file(job)
    _log(job, "discarded", actor)
    return job


@transaction.atomic
def start(job_id):
    """The worker takes a queued job; None if it is not queued (a message delivered twice)."""
    job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.state != S.QUEUED:
        return None
    job.state = S.RUNNING
    job.started_at = job.progress_at = timezone.now()
    job.save(update_fields=["state", "started_at", "progress_at"])
    _log(job, "started")
    return job


@transaction.atomic
def finish(job, result):
    job = _locked(job)
    _require_state(job, (S.RUNNING,))
    job.state = S.FINISHED
    job.result = result
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "result", "finished_at"])
    _drop_file(job)
    _log(job, "finished")
    return job


@transaction.atomic
def fail(job, reason, result=None):
    """The import stopped: what it wrote before stays (each batch is committed); running it again updates it."""
    job = _locked(job)
    _require_state(job, (S.QUEUED, S.RUNNING))
    job.state = S.FAILED
    job.failure = reason
    job.result = result or {}
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "failure", "result", "finished_at"])
    _drop_file(job)
    _log(job, "failed", reason=reason)
    return job


def discard_stale(now=None):
    """Drop the files of previews left unconfirmed for longer than ``PREVIEW_KEPT_FOR``.

    One confirmed meanwhile (by someone else, in another request) is left to its import.
    """
    cutoff = (now or timezone.now()) - PREVIEW_KEPT_FOR
    stale = ImportJob.objects.filter(state=S.PREVIEWED, created_at__lt=cutoff)
    for job in stale:
        try:
            discard(job, None)
        except JobRefused:
            continue


def fail_stalled(now=None):
    """Fail the jobs in progress that have not moved for IMPORT_STALLED_MINUTES: their worker died.

    Otherwise they would stay queued or running for ever, their page polling and their file kept.
    What such an import wrote stays; uploading the file again updates it rather than duplicating it.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(minutes=conf.get("IMPORT_STALLED_MINUTES"))
    stalled = ImportJob.objects.filter(state__in=IN_PROGRESS).filter(
        Q(progress_at__lt=cutoff) | Q(progress_at__isnull=True, created_at__lt=cutoff)
    )
    failed = 0
    for job in stalled:
        try:
            fail(
                job,
                _(
                    "The import stopped without finishing (the background worker did not respond): upload the file again."
                ),
            )
        except JobRefused:
            continue  # it finished or failed meanwhile
        logger.warning("Catalogue import %s stalled in state %s and was marked failed", job.pk, job.state)
        failed += 1
    return failed
