from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from disclosure import conf
from disclosure.api import PublicPageMixin, ScreenedPageForm, public_pages, public_pages_by_parent
from disclosure.models import AgencyPage, AnnouncementPage, CatalogueIndexPage, DisclosureGuidePage, RequestFormPage


class HomePage(PublicPageMixin, Page):
    """The portal's front page: latest announcements, every agency's catalogue, the search box."""

    base_form_class = ScreenedPageForm

    intro = RichTextField(_("introduction"), blank=True)
    search_placeholder = models.CharField(_("search box hint"), max_length=100, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("search_placeholder")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["disclosure.AgencyIndexPage", "disclosure.AnnouncementIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = public_pages(AnnouncementPage.objects.descendant_of(self))
        context["announcements"] = announcements.order_by("-pinned", "-date")[: conf.get("HOME_ANNOUNCEMENT_COUNT")]
        agencies = public_pages(AgencyPage.objects.descendant_of(self)).order_by("path")
        catalogues, guides, applications = (
            public_pages_by_parent(model.objects.descendant_of(self))
            for model in (CatalogueIndexPage, DisclosureGuidePage, RequestFormPage)
        )
        context["agency_entries"] = [
            (agency, catalogues.get(agency.path), guides.get(agency.path), applications.get(agency.path))
            for agency in agencies
        ]
        return context
