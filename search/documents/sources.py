"""What each public page type contributes to the public search index.

A page type becomes searchable by registering a describer: a function from a live page to
the fields of its ``PublicDocument``. Other apps (online interviews) register their own with
``@describes(TheirPage)``; page types with no describer (index pages, the home page) are not
in the public index at all.
"""

from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from disclosure.agencies.models import AgencyPage, agency_of
from disclosure.announcements.models import AnnouncementPage
from disclosure.attachments.extract import UnreadableDocument, document_text
from disclosure.catalogue.models import CatalogueItemPage
from disclosure.guide.models import DisclosureGuidePage

from .models import DocumentKind

_describers = {}


def describes(page_model):
    def register(function):
        _describers[page_model] = function
        return function

    return register


def describer_for(page):
    return _describers.get(type(page))


def searchable_page_models():
    return list(_describers)


def agency_fields(agency):
    return {"agency": agency, "agency_name": agency.title if agency else ""}


def published_when(page, value=None):
    return value or page.first_published_at or page.last_published_at or timezone.now()


def join_text(*parts):
    return "\n".join(part for part in parts if part)


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
    # 依申请公开 items show only their metadata to the public; their text is not searchable either.
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
        "genre": item.genre,
        "validity": item.validity,
        "published_at": published_when(item, item.published_at),
        **agency_fields(item.agency or agency_of(item)),
    }


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


def describe(page):
    """All ``PublicDocument`` fields for ``page`` (specific), or None if its type is not searchable."""
    describer = describer_for(page)
    if describer is None:
        return None
    fields = describer(page)
    published_at = timezone.localtime(fields["published_at"])
    return {
        "title": page.title,
        "url": page.get_url() or page.url_path,
        "expires_at": page.expire_at,
        "year": published_at.year,
        **fields,
    }


def searchable_pages():
    """Pages of every searchable type (public or not; ``sync`` applies the visibility rule)."""
    return Page.objects.type(*searchable_page_models())
