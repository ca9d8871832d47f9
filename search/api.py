"""The front door of ``search``: how another app makes its page types searchable and keeps
their documents current. Anything not named here is internal.

A content app registers a describer for each public page type from its own
``search_source.py`` (imported by its AppConfig when ``search`` is installed)::

    @describes(MyPage)
    def describe_my_page(page):
        return {"kind": DocumentKind.…, "summary": …, "body": join_text(…), "published_at": published_when(page)}

Changes reach the index through Wagtail's page signals and ``disclosure.api.visibility_changed``
(which content apps also send when a page's public text changes without a publication, e.g. an
interview's transcript); ``rebuild_public_index`` fills the index from scratch (a new site, a demo).

An app that can help a visitor who found nothing registers links for the "no results" box with
the Wagtail hook named ``NO_RESULTS_LINKS_HOOK`` (see ``no_results``)::

    @hooks.register("register_search_no_results_links")
    def offer_my_links(filters):
        return [{"url": …, "label": …}]
"""

from .documents.models import DocumentKind
from .documents.rebuild import rebuild as rebuild_public_index
from .documents.sources import agency_fields, describes, join_text, published_when
from .no_results import HOOK as NO_RESULTS_LINKS_HOOK

__all__ = [
    "DocumentKind",
    "NO_RESULTS_LINKS_HOOK",
    "agency_fields",
    "describes",
    "join_text",
    "published_when",
    "rebuild_public_index",
]
