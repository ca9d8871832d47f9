"""The dashboard panel of the annual reports: for the year reported on, every agency the user may read
(``permissions.readable_agencies`` — a government's staff see their members too), the state of each
report it owes, its deadline and where it stands (``deadlines``), the most urgent first."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from .. import deadlines
from ..choices import DueStatus, ReportLevel
from ..permissions import readable_agencies
from .links import report_url

#: Wagtail's own colour utilities (the admin's CSP allows no stylesheet of ours inline).
CLASSES = {
    DueStatus.OVERDUE: "w-bg-critical-50 w-text-critical-200",
    DueStatus.DUE_SOON: "w-bg-warning-50 w-text-warning-100",
    DueStatus.ON_TIME: "w-bg-info-50 w-text-info-125",
    DueStatus.DONE: "w-bg-positive-50 w-text-positive-100",
}


class ReportDeadlinePanel(Component):
    name = "gongkai_report_deadlines"
    order = 85
    template_name = "disclosure/reports/admin/deadlines_panel.html"

    def __init__(self, request, today=None):
        self.request = request
        self.today = today or deadlines.current_date()
        self.agencies = readable_agencies(request.user).live()

    def get_context_data(self, parent_context=None):
        year = deadlines.reporting_year(self.today)
        context = {"heading": _("Annual reports on %(year)d") % {"year": year}, "year": year}
        try:
            rows = deadlines.standings(year, self.agencies, self.today)
            context["agency_due"] = deadlines.due_date(year, ReportLevel.AGENCY)
            context["government_due"] = deadlines.due_date(year, ReportLevel.GOVERNMENT)
        except ImproperlyConfigured as error:
            return {**context, "settings_error": str(error)}
        for row in rows:
            row.url = report_url(row.report)
            row.classes = CLASSES[row.status]
        context["rows"] = rows
        context["counts"] = [
            {"status": status, "label": label, "count": count, "classes": CLASSES[status]}
            for status, label, count in deadlines.counts(rows)
        ]
        return context

    def render_html(self, parent_context=None):
        if not self.agencies.exists():
            return ""
        return super().render_html(parent_context)
