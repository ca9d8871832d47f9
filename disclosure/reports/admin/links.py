"""Where the dashboard and the reminders send an editor for a report: one place to change.

The report screens are registered as ``disclosure_reports:edit`` (one report) and
``disclosure_reports:index`` (the list, where a report is started). Until they are installed no
link is drawn, and the panel and the e-mails still work.
"""

from django.urls import NoReverseMatch, reverse


def report_url(report):
    """The admin screen of ``report``; with no report yet, the list where one is started; else ``None``."""
    try:
        if report is None:
            return reverse("disclosure_reports:index")
        return reverse("disclosure_reports:edit", args=[report.pk])
    except NoReverseMatch:
        return None
