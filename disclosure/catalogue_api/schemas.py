"""The shapes of the API's answers: the OpenAPI schema is generated from these models, and every answer
is validated against them, so no field they do not name (review records, reasons for withholding,
anything about requests) can be sent."""

import datetime

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema


class Choice(Schema):
    value: str
    label: str = Field(description=_("The value in words, in the site's language."))


class Term(Schema):
    id: int
    name: str


class CategoryRef(Schema):
    id: int
    name: str
    code: str
    path: list[str] = Field(description=_("The names from the root of the agency's tree down to this category."))


class AgencyRef(Schema):
    id: int
    title: str
    url: str = Field(description=_("The agency's page on the site."))
    api_url: str


class ItemLink(Schema):
    id: int
    title: str
    url: str = Field(description=_("The item's page on the site."))
    api_url: str


class Attachment(Schema):
    title: str
    file_type: str = Field(description=_("The file's extension, e.g. pdf, docx, xlsx."))
    size: int | None = Field(description=_("In bytes; null when unknown."))
    url: str


class ItemSummary(Schema):
    id: int
    index_number: str | None = Field(description=_("The index number (索引号)."))
    title: str
    doc_number: str = Field(description=_("The document number (文号); empty when the document has none."))
    issuing_agency: str = Field(description=_("The issuing agency (发布机构)."))
    joint_issuers: list[str] = Field(description=_("Other issuing agencies (联合发文)."))
    agency: AgencyRef = Field(description=_("The agency whose catalogue lists the item."))
    generated_date: datetime.date = Field(description=_("The date the document was written (成文日期)."))
    published_at: datetime.datetime | None = Field(description=_("The publication date (发布日期)."))
    last_published_at: datetime.datetime | None = Field(description=_("When the item was last published or updated."))
    category: CategoryRef
    topic: Term | None = Field(description=_("The topic (主题分类)."))
    genre: Term | None = Field(description=_("The genre (体裁)."))
    keywords: str = Field(description=_("The keywords (主题词)."))
    summary: str = Field(description=_("The summary (内容概述)."))
    validity: Choice = Field(description=_("The validity (有效性)."))
    validity_date: datetime.date | None = Field(description=_("When the item stopped being in force."))
    replaced_by: ItemLink | None = Field(description=_("The item that replaces this one, if it is public."))
    disclosure_mode: Choice = Field(description=_("The disclosure mode (公开方式)."))
    disclosure_note: str = Field(
        description=_("For items disclosed on request: how to obtain them, as the item's page says.")
    )
    shows_content: bool = Field(
        description=_(
            "Whether the text and attachments are public (proactive disclosure); otherwise only the metadata."
        )
    )
    attachments: list[Attachment]
    url: str = Field(description=_("The item's page on the site."))
    api_url: str


class ItemDetail(ItemSummary):
    body: str | None = Field(description=_("The text as HTML; null when only the metadata is public."))
    interpretations: list[ItemLink] = Field(description=_("Public interpretations (政策解读) of this item."))
    interpreted_policies: list[ItemLink] = Field(description=_("Public policies this item interprets."))
    replaces: list[ItemLink] = Field(description=_("Public items this one replaces."))


class ItemPage(Schema):
    count: int = Field(description=_("Public items matching the filters, on all pages."))
    page: int
    num_pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[ItemSummary]


class Agency(Schema):
    id: int
    title: str
    short_name: str
    url: str = Field(description=_("The agency's page on the site."))
    catalogue_url: str = Field(description=_("The agency's catalogue page on the site."))
    api_url: str
    items_url: str = Field(description=_("The agency's items in this API."))
    item_count: int = Field(description=_("Public items in the agency's catalogue."))


class AgencyList(Schema):
    count: int
    results: list[Agency]


class CategoryNode(Schema):
    id: int
    name: str
    code: str
    count: int = Field(description=_("Public items in this category and its subcategories."))
    items_url: str
    children: list["CategoryNode"]


class FilterOption(Schema):
    value: str
    label: str


class Filter(Schema):
    name: str = Field(description=_("The query parameter of the items endpoint."))
    label: str
    options: list[FilterOption]


class AgencyDetail(Agency):
    categories: list[CategoryNode] = Field(description=_("The category tree with public item counts."))
    years: list[int] = Field(description=_("The years in which public items were published."))
    filters: list[Filter] = Field(description=_("The other filters of the items endpoint and their values."))


class Error(Schema):
    error: str = Field(description=_("What went wrong, in the site's language."))
    fields: dict[str, list[str]] = Field(
        default_factory=dict, description=_("Parameter name → what is wrong with its value.")
    )
