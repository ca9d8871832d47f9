from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ...agencies.models import AgencyPage
from ...screening.page_form import ScreenedPageForm
from ...visibility import PublicPageMixin, public_pages
from ..choices import Art20Item, DisclosureMode, NonDisclosureReason, Validity
from ..doc_numbers import normalise_doc_number
from ..forms import CatalogueItemForm
from ..listing import CatalogueListing
from ..panels import InterpretedPoliciesPanel
from ..validity import validity_date_error
from .index_numbers import IndexNumberAllocator, IssuedIndexNumber


class CatalogueIndexPage(PublicPageMixin, Page):
    """信息公开目录 of one agency: a filterable, paginated listing of its items."""

    base_form_class = ScreenedPageForm

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["disclosure.AgencyPage"]
    subpage_types = ["disclosure.CatalogueItemPage", "disclosure.AnnualReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("disclosure catalogue")
        verbose_name_plural = _("disclosure catalogues")

    @cached_property
    def agency(self):
        return AgencyPage.objects.ancestor_of(self).last()

    def serve(self, request, *args, **kwargs):
        listing = CatalogueListing(self.agency, request.GET)
        if listing.errors:
            return render(request, "bad_request.html", {"page": self, "parameter_errors": listing.errors}, status=400)
        return super().serve(request, *args, listing=listing, **kwargs)

    def get_context(self, request, *args, listing=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing or CatalogueListing(self.agency, request.GET)
        return context


class CatalogueItemPage(PublicPageMixin, Page):
    """One entry of the catalogue with the statutory metadata of REFERENCE §2."""

    index_number = models.CharField(_("索引号"), max_length=100, unique=True, null=True, blank=True, editable=False)
    agency = models.ForeignKey(
        "disclosure.AgencyPage",
        verbose_name=_("agency"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.CharField(_("summary (内容概述)"), max_length=100)
    generated_date = models.DateField(_("date created (生成日期/成文日期)"))
    published_at = models.DateTimeField(
        _("publication date (发布日期)"),
        null=True,
        blank=True,
        help_text=_("Set automatically at first publication when left empty."),
    )
    publisher = models.CharField(
        _("issuing agency (发布机构)"), max_length=200, blank=True, help_text=_("Defaults to the agency's name.")
    )
    joint_issuers = models.CharField(
        _("joint issuers"),
        max_length=500,
        blank=True,
        help_text=_("Other issuing agencies, separated by 、 or commas."),
    )
    doc_number = models.CharField(_("document number (文号)"), max_length=100, blank=True)
    doc_number_key = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    category = models.ForeignKey(
        "disclosure.CatalogueCategory",
        verbose_name=_("catalogue category"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    topic = models.ForeignKey(
        "disclosure.Topic",
        verbose_name=_("topic (主题分类)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    genre = models.ForeignKey(
        "disclosure.Genre",
        verbose_name=_("genre (体裁)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keywords = models.CharField(_("keywords (主题词)"), max_length=200, blank=True)
    disclosure_mode = models.CharField(
        _("disclosure mode (公开方式)"), max_length=20, choices=DisclosureMode.choices, default=DisclosureMode.PROACTIVE
    )
    non_disclosure_reason = models.CharField(
        _("statutory reason"), max_length=30, choices=NonDisclosureReason.choices, blank=True
    )
    disclosure_note = models.TextField(
        _("reason in words"), blank=True, help_text=_("Required when the item is not disclosed proactively.")
    )
    validity = models.CharField(_("validity (有效性)"), max_length=10, choices=Validity.choices, default=Validity.VALID)
    validity_date = models.DateField(_("validity changed on"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )
    art20_item = models.PositiveSmallIntegerField(
        _("Art 20 item"),
        choices=Art20Item.choices,
        null=True,
        blank=True,
        help_text=_("Defaults to the category's item."),
    )
    body = RichTextField(_("body"), blank=True)

    base_form_class = CatalogueItemForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_number"), FieldPanel("generated_date"), FieldPanel("published_at")]),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("joint_issuers")]),
                FieldRowPanel([FieldPanel("category"), FieldPanel("art20_item")]),
                FieldRowPanel([FieldPanel("topic"), FieldPanel("genre"), FieldPanel("keywords")]),
            ],
            heading=_("Catalogue metadata"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("disclosure_mode"), FieldPanel("non_disclosure_reason")]),
                FieldPanel("disclosure_note"),
            ],
            heading=_("Disclosure"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("validity"), FieldPanel("validity_date")]),
                PageChooserPanel("replaced_by", "disclosure.CatalogueItemPage"),
            ],
            heading=_("Validity"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        InterpretedPoliciesPanel(
            "interpreted_policies", heading=_("Policies this item interprets (政策解读)"), label=_("policy")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("doc_number", boost=3),
        index.SearchField("index_number", boost=3),
        index.SearchField("keywords", boost=2),
        index.SearchField("body"),
        index.FilterField("agency"),
        index.FilterField("category"),
        index.FilterField("published_at"),
        index.FilterField("validity"),
        index.FilterField("disclosure_mode"),
    ]
    parent_page_types = ["disclosure.CatalogueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")
        indexes = [
            models.Index(fields=["agency", "-published_at"], name="catalogue_agency_published"),
            models.Index(fields=["category", "-published_at"], name="catalogue_category_published"),
        ]

    @classmethod
    def public_q(cls):
        return ~Q(disclosure_mode=DisclosureMode.NOT_DISCLOSED)

    def is_public_by_type(self):
        return self.disclosure_mode != DisclosureMode.NOT_DISCLOSED

    @property
    def shows_content(self):
        """依申请公开 items list their metadata; only proactive ones show body and attachments."""
        return self.disclosure_mode == DisclosureMode.PROACTIVE

    @property
    def shows_attachments(self):
        return self.shows_content

    @property
    def issuing_agency_name(self):
        return self.publisher or (self.agency.title if self.agency_id else "")

    @property
    def is_no_longer_valid(self):
        return self.validity != Validity.VALID

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = CatalogueItemPage.objects.order_by("-published_at")
        context["interpretations"] = public_pages(related.filter(interpreted_policies__policy=self))
        context["interpreted_policies"] = public_pages(related.filter(interpretation_links__interpretation=self))
        context["replaces"] = public_pages(related.filter(replaced_by=self))
        context["replacement"] = (
            public_pages(related.filter(pk=self.replaced_by_id)).first() if self.replaced_by_id else None
        )
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.disclosure_mode != DisclosureMode.PROACTIVE and not self.disclosure_note.strip():
            errors["disclosure_note"] = _("Give the reason why this item is not disclosed proactively.")
        if self.disclosure_mode == DisclosureMode.NOT_DISCLOSED and not self.non_disclosure_reason:
            errors["non_disclosure_reason"] = _("Choose the statutory reason for not disclosing this item.")
        if self.validity != Validity.VALID and not self.validity_date:
            errors["validity_date"] = _("Give the date on which the item stopped being in force.")
        elif error := validity_date_error(self.generated_date, self.validity_date):
            errors["validity_date"] = error
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("An item cannot replace itself.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """Revisions never carry the identity fields: they belong to the item, not to a draft."""
        obj = super().with_content_json(content)
        obj.index_number = self.index_number
        obj.agency_id = self.agency_id
        if self.published_at and not obj.published_at:
            obj.published_at = self.published_at
        return obj

    def save(self, *args, **kwargs):
        self.doc_number_key = normalise_doc_number(self.doc_number)
        if self.agency_id is None:
            self.agency = AgencyPage.objects.ancestor_of(self).last() if self.path else None
        if self.art20_item is None and self.category_id:
            self.art20_item = self.category.art20_item
        with transaction.atomic():
            allocating = self.live and not self.index_number
            if allocating:
                if self.published_at is None:
                    self.published_at = timezone.now()
                self.index_number = IndexNumberAllocator(self.agency).allocate(self.category, when=self.published_at)
            result = super().save(*args, **kwargs)
            if allocating:
                IssuedIndexNumber.objects.filter(value=self.index_number).update(item_id=self.pk)
            return result


class CatalogueAttachment(Orderable):
    item = ParentalKey(CatalogueItemPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Defaults to the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.document.title


class PolicyInterpretation(Orderable):
    """Links a 政策解读 item to the policy it interprets; the policy page shows the link back."""

    interpretation = ParentalKey(CatalogueItemPage, on_delete=models.CASCADE, related_name="interpreted_policies")
    policy = models.ForeignKey(
        CatalogueItemPage, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="interpretation_links"
    )

    panels = [PageChooserPanel("policy", "disclosure.CatalogueItemPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("interpreted policy")
        verbose_name_plural = _("interpreted policies")
