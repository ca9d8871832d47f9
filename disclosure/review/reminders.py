"""Daily reminders to reviewers about steps that have waited too long."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .queue import waiting_too_long


def reviewers_of(task):
    groups = getattr(task, "groups", None)
    if groups is None:
        return []
    return get_user_model().objects.filter(groups__in=groups.all(), is_active=True).exclude(email="").distinct()


def send_review_reminders():
    """One e-mail per reviewer listing every flagged step they can act on; returns how many were sent."""
    pending = defaultdict(list)
    for entry in waiting_too_long():
        for user in reviewers_of(entry.task_state.task.specific):
            pending[user].append(entry)
    with translation.override(settings.LANGUAGE_CODE):
        for user, entries in pending.items():
            lines = [
                _("%(title)s — %(step)s, waiting %(days)d working days: %(url)s")
                % {
                    "title": entry.task_state.revision.object_str if entry.task_state.revision_id else entry.page,
                    "step": entry.task_state.task.name,
                    "days": entry.waited,
                    "url": settings.WAGTAILADMIN_BASE_URL
                    + reverse("wagtailadmin_pages:edit", args=[entry.task_state.workflow_state.object_id]),
                }
                for entry in entries
            ]
            send_mail(
                _("%(n)d items are waiting for your review") % {"n": len(entries)},
                "\n".join(lines),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
    return len(pending)
