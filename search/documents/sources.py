"""What each public page type contributes to the public search index.

A page type becomes searchable by registering a describer: a function from a live page to
the fields of its ``PublicDocument``. Content apps register their own from their
``search_source.py`` with ``@describes(TheirPage)`` (see ``search.api``); this app names no
page type. Page types with no describer (index pages, the home page) are not in the public
index at all.
"""

from django.utils import timezone
from wagtail.models import Page

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
