"""The published annual report page.

Declared here rather than in ``models`` (``disclosure.models`` imports it from here): its
download route renders the exports, which read the report's models, so importing it with
them would make a cycle — the same arrangement as the request form page.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from ..catalogue.models import CatalogueItemPage
from . import formats, layout, public_downloads
from .models import AnnualReport


class AnnualReportPage(RoutablePageMixin, CatalogueItemPage):
    """The published report: a catalogue item (索引号, 信息公开年报 category, the one visibility
    rule, search) whose body is the report in the national layout.

    It is created and updated only from the report's own screen when the report is submitted
    (``publication``), never by hand: the figures and sections are a snapshot taken then, kept
    in the page's revisions, so what the 三审 reviewers approve is exactly what is published,
    whatever is recomputed afterwards.
    """

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("annual report"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="pages",
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False, default=2021)
    format_version = models.CharField(_("format"), max_length=30, editable=False, default=formats.CURRENT)
    figures = models.JSONField(_("figures"), default=dict, editable=False)  # cell code -> "12" / "0.5" / None
    overview = RichTextField(_("一 Overview (总体情况)"), blank=True, editable=False)
    problems = RichTextField(
        _("五 Main problems and improvements (存在的主要问题及改进情况)"), blank=True, editable=False
    )
    other_matters = RichTextField(_("六 Other matters to report (其他需要报告的事项)"), blank=True, editable=False)

    template = "disclosure/annual_report_page.html"
    # The figures and sections are the submitted snapshot: they are edited on the report's own
    # screen (年度报告) and come here by submitting it; only the catalogue metadata is edited here.
    content_panels = [
        HelpPanel(
            content=_(
                "The tables and sections of this page are those of the submitted annual report. Change them "
                "on the report's screen under “Annual reports” and submit it again."
            )
        ),
        FieldPanel("title", read_only=True),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("generated_date"), FieldPanel("published_at")]),
                FieldRowPanel([FieldPanel("category"), FieldPanel("topic"), FieldPanel("keywords")]),
            ],
            heading=_("Catalogue metadata"),
        ),
    ]
    parent_page_types = ["disclosure.CatalogueIndexPage"]
    subpage_types = []
    is_creatable = False
    search_fields = CatalogueItemPage.search_fields + [
        index.SearchField("overview"),
        index.SearchField("problems"),
        index.SearchField("other_matters"),
    ]

    class Meta:
        verbose_name = _("annual report page")
        verbose_name_plural = _("annual report pages")

    @cached_property
    def format(self):
        return formats.get(self.format_version)

    @path("download/<str:kind>/", name="download")
    def download(self, request, kind):
        return public_downloads.download(self, kind)

    def downloads(self):
        return [
            (kind.upper(), self.url + self.reverse_subpage("download", args=[kind])) for kind in public_downloads.KINDS
        ]

    def sections(self):
        """The report in the format's order: (section, rich text or None, table grid or None)."""
        result = []
        for section in self.format.sections:
            if section.table:
                grid = layout.grid(self.format, section.table)
                result.append((section, None, grid))
            else:
                result.append((section, getattr(self, section.narrative), None))
        return result
