from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import conf
from ..screening.page_form import ScreenedPageForm
from ..visibility import PublicPageMixin, public_pages
from .forms import AnnouncementFilterForm


class AnnouncementCategory(models.TextChoices):
    NOTICE = "notice", _("Notices (通知公告)")
    NEWS = "news", _("Work updates (工作动态)")


class AnnouncementIndexPage(PublicPageMixin, Page):
    """A column of announcements: pinned first, newest next; expired ones disappear on time."""

    base_form_class = ScreenedPageForm

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "disclosure.AgencyPage"]
    subpage_types = ["disclosure.AnnouncementPage"]

    class Meta:
        verbose_name = _("announcement column")
        verbose_name_plural = _("announcement columns")

    def announcements(self, category=None):
        qs = public_pages(AnnouncementPage.objects.child_of(self))
        if category:
            qs = qs.filter(category=category)
        return qs.order_by("-pinned", "-date", "-pk")

    def serve(self, request, *args, **kwargs):
        filters = AnnouncementFilterForm(request.GET, categories=AnnouncementCategory.choices)
        if not filters.is_valid():
            return render(request, "bad_request.html", {"page": self, "parameter_errors": filters.errors}, status=400)
        return super().serve(request, *args, filters=filters.cleaned_data, **kwargs)

    def get_context(self, request, *args, filters=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = filters or {}
        category = filters.get("category") or None
        paginator = Paginator(self.announcements(category), conf.get("ANNOUNCEMENT_PAGE_SIZE"))
        context["page_obj"] = paginator.get_page(filters.get("page"))
        context["categories"] = AnnouncementCategory.choices
        context["current_category"] = category
        return context


class AnnouncementPage(PublicPageMixin, Page):
    base_form_class = ScreenedPageForm
    date = models.DateTimeField(_("date"), default=timezone.now)
    category = models.CharField(
        _("category"), max_length=10, choices=AnnouncementCategory.choices, default=AnnouncementCategory.NOTICE
    )
    pinned = models.BooleanField(_("pin to top"), default=False)
    source = models.CharField(_("source (来源)"), max_length=100, blank=True)
    body = RichTextField(_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("pinned")]), FieldPanel("source")]
        ),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("date"),
    ]
    parent_page_types = ["disclosure.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [models.Index(fields=["-pinned", "-date"], name="announcement_listing")]
