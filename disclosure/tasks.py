"""Background jobs of the disclosure app, scheduled by Celery beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.core.management import call_command

from .catalogue.imports import jobs as import_jobs
from .catalogue.imports import transitions as import_transitions
from .reports.reminders import send_report_reminders
from .requests import clock, retention
from .requests.reminders import send_request_reminders
from .review.reminders import send_review_reminders


@shared_task(name="disclosure.tasks.publish_scheduled_content")
def publish_scheduled_content():
    """Publish revisions whose go_live_at has come and unpublish pages whose expire_at has passed.

    Wagtail logs each as ``wagtail.publish.scheduled`` / ``wagtail.unpublish.scheduled``.
    """
    call_command("publish_scheduled")


@shared_task(name="disclosure.tasks.remind_waiting_reviews")
def remind_waiting_reviews():
    """E-mail reviewers about review steps waiting longer than REVIEW_WAIT_WORKING_DAYS."""
    return send_review_reminders()


@shared_task(name="disclosure.tasks.recompute_request_deadlines")
def recompute_request_deadlines(reason=""):
    """After a change to the working-day calendar: every open request's due date, each move logged."""
    return clock.recompute_open(reason or "working-day calendar changed")


@shared_task(name="disclosure.tasks.remind_request_deadlines")
def remind_request_deadlines():
    """E-mail request handlers about stage deadlines within REQUEST_REMINDER_WORKING_DAYS (once a day)."""
    return send_request_reminders()


# Requests desk: retention of personal data (issue 16) -----------------------------------------


@shared_task(name="disclosure.tasks.purge_request_personal_data")
def purge_request_personal_data():
    """Daily: delete applicants' personal data REQUEST_RETENTION_YEARS after their request was archived."""
    return retention.purge_expired_personal_data()


# Annual reports: deadlines (issue 17) ------------------------------------------------------------


@shared_task(name="disclosure.tasks.remind_report_deadlines")
def remind_report_deadlines():
    """E-mail editors whose annual report is due within REPORT_DUE_SOON_DAYS or overdue (once a working day)."""
    return send_report_reminders()


# 导入目录: catalogue imports confirmed in the admin (issue 19) ----------------------------------------


# Not acks_late: a message delivered again finds its job running and does nothing (``transitions.start``),
# and one whose import kills the worker (a file too large for its memory) would kill every worker in turn.
# A job whose worker died is failed by ``fail_stalled_catalogue_imports`` instead; uploading the file
# again updates what the import wrote rather than duplicating it.
@shared_task(name="disclosure.tasks.run_catalogue_import")
def run_catalogue_import(job_id):
    """Import a confirmed job's file with the command's importer, its progress counted onto the job."""
    return import_jobs.run(job_id)


@shared_task(name="disclosure.tasks.fail_stalled_catalogue_imports")
def fail_stalled_catalogue_imports():
    """Every 10 minutes: imports queued or running without progress for IMPORT_STALLED_MINUTES are failed."""
    return import_transitions.fail_stalled()
