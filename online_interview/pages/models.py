"""The interview pages: the column (在线访谈) in an agency's subtree and its sessions.

The models declare fields, panels and routes; what a page shows is computed elsewhere
(``live/public.py`` for a session, ``month_calendar.py`` for the column's calendar).
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from disclosure.api import PublicPageMixin, ScreenedPageForm, public_pages

from .. import conf
from ..ics import calendar_response
from ..live.public import public_view_of
from ..status import accepts_questions, status_at
from .column_filters import ColumnFilterForm
from .form import InterviewPageForm
from .month_calendar import month_calendar

PAST_PAGE_SIZE = 10


class InterviewPage(RoutablePageMixin, PublicPageMixin, Page):
    """One session: its preview before, the live Q&A during, the transcript (实录) after."""

    summary = models.TextField(_("summary"))
    hosting_agencies = ParentalManyToManyField(
        "disclosure.AgencyPage", verbose_name=_("hosting agencies"), related_name="hosted_interviews", blank=True
    )
    host = models.CharField(_("host (主持人)"), max_length=50, blank=True)
    start_at = models.DateTimeField(_("starts at"))
    end_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    stream_url = models.URLField(_("video or stream address"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hold_guest_answers = models.BooleanField(
        _("hold guest answers for a reviewer (政策关)"),
        default=False,
        help_text=_("Guest answers posted in the live console appear only after a reviewer releases them."),
    )
    votes_enabled = models.BooleanField(_("visitors may vote for questions"), default=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    change_note = models.TextField(
        _("notice of a change"),
        blank=True,
        help_text=_("Shown on the page when the session is cancelled or moved."),
    )
    short_notice_reason = models.TextField(
        _("reason for a late preview"),
        blank=True,
        help_text=_("Needed when the preview goes public less than the required days before the start."),
    )

    base_form_class = InterviewPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
                FieldPanel("location"),
                FieldPanel("short_notice_reason"),
                FieldRowPanel([FieldPanel("cancelled"), FieldPanel("change_note")]),
            ],
            heading=_("Schedule"),
        ),
        FieldPanel("hosting_agencies", widget=forms.CheckboxSelectMultiple),
        FieldPanel("host"),
        InlinePanel("guests", heading=_("Guests"), label=_("guest"), min_num=1),
        FieldPanel("stream_url"),
        FieldPanel("cover_image"),
        InlinePanel("images", heading=_("Images"), label=_("image")),
        InlinePanel("related_items", heading=_("Background and policy documents"), label=_("document")),
        MultiFieldPanel(
            [FieldPanel("hold_guest_answers"), FieldPanel("votes_enabled")], heading=_("Questions and answers")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("start_at")]
    parent_page_types = ["online_interview.InterviewIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("online interview")
        verbose_name_plural = _("online interviews")

    def status(self, now=None):
        return status_at(self, now)

    def accepts_questions(self, now=None):
        return accepts_questions(self, now)

    @property
    def status_label(self):
        return self.status().label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(public_view_of(self))
        context["poll_seconds"] = conf.get("POLL_SECONDS")
        context["now"] = timezone.now()
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        return calendar_response([self], request, filename=f"interview-{self.pk}.ics")


class InterviewGuest(Orderable):
    interview = ParentalKey(InterviewPage, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=50)
    post = models.CharField(_("post"), max_length=100, blank=True)
    agency = models.CharField(_("agency"), max_length=100, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField(_("biography"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("post"), FieldPanel("agency")]),
        FieldPanel("photo"),
        FieldPanel("biography"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self):
        return "　".join(part for part in (self.agency, self.post, self.name) if part)


class InterviewImage(Orderable):
    interview = ParentalKey(InterviewPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class RelatedKind(models.TextChoices):
    BACKGROUND = "background", _("Background (背景资料)")
    POLICY = "policy", _("Policy document (政策文件)")


class InterviewRelatedItem(Orderable):
    interview = ParentalKey(InterviewPage, on_delete=models.CASCADE, related_name="related_items")
    page = models.ForeignKey(
        "disclosure.CatalogueItemPage",
        verbose_name=_("catalogue item"),
        on_delete=models.CASCADE,
        related_name="interview_mentions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RelatedKind.choices, default=RelatedKind.POLICY)

    panels = [FieldRowPanel([FieldPanel("page"), FieldPanel("kind")])]


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
        context["month"] = month_calendar(self.sessions(), filters.get("month"), now)
        context["month_asked"] = filters.get("month") is not None  # an empty month's page: noindex
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        """Upcoming sessions, and the cancelled ones as CANCELLED so that subscribed calendars show it."""
        now = timezone.now()
        sessions = self.sessions().filter(start_at__gt=now).order_by("start_at")
        return calendar_response(list(sessions), request, filename="interviews.ics")
