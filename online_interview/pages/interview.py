from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from disclosure.api import PublicPageMixin

from .. import conf
from ..status import InterviewStatus, accepts_questions, status_at
from .form import InterviewPageForm


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
        return InterviewStatus(self.status()).label

    def get_context(self, request, *args, **kwargs):
        from ..live.public import public_view_of

        context = super().get_context(request, *args, **kwargs)
        context.update(public_view_of(self))
        context["poll_seconds"] = conf.get("POLL_SECONDS")
        context["now"] = timezone.now()
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        from ..ics import calendar_response

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
