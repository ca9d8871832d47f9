"""The annual report's deadlines (Art 49–50) and where each agency stands against them.

Every agency publishes its report on the year before by 31 January; each people's government
(``AgencyPage.Kind.GOVERNMENT``) also publishes the whole government's (本级政府) by 31 March. Both
dates are settings (``REPORT_AGENCY_DEADLINE``, ``REPORT_GOVERNMENT_DEADLINE``), since local rules
may differ. A deadline is the calendar date itself: the Regulations fix a date (“1月31日前”), not a
period of working days, so one falling on a weekend or a holiday does not move.

A report is done once it is published, or imported (published before Gongkai). Until then it is
overdue from the day after its deadline, due soon within ``REPORT_DUE_SOON_DAYS`` days of it, else
on time — whether it is not started yet, a draft, or submitted and waiting for the 三审 review: the
statute asks for publication, not for a draft. The dashboard panel and the daily reminders both
read it from here; nothing else decides whether a report is late.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import conf
from ..agencies.models import AgencyPage
from . import aggregate
from .choices import DueStatus, ReportLevel, ReportState
from .models import AnnualReport

DEADLINE_SETTINGS = {
    ReportLevel.AGENCY: "REPORT_AGENCY_DEADLINE",
    ReportLevel.GOVERNMENT: "REPORT_GOVERNMENT_DEADLINE",
}
#: A report in one of these states has been published: nothing is owed any more.
DONE_STATES = (ReportState.PUBLISHED, ReportState.IMPORTED)
#: The most urgent first: the order of the dashboard's rows and counts.
URGENCY = (DueStatus.OVERDUE, DueStatus.DUE_SOON, DueStatus.ON_TIME, DueStatus.DONE)


def current_date():
    """Today in the site's time zone (Asia/Shanghai), whatever zone a request is served in."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def reporting_year(today):
    """The year whose reports are the current concern on ``today``: the year before.

    From January to March its reports are being written and published; later in the year it is
    still the most recent year reported on (the current one is not over), and a report not
    published by then stays overdue until it is.
    """
    return today.year - 1


def _invalid(key, value, expected):
    return ImproperlyConfigured(
        _("The setting GONGKAI_DISCLOSURE[%(key)s] must be %(expected)s; it is “%(value)s”.")
        % {"key": key, "expected": expected, "value": value}
    )


def _month_day(key):
    value = conf.get(key)
    try:
        month, day = (int(part) for part in str(value).strip().split("-"))
        datetime.date(2001, month, day)  # not a leap year: a deadline must exist every year
    except ValueError:
        raise _invalid(key, value, _("a date as MM-DD, e.g. 01-31")) from None
    return month, day


def due_date(year, level=ReportLevel.AGENCY):
    """The last day to publish the report of ``level`` on ``year``."""
    month, day = _month_day(DEADLINE_SETTINGS[ReportLevel(level)])
    return datetime.date(year + 1, month, day)


def due_soon_days():
    value = conf.get("REPORT_DUE_SOON_DAYS")
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = -1
    if days < 0:
        raise _invalid("REPORT_DUE_SOON_DAYS", value, _("a number of days, e.g. 14"))
    return days


def check_settings():
    """Raise ``ImproperlyConfigured`` naming the first deadline setting that cannot be read."""
    for level in DEADLINE_SETTINGS:
        due_date(2001, level)
    due_soon_days()


def levels_owed(agency):
    """Every agency reports on its own work; only a people's government also for the whole government."""
    if agency.kind == AgencyPage.Kind.GOVERNMENT:
        return [ReportLevel.AGENCY, ReportLevel.GOVERNMENT]
    return [ReportLevel.AGENCY]


def due_dates(agency, year):
    """{level: deadline} of the reports ``agency`` owes on ``year``."""
    return {level: due_date(year, level) for level in levels_owed(agency)}


