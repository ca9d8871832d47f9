"""Publishing the relevance corpus as real pages of a fictional county, through the normal path.

Attachments are real files (cms/demo/attachments.py) attached to catalogue items as an editor
would: the search body gets their text the way it gets any upload's.
"""

from cms.demo.attachments import docx_bytes, pdf_bytes, stored_document, xlsx_bytes
from disclosure.models import CatalogueAttachment
from search.documents.vocabulary import refresh_vocabulary

from ... import factories
from .corpus import AGENCIES, documents


def file_bytes(attachment):
    extension = attachment.filename.rsplit(".", 1)[-1]
    if extension == "xlsx":
        return xlsx_bytes(attachment.rows, sheet_title=attachment.title)
    if extension == "docx":
        return docx_bytes(*attachment.paragraphs, table=attachment.rows, title=attachment.title)
    if extension == "pdf":
        return pdf_bytes(*attachment.paragraphs, title=attachment.title)
    raise ValueError(f"no generator for {attachment.filename}")


def _attachments(document):
    return [
        CatalogueAttachment(document=stored_document(a.title, a.filename, file_bytes(a))) for a in document.attachments
    ]


def publish_corpus():
    """Create agencies, catalogues and columns, publish every document and count the index vocabulary
    (as the reconcile task does after publishing); returns {page id: document key}."""
    places = {}
    for key, (name, short, _) in AGENCIES.items():
        agency = factories.make_agency(title=name, short_name=short)
        places[key] = (factories.make_catalogue(agency), factories.make_announcement_column(agency))
    keys = {}
    for document in documents():
        catalogue, column = places[document.agency]
        body = f"<p>{document.body}</p>"
        if document.kind == "catalogue":
            page = factories.make_item(
                catalogue,
                title=document.title,
                doc_number=document.doc_number,
                body=body,
                summary=document.title[:100],
                attachments=_attachments(document),
            )
        else:
            page = factories.make_announcement(column, title=document.title, body=body)
        keys[page.pk] = document.key
    refresh_vocabulary(force=True)
    return keys
