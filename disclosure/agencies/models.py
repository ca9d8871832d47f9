from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..screening.page_form import ScreenedPageForm
from ..site.index_pattern import validate_pattern
from ..visibility import PublicPageMixin, public_pages
from .codes import normalise_org_code, validate_agency_code


def allow_under_agencies(page_type):
    """Let another app's page type (``"app_label.ModelName"``) be placed directly under an agency."""
    if page_type not in AgencyPage.subpage_types:
        AgencyPage.subpage_types = [*AgencyPage.subpage_types, page_type]


def agency_of(page):
    """The nearest agency at or above ``page`` in the tree (None outside any agency)."""
    return AgencyPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()


class AgencyIndexPage(PublicPageMixin, Page):
    """机构概况: lists the agencies of the site."""

    base_form_class = ScreenedPageForm

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page", "home.HomePage"]
    subpage_types = ["disclosure.AgencyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agency directory")
        verbose_name_plural = _("agency directories")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["agencies"] = public_pages(AgencyPage.objects.child_of(self)).select_related("parent_agency")
        return context


class AgencyPage(PublicPageMixin, Page):
    """One agency (机构): its profile, and the root of its catalogue, guide and announcements."""

    base_form_class = ScreenedPageForm

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("People's government")
        DEPARTMENT = "department", _("Government department")
        TOWNSHIP = "township", _("Township or subdistrict")
        INSTITUTION = "institution", _("Public institution (hospital, school…)")
        UTILITY = "utility", _("Public enterprise (water, power, gas, transport…)")

    short_name = models.CharField(_("short name"), max_length=50)
    kind = models.CharField(_("kind of agency"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    org_code = models.CharField(
        _("organisation code / unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_agency_code],
        help_text=_("9-character 组织机构代码 or 18-character 统一社会信用代码; the 索引号 begins with it."),
    )
    parent_agency = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_agencies",
    )
    functions = RichTextField(_("functions"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    index_number_pattern = models.CharField(
        _("索引号 pattern"),
        max_length=100,
        blank=True,
        validators=[validate_pattern],
        help_text=_("Leave empty to use the site's pattern."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("org_code"), FieldPanel("parent_agency")]),
        FieldPanel("functions"),
        InlinePanel("leaders", heading=_("Leaders"), label=_("leader")),
        InlinePanel("departments", heading=_("Internal departments"), label=_("department")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("office_hours")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
            ],
            heading=_("Contact"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("index_number_pattern")]
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("functions"),
        index.SearchField("address"),
        index.RelatedFields("leaders", [index.SearchField("name"), index.SearchField("duties")]),
    ]
    parent_page_types = ["disclosure.AgencyIndexPage"]
    subpage_types = [
        "disclosure.CatalogueIndexPage",
        "disclosure.DisclosureGuidePage",
        "disclosure.AnnouncementIndexPage",
        "disclosure.RequestFormPage",
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def clean(self):
        super().clean()
        self.org_code = normalise_org_code(self.org_code)
        if self.parent_agency_id and self.parent_agency_id == self.pk:
            raise ValidationError({"parent_agency": _("An agency cannot be its own parent.")})

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        children = public_pages(self.get_children()).specific()
        context["sections"] = children
        context["sub_agencies"] = public_pages(AgencyPage.objects.filter(parent_agency=self))
        return context


class AgencyLeader(Orderable):
    agency = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField(_("name"), max_length=50)
    post = models.CharField(_("post"), max_length=100)
    duties = models.TextField(_("duties (分工)"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resume = RichTextField(_("résumé"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("post")]),
        FieldPanel("duties"),
        FieldPanel("photo"),
        FieldPanel("resume"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self):
        return f"{self.name}（{self.post}）"


class AgencyDepartment(Orderable):
    agency = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=100)
    functions = models.TextField(_("functions"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("phone")]), FieldPanel("functions")]

    class Meta(Orderable.Meta):
        verbose_name = _("internal department")
        verbose_name_plural = _("internal departments")

    def __str__(self):
        return self.name


class AgencyRole(models.TextChoices):
    EDITOR = "editor", _("Editors")
    DEPARTMENT_REVIEWER = "department_reviewer", _("Department reviewers")
    SECRECY_REVIEWER = "secrecy_reviewer", _("Secrecy reviewers")
    LEADER = "leader", pgettext_lazy("agency role", "Leaders")
    REQUEST_HANDLER = "request_handler", _("Request handlers (依申请公开办理人)")


class AgencyGroup(models.Model):
    """Which auth group plays which role for an agency (groups are created with the agency)."""

    agency = models.ForeignKey(AgencyPage, on_delete=models.CASCADE, related_name="role_groups")
    role = models.CharField(_("role"), max_length=30, choices=AgencyRole.choices)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="agency_role")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "role"], name="unique_agency_role")]
        verbose_name = _("agency group")

    def __str__(self):
        return self.group.name