def due_status(due, report, today, soon_days=None):
    """Where a report (or ``None``: not started) stands on ``today`` against its deadline ``due``."""
    if report is not None and report.state in DONE_STATES:
        return DueStatus.DONE
    if today > due:
        return DueStatus.OVERDUE
    if (due - today).days <= (due_soon_days() if soon_days is None else soon_days):
        return DueStatus.DUE_SOON
    return DueStatus.ON_TIME


@dataclass
class ReportStanding:
    """One report an agency owes for a year, at one level: its deadline, the report if started, its status."""

    agency: AgencyPage
    year: int
    level: str
    due: datetime.date
    report: AnnualReport | None
    status: str
    today: datetime.date
    #: For a whole-government report not yet published: the members still without a report of their own.
    missing: list = field(default_factory=list)

    @property
    def days_left(self):
        """Calendar days to the deadline; negative once it has passed."""
        return (self.due - self.today).days

    @property
    def submitted(self):
        """The editors have done their part: the report is in review, published or imported."""
        return self.report is not None and self.report.state != ReportState.DRAFT

    @property
    def level_label(self):
        return ReportLevel(self.level).label

    @property
    def state_label(self):
        return self.report.get_state_display() if self.report is not None else _("Not started")

    @property
    def status_label(self):
        return DueStatus(self.status).label

    @cached_property
    def published_on(self):
        if self.report is None or self.report.published_at is None:
            return None
        return timezone.localdate(self.report.published_at, timezone.get_default_timezone())

    def timing(self):
        """A short phrase for the row and the e-mail: how far the deadline is, or how late the report is."""
        if self.status == DueStatus.DONE:
            if self.published_on is not None and self.published_on > self.due:
                late = (self.published_on - self.due).days
                return ngettext("published %(n)d day late", "published %(n)d days late", late) % {"n": late}
            return ""
        if self.days_left < 0:
            late = -self.days_left
            return ngettext("%(n)d day overdue", "%(n)d days overdue", late) % {"n": late}
        if self.days_left == 0:
            return _("due today")
        return ngettext("%(n)d day left", "%(n)d days left", self.days_left) % {"n": self.days_left}


def by_urgency(standing):
    """Sort key: the most urgent status first, then the earliest deadline, then by agency."""
    return (URGENCY.index(standing.status), standing.due, standing.agency.title, standing.level)


def standings(year, agencies=None, today=None):
    """Every report owed on ``year`` by ``agencies`` (default: every agency), most urgent first.

    Only live agencies owe one: an agency taken offline (merged, abolished) or not yet set up
    publishes nothing. A few queries whatever the number of agencies, plus one per government.
    """
    today = today or current_date()
    soon = due_soon_days()
    dates = {level: due_date(year, level) for level in DEADLINE_SETTINGS}
    agencies = (AgencyPage.objects.all() if agencies is None else agencies).live().order_by("title")
    reports = {
        (report.agency_id, report.level): report
        for report in AnnualReport.objects.filter(year=year, agency__in=agencies.values("pk"))
    }
    found = []
    for agency in agencies:
        for level in levels_owed(agency):
            report = reports.get((agency.pk, level))
            due = dates[level]
            found.append(ReportStanding(agency, year, level, due, report, due_status(due, report, today, soon), today))
    waiting = [s for s in found if s.level == ReportLevel.GOVERNMENT and s.status != DueStatus.DONE]
    if waiting:
        reported = set(
            AnnualReport.objects.filter(year=year, level=ReportLevel.AGENCY).values_list("agency_id", flat=True)
        )
        for standing in waiting:
            standing.missing = [a for a in aggregate.member_agencies(standing.agency) if a.pk not in reported]
    return sorted(found, key=by_urgency)


def counts(found):
    """[(status, label, number)] in order of urgency, every status listed (zero included)."""
    tally = Counter(standing.status for standing in found)
    return [(status, DueStatus(status).label, tally[status]) for status in URGENCY]
