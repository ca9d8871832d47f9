from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin


class PublicDocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class DocumentKind(models.TextChoices):
    CATALOGUE = "catalogue", _("Disclosure catalogue")
    ANNOUNCEMENT = "announcement", _("Announcement")
    AGENCY = "agency", _("Agency profile")
    GUIDE = "guide", _("Disclosure guide")
    INTERVIEW = "interview", _("Online interview")


class PublicDocument(index.Indexed, models.Model):
    """One publicly visible page, as citizens search it.

    A row exists only while its page passes ``disclosure.visibility`` (``search.documents.sync``
    adds and removes rows), so the public search index — built from these rows — never holds
    a draft, an item under review or a withheld one. The facets are plain columns here, so
    counting them needs no join back to the page tables.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="public_search_document"
    )
    kind = models.CharField(_("content type"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("address"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    doc_number = models.CharField(_("document number (文号)"), max_length=100, blank=True)
    doc_number_key = models.CharField(max_length=100, blank=True, db_index=True)
    index_number = models.CharField(_("索引号"), max_length=100, blank=True, db_index=True)
    keywords = models.CharField(_("keywords (主题词)"), max_length=200, blank=True)
    agency = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("agency"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency_name = models.CharField(_("agency"), max_length=255, blank=True)
    category = models.ForeignKey(
        "disclosure.CatalogueCategory",
        verbose_name=_("category"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category_name = models.CharField(_("category"), max_length=100, blank=True)
    topic_name = models.CharField(_("topic (主题分类)"), max_length=50, blank=True)
    genre = models.ForeignKey(
        "disclosure.Genre", verbose_name=_("genre (体裁)"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    genre_name = models.CharField(_("genre (体裁)"), max_length=20, blank=True)
    validity = models.CharField(_("validity (有效性)"), max_length=10, blank=True)
    published_at = models.DateTimeField(_("published"))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    synced_at = models.DateTimeField(auto_now=True)

    objects = PublicDocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=10),
        index.SearchField("doc_number", boost=5),
        index.SearchField("index_number", boost=5),
        index.SearchField("keywords", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        # The catalogue's vocabulary, so that 行政处罚 finds what is filed under it. No boost:
        # weighted as the text, the lowest weight of every backend (PostgreSQL's D, Elasticsearch's
        # _all_text, SQLite's body column). A boost of its own would give PostgreSQL a fifth
        # value to spread over its four weights and move every other field's.
        index.SearchField("category_name"),
        index.SearchField("topic_name"),
        index.SearchField("genre_name"),
        index.AutocompleteField("title"),
        index.FilterField("page"),
        index.FilterField("kind"),
        index.FilterField("agency"),
        index.FilterField("category"),
        index.FilterField("genre"),
        index.FilterField("validity"),
        index.FilterField("year"),
        index.FilterField("published_at"),
        index.FilterField("expires_at"),
    ]

    class Meta:
        verbose_name = _("public search document")
        verbose_name_plural = _("public search documents")
        indexes = [
            models.Index(fields=["-published_at"], name="publicdoc_newest"),
            # The guides a page without results offers (kind=guide, by agency) are found without a scan.
            models.Index(fields=["kind", "agency_name"], name="publicdoc_kind_agency"),
        ]

    def __str__(self):
        return self.title


class IndexedTerm(models.Model):
    """A word of the public index and how many public documents contain it (its document frequency).

    Rebuilt from the public documents by ``search.documents.vocabulary`` (the reconcile task,
    at most every ``VOCABULARY_REFRESH_MINUTES``): it weighs a query's words (rare words count
    more) and offers corrections. Only what the public may see is counted, so a correction can
    never reveal a word of a draft.
    """

    term = models.CharField(max_length=100, primary_key=True)
    documents = models.PositiveIntegerField()
    length = models.PositiveSmallIntegerField()
    # Toneless pinyin, space-separated ("zhao sheng"), for frequent Han words only: homophones.
    pinyin = models.CharField(max_length=300, blank=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["length", "-documents"], name="indexedterm_length_df")]

    def __str__(self):
        return f"{self.term} ({self.documents})"
