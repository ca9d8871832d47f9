"""Publishing the relevance corpus as real pages of a fictional county, through the normal path."""

from ... import factories
from .corpus import AGENCIES, documents


def publish_corpus():
    """Create agencies, catalogues and columns, publish every document; returns {page id: document key}."""
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
                catalogue, title=document.title, doc_number=document.doc_number, body=body, summary=document.title[:100]
            )
        else:
            page = factories.make_announcement(column, title=document.title, body=body)
        keys[page.pk] = document.key
    return keys
