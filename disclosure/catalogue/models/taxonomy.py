"""Catalogue taxonomies: per-agency category trees, and the site-wide 主题分类 and 体裁."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..choices import Art20Item


class Topic(models.Model):
    """主题分类 (subject classification)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    code = models.CharField(_("code"), max_length=10, blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code"), FieldPanel("sort_order")])]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic (主题分类)")
        verbose_name_plural = _("topics (主题分类)")

    def __str__(self):
        return self.name


class Genre(models.Model):
    """体裁分类 (document genre: 通知, 意见, 办法…)."""

    name = models.CharField(_("name"), max_length=20, unique=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("sort_order")])]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("genre (体裁)")
        verbose_name_plural = _("genres (体裁)")

    def __str__(self):
        return self.name


class CatalogueCategory(models.Model):
    """A node of one agency's catalogue tree (adjacency list: trees are small and read whole)."""

    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="catalogue_categories"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(_("code"), max_length=20, blank=True)
    art20_item = models.PositiveSmallIntegerField(_("Art 20 item"), choices=Art20Item.choices, null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("agency"), FieldPanel("parent")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("art20_item"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["agency", "sort_order", "code", "pk"]
        verbose_name = _("catalogue category")
        verbose_name_plural = _("catalogue categories")
        constraints = [
            models.UniqueConstraint(fields=["agency", "parent", "name"], name="unique_category_name_per_parent"),
        ]

    def __str__(self):
        return " / ".join(node.name for node in self.lineage())

    def lineage(self):
        node, chain, seen = self, [], set()
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent.agency_id != self.agency_id:
            raise ValidationError({"parent": _("The parent category must belong to the same agency.")})
        node = self.parent
        while node is not None:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"parent": _("A category cannot be placed under itself or its own subcategory.")})
            node = node.parent
