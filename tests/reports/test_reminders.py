"""Reminders to an agency's editors while its annual report is due soon or overdue and not submitted:
once a day per agency, on working days only; a government's editors also hear which members lag."""

import pytest
from django.conf import settings
from django.core import mail

from disclosure.agencies.models import AgencyRole
from disclosure.reports import reminders
from disclosure.reports.choices import ReminderKind, ReportLevel, ReportState
from disclosure.reports.models import ReportReminder
from disclosure.tasks import remind_report_deadlines
from tests.factories import make_user
from tests.requests.helpers import day

from . import county as county_module

pytestmark = pytest.mark.django_db

#: A Tuesday, 11 days before 31 January 2026.
TUESDAY = day("2026-01-20")


@pytest.fixture
def county(db):
    found = county_module.build()
    county_module.editor(found.education, "edu_no_mail", email=False)
    leader = make_user("edu_leader", agency=found.education, role=AgencyRole.LEADER, email="leader@example.gov.cn")
    assert leader.email
    return found


def addressees():
    return sorted(address for message in mail.outbox for address in message.to)


def mail_to(address):
    (message,) = [message for message in mail.outbox if address in message.to]
    return message


def test_the_editors_of_reports_due_soon_and_not_submitted_are_reminded(county):
    assert reminders.send_report_reminders(today=TUESDAY) == 2
    # Not the hospital (submitted), the government or the finance bureau (published, imported),
    # nor the leader or the editor without an address.
    assert addressees() == ["edu_editor@example.gov.cn", "town_editor@example.gov.cn"]
    message = mail_to("edu_editor@example.gov.cn")
    assert "青溪县教育局" in message.body and "2026-01-31" in message.body
    assert "草稿" in message.body and "2025" in message.subject  # the report's state, as the editor sees it
    assert "城关镇" not in message.body
    assert "青溪县城关镇人民政府" in mail_to("town_editor@example.gov.cn").body


def test_each_agency_is_reminded_once_a_day_and_what_was_sent_is_recorded(county):
    assert reminders.send_report_reminders(today=TUESDAY) == 2
    assert reminders.send_report_reminders(today=TUESDAY) == 0
    assert len(mail.outbox) == 2
    assert set(ReportReminder.objects.values_list("agency__short_name", "year", "level", "kind", "sent_on")) == {
        ("县教育局", 2025, ReportLevel.AGENCY, ReminderKind.DUE_SOON, TUESDAY),
        ("城关镇", 2025, ReportLevel.AGENCY, ReminderKind.DUE_SOON, TUESDAY),
    }
    assert reminders.send_report_reminders(today=day("2026-01-21")) == 2
    assert len(mail.outbox) == 4


def test_nothing_is_sent_on_a_day_off_but_on_an_adjusted_working_saturday(county):
    assert reminders.send_report_reminders(today=day("2026-01-24")) == 0  # a Saturday
    assert reminders.send_report_reminders(today=day("2026-02-16")) == 0  # Spring Festival
    assert not mail.outbox and not ReportReminder.objects.exists()
    assert reminders.send_report_reminders(today=day("2026-02-14")) == 2  # a Saturday worked for the festival


def test_nothing_is_sent_long_before_the_deadline(county):
    assert reminders.send_report_reminders(today=day("2026-01-05")) == 0  # 26 days left


def test_an_overdue_report_is_reminded_until_it_is_submitted(county):
    assert reminders.send_report_reminders(today=day("2026-02-02")) == 2
    message = mail_to("edu_editor@example.gov.cn")
    assert "2026-01-31" in message.body and "2" in message.subject
    assert ReportReminder.objects.get(agency=county.education).kind == ReminderKind.OVERDUE

    county.reports.education.state = ReportState.SUBMITTED
    county.reports.education.save()
    mail.outbox.clear()
    assert reminders.send_report_reminders(today=day("2026-02-03")) == 1
    assert addressees() == ["town_editor@example.gov.cn"]


def test_a_governments_editors_hear_which_members_still_have_no_report(county):
    assert reminders.send_report_reminders(today=day("2026-03-20")) == 3
    message = mail_to("gov_editor@example.gov.cn")
    assert "青溪县人民政府" in message.body and "2026-03-31" in message.body
    assert "本级政府" in message.body  # the whole-government report, the one still owed
    (missing,) = [line for line in message.body.splitlines() if "城关镇" in line]
    assert "县教育局" not in missing and "县医院" not in missing
    assert ReportReminder.objects.get(agency=county.government).level == ReportLevel.GOVERNMENT


def test_an_agency_with_no_editor_to_tell_is_tried_again_the_next_day(county):
    county.editors.town.email = ""
    county.editors.town.save()
    assert reminders.send_report_reminders(today=TUESDAY) == 1
    assert not ReportReminder.objects.filter(agency=county.town).exists()


def test_the_e_mail_links_to_the_report_or_where_one_is_started(settings, county):
    settings.ROOT_URLCONF = "tests.reports.report_urls"
    reminders.send_report_reminders(today=TUESDAY)
    education = mail_to("edu_editor@example.gov.cn").body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/reports/{county.reports.education.pk}/" in education
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/reports/\n" in mail_to("town_editor@example.gov.cn").body


def test_without_the_report_screens_the_e_mail_goes_out_without_a_link(settings, county):
    settings.ROOT_URLCONF = "tests.reports.no_report_urls"
    assert reminders.send_report_reminders(today=TUESDAY) == 2
    assert "/admin/reports/" not in mail_to("edu_editor@example.gov.cn").body


def test_the_task_is_scheduled_every_morning():
    assert remind_report_deadlines.name == "disclosure.tasks.remind_report_deadlines"
    entry = settings.CELERY_BEAT_SCHEDULE["remind-report-deadlines"]
    assert entry["task"] == "disclosure.tasks.remind_report_deadlines"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({8}, {45})
