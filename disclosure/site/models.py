from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .blocks import NavigationLinkBlock
from .index_pattern import validate_pattern
from .request_number_pattern import validate_request_number_pattern


@register_setting(icon="site")
class DisclosureSettings(BaseSiteSetting):
    """Per-site identity for the government-website meta tags, the header and footer, and the 索引号 pattern."""

    site_name = models.CharField(_("site name (SiteName)"), max_length=100, blank=True)
    site_id_code = models.CharField(
        _("site identification code (SiteIDCode)"),
        max_length=20,
        blank=True,
        help_text=_("Issued by the 政府网站 register."),
    )
    sponsor = models.CharField(_("sponsor (主办单位)"), max_length=100, blank=True)
    icp_number = models.CharField(_("ICP registration number"), max_length=50, blank=True)
    police_record_number = models.CharField(_("public security record number"), max_length=50, blank=True)
    navigation = StreamField(
        [("link", NavigationLinkBlock())],
        verbose_name=_("header navigation"),
        blank=True,
        help_text=_("The links across the top of every page. Empty: the home page and its pages shown in menus."),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page (联系我们)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error_report_url = models.URLField(
        _("error report link (纠错)"),
        blank=True,
        help_text=_("Where citizens report a mistake on the site, e.g. the national 我为政府网站找错 platform."),
    )
    index_number_pattern = models.CharField(
        _("索引号 pattern"),
        max_length=100,
        blank=True,
        validators=[validate_pattern],
        help_text=_(
            "Placeholders {org_code}, {year}, {serial:05d}, {category}. Empty: {org_code}/{year}-{serial:05d}."
        ),
    )

    request_number_pattern = models.CharField(
        _("application number pattern (申请编号)"),
        max_length=100,
        blank=True,
        validators=[validate_request_number_pattern],
        help_text=_(
            "Placeholders {agency_short}, {org_code}, {year}, {serial:03d}. Empty: {agency_short}依申〔{year}〕{serial}号."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("site_id_code")], heading=_("Site identity")),
        FieldPanel("navigation"),
        MultiFieldPanel(
            [
                FieldPanel("sponsor"),
                FieldPanel("icp_number"),
                FieldPanel("police_record_number"),
                FieldPanel("contact_page"),
                FieldPanel("error_report_url"),
            ],
            heading=_("Footer"),
        ),
        FieldPanel("index_number_pattern"),
        FieldPanel("request_number_pattern"),
    ]

    class Meta:
        verbose_name = _("disclosure site settings")
