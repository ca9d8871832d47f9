from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..screening.page_form import ScreenedPageForm
from ..visibility import PublicPageMixin


class DisclosureGuidePage(PublicPageMixin, Page):
    """公开指南 with the contents Art 12 requires; its last update is shown to readers."""

    base_form_class = ScreenedPageForm

    classification = RichTextField(
        _("classification and arrangement (分类、编排体系)"),
        help_text=_("How the catalogue is classified and arranged."),
    )
    proactive_disclosure = RichTextField(_("how to obtain proactively disclosed information"))
    application_procedure = RichTextField(_("how to apply for information (依申请公开)"))
    remedies = RichTextField(_("supervision and remedies"), blank=True)
    office_name = models.CharField(_("office handling disclosure"), max_length=100)
    address = models.CharField(_("office address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200)
    phone = models.CharField(_("phone"), max_length=50)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    web_contact = models.URLField(_("online contact"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("classification"),
        FieldPanel("proactive_disclosure"),
        FieldPanel("application_procedure"),
        FieldPanel("remedies"),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldPanel("office_hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("web_contact")]),
            ],
            heading=_("Office"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("classification"),
        index.SearchField("proactive_disclosure"),
        index.SearchField("application_procedure"),
    ]
    parent_page_types = ["disclosure.AgencyPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("disclosure guide")
        verbose_name_plural = _("disclosure guides")

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at
