"""Dashboard panels: the reviewer's queue and the Art 26 publication monitor."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .. import conf
from ..admin.scoping import agencies_for_user
from ..catalogue.models import CatalogueItemPage
from . import deadlines
from .queue import review_queue

ROWS = 10


class ReviewQueuePanel(Component):
    name = "gongkai_review_queue"
    order = 90
    template_name = "disclosure/review/panels/review_queue.html"

    def __init__(self, request):
        self.entries = review_queue(request.user)

    def get_context_data(self, parent_context=None):
        entries = self.entries
        return {
            "entries": entries,
            "limit": conf.get("REVIEW_WAIT_WORKING_DAYS"),
            "flagged": sum(1 for entry in entries if entry.flagged),
        }

    def render_html(self, parent_context=None):
        if not self.entries:
            return ""
        return super().render_html(parent_context)


class PublicationDeadlinePanel(Component):
    name = "gongkai_publication_deadlines"
    order = 95
    template_name = "disclosure/review/panels/publication_deadlines.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        items = CatalogueItemPage.objects.filter(agency__in=agencies_for_user(self.request.user))
        context = {"period": deadlines.period(), "list_url": reverse("catalogue_items:index")}
        try:
            limits = deadlines.cutoffs()
        except deadlines.CalendarNotCovered as error:
            return {**context, "calendar_error": str(error)}
        overdue = deadlines.filter_items(items, deadlines.OVERDUE, limits).order_by("generated_date")
        at_risk = deadlines.filter_items(items, deadlines.AT_RISK, limits).order_by("generated_date")
        for name, queryset in (("overdue", overdue), ("at_risk", at_risk)):
            rows = list(queryset.select_related("agency")[:ROWS])
            for item in rows:
                item.deadline = deadlines.deadline_for(item.generated_date)
            context[name] = rows
            context[f"{name}_count"] = queryset.count()
        return context

    def render_html(self, parent_context=None):
        if not agencies_for_user(self.request.user).exists():
            return ""
        return super().render_html(parent_context)
