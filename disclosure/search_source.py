"""The disclosure app's page types in site search (registered when ``search`` is installed).

依申请公开 items show only their metadata to the public; their text is not searchable either.
An item's category, 主题分类 and 体裁 names are searchable (with the lowest weight): a citizen
typing 行政处罚 finds what is filed under it.
"""

from wagtail.rich_text import get_text_for_indexing

from search.api import DocumentKind, agency_fields, describes, join_text, published_when

from .agencies.models import AgencyPage, agency_of
from .announcements.models import AnnouncementPage
from .catalogue.models import CatalogueItemPage
from .document_text import UnreadableDocument, document_text
from .guide.models import DisclosureGuidePage
from .reports.pages import AnnualReportPage


def _attachment_texts(item):
    texts = []
    for attachment in item.attachments.select_related("document"):
        texts.append(attachment.display_title)
        try:
            texts.append(document_text(attachment.document))
        except UnreadableDocument:
            continue
    return texts


@describes(CatalogueItemPage)
def describe_catalogue_item(item):
    body = join_text(get_text_for_indexing(item.body), *_attachment_texts(item)) if item.shows_content else ""
    return {
        "kind": DocumentKind.CATALOGUE,
        "summary": item.summary,
        "body": body,
        "doc_number": item.doc_number,
        "doc_number_key": item.doc_number_key,
        "index_number": item.index_number or "",
        "keywords": item.keywords,
        "category": item.category,
        "category_name": item.category.name if item.category_id else "",
        "topic_name": item.topic.name if item.topic_id else "",
        "genre": item.genre,
        "genre_name": item.genre.name if item.genre_id else "",
        "validity": item.validity,
        "published_at": published_when(item, item.published_at),
        **agency_fields(item.agency or agency_of(item)),
    }


@describes(AnnualReportPage)
def describe_annual_report(page):
    """A report is found by its written sections; its tables are figures, not words anyone searches."""
    fields = describe_catalogue_item(page)
    fields["body"] = join_text(
        *(get_text_for_indexing(text) for text in (page.overview, page.problems, page.other_matters))
    )
    return fields


@describes(AnnouncementPage)
def describe_announcement(page):
    return {
        "kind": DocumentKind.ANNOUNCEMENT,
        "summary": page.search_description,
        "body": join_text(page.source, get_text_for_indexing(page.body)),
        "published_at": published_when(page, page.date),
        **agency_fields(agency_of(page)),
    }


@describes(AgencyPage)
def describe_agency(agency):
    leaders = [f"{leader.name} {leader.post} {leader.duties}" for leader in agency.leaders.all()]
    departments = [str(department) for department in agency.departments.all()]
    return {
        "kind": DocumentKind.AGENCY,
        "summary": agency.short_name,
        "body": join_text(get_text_for_indexing(agency.functions), agency.address, *leaders, *departments),
        "published_at": published_when(agency),
        **agency_fields(agency),
    }


@describes(DisclosureGuidePage)
def describe_guide(guide):
    return {
        "kind": DocumentKind.GUIDE,
        "summary": guide.office_name,
        "body": join_text(
            get_text_for_indexing(guide.classification),
            get_text_for_indexing(guide.proactive_disclosure),
            get_text_for_indexing(guide.application_procedure),
            get_text_for_indexing(guide.remedies),
            guide.address,
        ),
        "published_at": published_when(guide),
        **agency_fields(agency_of(guide)),
    }
