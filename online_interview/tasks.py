"""Background jobs of online interviews, scheduled by Celery beat (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from .follow_ups.reminders import send_follow_up_reminders
from .lifecycle.transitions import advance


@shared_task(name="online_interview.tasks.advance_sessions")
def advance_sessions():
    """Turn sessions live at their start and close them at their end (补录 tasks included)."""
    return advance()


@shared_task(name="online_interview.tasks.remind_follow_ups")
def remind_follow_ups():
    """E-mail hosting agencies about 补录 answers due within two days or overdue."""
    return send_follow_up_reminders()
