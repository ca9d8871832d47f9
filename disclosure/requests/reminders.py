"""Daily e-mails to each agency's request handlers about the stage deadlines that come within
``REQUEST_REMINDER_WORKING_DAYS`` working days (or have passed):

- the reply to the applicant (``due_date``) of a request whose clock runs;
- the end of the applicant's time to supplement (``applicant_due``);
- the consulted party's reply (``ClockPause.reply_due``, Art 32 and 34);
- the one-time 补正 notice, due within 7 working days of receipt (Art 30), while none was sent.

Each is selected in SQL by date (the Art 30 window through ``latest_start_for_deadline``), so the
run costs a few queries whatever the number of requests. A run marks the day in the cache
(``cache.add`` is atomic), so a second run the same day sends nothing.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import conf
from ..agencies.roles import members_with_email
from ..calendar.working_days import CalendarNotCovered, add_working_days, is_working_day, latest_start_for_deadline
from . import clock
from .admin import due
from .choices import EventKind, RequestState
from .models import ClockPause, DisclosureRequest
from .permissions import HANDLING_ROLES

S = RequestState
CACHE_KEY = "gongkai:requests:reminders:{day}"


@dataclass
class Reminder:
    request: DisclosureRequest
    stage: str
    due: datetime.date


def _horizon(today):
    n = conf.get("REQUEST_REMINDER_WORKING_DAYS")
    try:
        return add_working_days(today, n).end
    except CalendarNotCovered:
        return today + datetime.timedelta(days=n)


def _supplement_window(requests, today, horizon):
    """Art 30: received requests without a 补正 notice whose 7-working-day window ends by ``horizon``."""
    n = conf.get("REQUEST_SUPPLEMENT_NOTICE_WORKING_DAYS")
    try:
        latest = latest_start_for_deadline(horizon, n)
        already_past = latest_start_for_deadline(today - datetime.timedelta(days=1), n)
    except CalendarNotCovered:
        return []
    candidates = (
        requests.filter(state__in=(S.RECEIVED, S.IN_PROGRESS), received_on__gt=already_past, received_on__lte=latest)
        .exclude(events__kind=EventKind.SUPPLEMENT_REQUESTED)
        .distinct()
    )
    reminders = []
    for request in candidates:
        deadline = clock.supplement_notice_deadline(request)
        if deadline is not None:
            reminders.append(Reminder(request, _("Last day to ask for a supplement (补正, Art 30)"), deadline))
    return reminders


def due_reminders(today=None):
    """Every stage deadline within the reminder window, by agency id."""
    today = today or timezone.localdate()
    horizon = _horizon(today)
    requests = DisclosureRequest.objects.select_related("agency", "handler")
    reminders = [
        Reminder(request, _("Reply to the applicant due"), request.due_date)
        for request in requests.filter(state__in=due.running_states(), due_date__lte=horizon)
    ]
    reminders += [
        Reminder(request, _("Applicant's time to supplement ends"), request.applicant_due)
        for request in requests.filter(state=S.AWAITING_SUPPLEMENT, applicant_due__lte=horizon)
    ]
    pauses = ClockPause.objects.filter(
        ended_on=None,
        reply_due__lte=horizon,
        request__state__in=(S.CONSULTING_THIRD_PARTY, S.CONSULTING_AGENCY),
    ).select_related("request__agency", "request__handler")
    reminders += [
        Reminder(
            pause.request,
            _("Reply of the consulted party (%(party)s) due") % {"party": pause.party},
            pause.reply_due,
        )
        for pause in pauses
    ]
    reminders += _supplement_window(requests, today, horizon)
    by_agency = defaultdict(list)
    for reminder in sorted(reminders, key=lambda r: (r.due, r.request.number)):
        by_agency[reminder.request.agency_id].append(reminder)
    return by_agency


def _link(request):
    return settings.WAGTAILADMIN_BASE_URL + reverse("disclosure_requests:detail", args=[request.pk])


def _line(reminder, today):
    date = f"{reminder.due:%Y-%m-%d}"
    when = _("overdue since %(date)s") % {"date": date} if reminder.due < today else _("on %(date)s") % {"date": date}
    return f"{reminder.stage} {when} — {reminder.request.number} {_link(reminder.request)}"


def send_request_reminders(today=None):
    """One e-mail per handler listing the deadlines of their agencies' requests; once a working day.

    Returns the number of e-mails sent (0 on a day off, or when today's were already sent)."""
    today = today or timezone.localdate()
    if not is_working_day(today):
        return 0
    if not cache.add(CACHE_KEY.format(day=today.isoformat()), True, timeout=2 * 24 * 3600):
        return 0
    by_agency = due_reminders(today)
    if not by_agency:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user, agency_ids in members_with_email(by_agency, HANDLING_ROLES).items():
            reminders = sorted(
                (reminder for agency_id in agency_ids for reminder in by_agency[agency_id]),
                key=lambda r: (r.due, r.request.number),
            )
            send_mail(
                ngettext(
                    "%(n)d deadline of a request for disclosure is near",
                    "%(n)d deadlines of requests for disclosure are near",
                    len(reminders),
                )
                % {"n": len(reminders)},
                "\n".join(_line(reminder, today) for reminder in reminders),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
            sent += 1
    return sent
