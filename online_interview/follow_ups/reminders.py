"""Daily reminders to the hosting agencies about 补录 answers that are due soon or overdue."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from disclosure.api import AgencyRole, agency_of, groups_of

from .scheduling import open_follow_ups

REMIND_DAYS_AHEAD = 2


def _recipients(interview):
    agencies = list(interview.hosting_agencies.all()) or [a for a in [agency_of(interview)] if a]
    groups = [
        group
        for agency in agencies
        for role in (AgencyRole.EDITOR, AgencyRole.LEADER)
        for group in groups_of(agency, role)
    ]
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="").distinct()
    return sorted(users.values_list("email", flat=True))


def send_follow_up_reminders(today=None):
    """One e-mail per session with open 补录 questions due within two days or overdue; once a day."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REMIND_DAYS_AHEAD)
    due = open_follow_ups().filter(due_on__lte=horizon).exclude(reminded_on=today)
    by_interview = defaultdict(list)
    for follow_up in due:
        by_interview[follow_up.question.interview].append(follow_up)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for interview, follow_ups in by_interview.items():
            recipients = _recipients(interview)
            if recipients:
                lines = [
                    _("%(receipt)s (due %(due)s%(overdue)s): %(question)s")
                    % {
                        "receipt": f.question.receipt,
                        "due": f"{f.due_on:%Y-%m-%d}",
                        "overdue": _(", overdue") if f.is_overdue(today) else "",
                        "question": f.question.shown_text[:80],
                    }
                    for f in follow_ups
                ]
                send_mail(
                    _("Online interview “%(title)s”: %(n)d questions await a follow-up answer (补录)")
                    % {"title": interview.title, "n": len(follow_ups)},
                    "\n".join(lines),
                    None,
                    recipients,
                )
                sent += 1
            for follow_up in follow_ups:
                follow_up.reminded_on = today
            type(follow_ups[0]).objects.bulk_update(follow_ups, ["reminded_on"])
    return sent
