"""The agency's application page (依申请公开): the form, the receipt and the status look-up live under it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page

from ...screening.page_form import ScreenedPageForm
from ...visibility import PublicPageMixin


class RequestFormPage(RoutablePageMixin, PublicPageMixin, Page):
    base_form_class = ScreenedPageForm

    intro = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("What can be asked for, how long it takes and what it costs; link the guide."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        help_text=_("Shown above the submit button: how the applicant's personal data is used and kept."),
    )
    office_contact = models.CharField(
        _("office contact"), max_length=200, blank=True, help_text=_("For example 县政府办公室 0578-1234567.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("office_contact"),
    ]
    parent_page_types = ["disclosure.AgencyPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("application for disclosure page")
        verbose_name_plural = _("application for disclosure pages")
