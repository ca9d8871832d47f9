"""The dashboard panel of the desk: what is overdue, due this week and paused in the user's agencies;
for those who approve extensions, the proposals waiting for them; for superusers and leaders, the
overdue count per agency (the figure a 督查 asks for first); for handlers, the information many
people applied for in the last year (Art 44, see ``topics``); for everyone, a calendar that stops
too early to compute deadlines (``calendar_gap``)."""

from django.db.models import Count, Q
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from ...agencies.models import AgencyRole
from ..choices import OPEN_STATES, RequestState
from ..models import DisclosureRequest
from ..permissions import agencies_for
from . import due, topics
from .calendar_gap import calendar_gap
from .filters import EXTENSION_PROPOSED
from .views import TEMPLATES, url

ROWS = 8


class RequestDeskPanel(Component):
    name = "gongkai_request_desk"
    order = 80
    template_name = TEMPLATES + "panel.html"

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.agencies = agencies_for(request.user)

    def _section(self, queryset, status, today, risk_limit):
        rows = list(due.queue_order(queryset.select_related("agency", "handler"))[:ROWS])
        return {
            "status": status,
            "label": dict(due.FILTER_CHOICES)[status],
            "rows": due.annotate_rows(rows, today, risk_limit),
            "count": queryset.count(),
            "url": f"{url('index')}?due={status}",
        }

    def extensions(self):
        """Proposed extensions in the agencies where the user may approve them (``can_approve_extension``)."""
        if not self.user.has_perm("disclosure.approve_extension"):
            return None
        queryset = DisclosureRequest.objects.filter(
            agency__in=self.agencies, state__in=OPEN_STATES, proposed_extension_working_days__gt=0
        )
        rows = list(due.queue_order(queryset.select_related("agency", "handler"))[:ROWS])
        return {
            "status": "extensions",
            "label": _("Extensions awaiting approval"),
            "rows": due.annotate_rows(rows),
            "count": queryset.count(),
            "url": f"{url('index')}?extension={EXTENSION_PROPOSED}",
        }

    def per_agency(self, today):
        if not (self.user.is_superuser or agencies_for(self.user, (AgencyRole.LEADER,)).exists()):
            return None
        running = Q(disclosure_requests__state__in=due.running_states())
        return (
            self.agencies.annotate(
                open_count=Count("disclosure_requests", filter=Q(disclosure_requests__state__in=OPEN_STATES)),
                overdue_count=Count("disclosure_requests", filter=running & Q(disclosure_requests__due_date__lt=today)),
            )
            .filter(open_count__gt=0)
            .order_by("-overdue_count", "title")
        )

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        risk_limit = due.clock.at_risk_limit(today)
        requests = DisclosureRequest.objects.filter(agency__in=self.agencies)
        return {
            "sections": [
                self._section(due.filter_due(requests, status, today, risk_limit), status, today, risk_limit)
                for status in (due.DueStatus.OVERDUE, due.THIS_WEEK, due.DueStatus.PAUSED)
            ],
            "extensions": self.extensions(),
            "calendar_gap": calendar_gap(requests, today),
            "unconfirmed": requests.filter(state=RequestState.SUBMITTED).count(),
            "unconfirmed_url": f"{url('index')}?state={RequestState.SUBMITTED}",
            "per_agency": self.per_agency(today),
            "popular_topics": topics.popular_topics_for(self.user, today),
        }

    def render_html(self, parent_context=None):
        if not self.agencies.exists():
            return ""
        # Rendered with the request: the Art 44 buttons are forms and need their CSRF token.
        return get_template(self.template_name).render(self.get_context_data(parent_context), self.request)
