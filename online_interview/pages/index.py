import calendar
import datetime

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from disclosure.api import PublicPageMixin, ScreenedPageForm, public_pages

from .column_filters import FIRST_YEAR, LAST_YEAR, ColumnFilterForm
from .interview import InterviewPage

PAST_PAGE_SIZE = 10


class InterviewIndexPage(RoutablePageMixin, PublicPageMixin, Page):
    """在线访谈: sessions live now, upcoming ones, the archive, a month calendar and an ICS feed."""

    base_form_class = ScreenedPageForm

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["disclosure.AgencyPage"]
    subpage_types = ["online_interview.InterviewPage"]

    class Meta:
        verbose_name = _("online interview column")
        verbose_name_plural = _("online interview columns")

    def sessions(self):
        return public_pages(InterviewPage.objects.child_of(self))

    def upcoming(self, now):
        return self.sessions().filter(cancelled=False, start_at__gt=now).order_by("start_at")

    def live_now(self, now):
        return self.sessions().filter(cancelled=False, start_at__lte=now, end_at__gt=now).order_by("start_at")

    def past(self, now):
        ended = models.Q(end_at__lte=now) | models.Q(cancelled=True, start_at__lte=now)
        return self.sessions().filter(ended).order_by("-start_at")

    def cancelled_upcoming(self, now):
        return self.sessions().filter(cancelled=True, start_at__gt=now).order_by("start_at")

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The column, for a month of the calendar and a page of the archive it can show; a 400 otherwise."""
        filters = ColumnFilterForm(request.GET)
        if not filters.is_valid():
            return render(request, "bad_request.html", {"page": self, "parameter_errors": filters.errors}, status=400)
        return super().index_route(request, *args, filters=filters.cleaned_data, **kwargs)

    def get_context(self, request, *args, filters=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = filters or {}
        now = timezone.now()
        context["live_now"] = self.live_now(now)
        context["upcoming"] = self.upcoming(now)
        context["cancelled_upcoming"] = self.cancelled_upcoming(now)
        context["past_page"] = Paginator(self.past(now), PAST_PAGE_SIZE).get_page(filters.get("page"))
        context["month"] = self.month_calendar(filters.get("month"), now)
        return context

    def month_calendar(self, first, now):
        """Weeks of (date, sessions that day) for the month starting ``first``, this month if None.

        ``previous`` and ``next`` (YYYY-MM) are None at the ends of the calendar's span.
        """
        today = timezone.localdate(now)
        first = first or today.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        by_day = {}
        for session in self.sessions().filter(start_at__date__gte=first, start_at__date__lte=last).order_by("start_at"):
            by_day.setdefault(timezone.localdate(session.start_at), []).append(session)
        weeks = [
            [(day, by_day.get(day, []), day.month == first.month) for day in week]
            for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
        ]
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = last + datetime.timedelta(days=1)
        return {
            "first": first,
            "weeks": weeks,
            "today": today,
            "previous": f"{previous:%Y-%m}" if previous.year >= FIRST_YEAR else None,
            "next": f"{following:%Y-%m}" if following.year <= LAST_YEAR else None,
            "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        }

    @path("ics/", name="ics")
    def ics(self, request):
        from ..ics import calendar_response

        return calendar_response(list(self.upcoming(timezone.now())), request, filename="interviews.ics")
