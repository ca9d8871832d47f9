"""Daily e-mails to an agency's editors about the annual report it owes (Art 49–50).

From ``REPORT_DUE_SOON_DAYS`` days before the deadline until the editors submit the report — and
every working day after the deadline while it is still not submitted — each editor with an
e-mail address gets one message listing their agencies' reports; a government's editors also get
the members still without a report of their own. What counts as due and late is ``deadlines``';
once submitted, the report is with its reviewers and the editors are left alone.

Like the request desk's reminders (``requests.reminders``), nothing is sent on days off, and the
recipients are found the same way (``agencies.roles.members_with_email``). Each agency is reminded
at most once a day: a ``ReportReminder`` row per report is claimed before sending (a unique
constraint settles two runs at once) and shows later who was told that a report was late.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..agencies.roles import members_with_email
from ..calendar.working_days import is_working_day
from . import deadlines
from .admin.links import report_url
from .choices import DueStatus, ReminderKind, ReportLevel
from .models import ReportReminder
from .permissions import WRITING_ROLES

KINDS = {DueStatus.DUE_SOON: ReminderKind.DUE_SOON, DueStatus.OVERDUE: ReminderKind.OVERDUE}


def due_reminders(today=None):
    """{agency id: [standing]}: the reporting year's reports due soon or overdue that are not submitted."""
    today = today or deadlines.current_date()
    found = defaultdict(list)
    for standing in deadlines.standings(deadlines.reporting_year(today), today=today):
        if standing.status in KINDS and not standing.submitted:
            found[standing.agency.pk].append(standing)
    return found


def _claim(agency_id, found, today, recipients):
    """Record today's reminder of ``agency_id``; False when another run already did."""
    try:
        with transaction.atomic():
            ReportReminder.objects.bulk_create(
                ReportReminder(
                    agency_id=agency_id,
                    year=standing.year,
                    level=standing.level,
                    kind=KINDS[standing.status],
                    sent_on=today,
                    recipients=recipients,
                )
                for standing in found
            )
    except IntegrityError:
        return False
    return True


def _lines(standing):
    lines = [
        _("%(agency)s — %(level)s on %(year)d: deadline %(date)s, %(timing)s; now: %(state)s.")
        % {
            "agency": standing.agency.title,
            "level": standing.level_label,
            "year": standing.year,
            "date": f"{standing.due:%Y-%m-%d}",
            "timing": standing.timing(),
            "state": standing.state_label,
        }
    ]
    if standing.missing:
        names = "、".join(agency.short_name or agency.title for agency in standing.missing)
        lines.append(_("Members without a report yet: %(names)s") % {"names": names})
    url = report_url(standing.report)
    if url:
        lines.append(settings.WAGTAILADMIN_BASE_URL + url)
    return lines


def _message(found):
    year = found[0].year
    overdue = sum(1 for standing in found if standing.status == DueStatus.OVERDUE)
    if overdue:
        subject = ngettext(
            "%(n)d annual report on %(year)d is overdue",
            "%(n)d annual reports on %(year)d are overdue",
            overdue,
        ) % {"n": overdue, "year": year}
    else:
        subject = ngettext(
            "%(n)d annual report on %(year)d is due soon",
            "%(n)d annual reports on %(year)d are due soon",
            len(found),
        ) % {"n": len(found), "year": year}
    blocks = ["\n".join(_lines(standing)) for standing in found]
    blocks.append(
        _(
            "Art 49–50: every agency publishes its annual report by %(agency_due)s; each people's government "
            "also publishes the whole government's by %(government_due)s. This reminder comes every working "
            "day until the report is submitted for review."
        )
        % {
            "agency_due": f"{deadlines.due_date(year, ReportLevel.AGENCY):%Y-%m-%d}",
            "government_due": f"{deadlines.due_date(year, ReportLevel.GOVERNMENT):%Y-%m-%d}",
        }
    )
    return subject, "\n\n".join(blocks)


def send_report_reminders(today=None):
    """One e-mail per editor listing their agencies' reports due soon or overdue; each agency at most
    once a day, never on a day off. Returns the number of e-mails sent."""
    today = today or deadlines.current_date()
    if not is_working_day(today):
        return 0
    by_agency = due_reminders(today)
    already = set(
        ReportReminder.objects.filter(sent_on=today, agency_id__in=list(by_agency)).values_list("agency_id", flat=True)
    )
    pending = {agency_id: found for agency_id, found in by_agency.items() if agency_id not in already}
    editors = members_with_email(list(pending), WRITING_ROLES)
    reached = Counter(agency_id for agency_ids in editors.values() for agency_id in agency_ids)
    # An agency nobody can be told about is not recorded: it is tried again the next day.
    claimed = {
        agency_id
        for agency_id, found in pending.items()
        if reached[agency_id] and _claim(agency_id, found, today, reached[agency_id])
    }
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user, agency_ids in editors.items():
            found = sorted(
                (standing for agency_id in agency_ids & claimed for standing in pending[agency_id]),
                key=deadlines.by_urgency,
            )
            if not found:
                continue
            subject, body = _message(found)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            sent += 1
    return sent
