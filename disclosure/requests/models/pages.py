"""The agency's application page (依申请公开): the form, the receipt and the status look-up live under it.

The page declares its fields and routes; each route is a view in ``public_views``. It is not
re-exported by ``requests.models`` (``disclosure.models`` imports it from here): the views use the
desk's models, and the page imports the views, so importing it with them would make a cycle.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ...agencies.models import agency_of
from ...screening.page_form import ScreenedPageForm
from ...visibility import PublicPageMixin
from .. import public_views


class RequestFormPage(RoutablePageMixin, PublicPageMixin, Page):
    base_form_class = ScreenedPageForm
    template = "disclosure/requests/form_page.html"

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

    @cached_property
    def agency(self):
        return agency_of(self)

    @path("", name="form")
    def application_form(self, request):
        return public_views.application_form(request, self)

    @path("suggest/", name="suggest")
    def suggest(self, request):
        return public_views.suggest(request, self)

    @path("receipt/", name="receipt")
    def receipt(self, request):
        return public_views.receipt(request, self)

    @path("status/", name="status")
    def status(self, request):
        return public_views.status(request, self)

    @path("status/notices/<int:notice_id>/<str:file_format>/", name="notice_file")
    def notice_file(self, request, notice_id, file_format):
        return public_views.notice_file(request, self, notice_id, file_format)

    @path("status/files/<int:file_id>/", name="released_file")
    def released_file(self, request, file_id):
        return public_views.released_file(request, self, file_id)
