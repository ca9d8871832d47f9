"""As-you-type suggestions: hot queries that start with what was typed, then matching titles."""

from . import conf
from .queries.hot import hot_queries, is_blocked
from .queries.parse import clean
from .service import public_documents, still_public


def suggestions(prefix, limit=None):
    limit = limit or conf.get("SUGGESTION_COUNT")
    prefix = clean(prefix, conf.get("MAX_QUERY_LENGTH"))
    if not prefix:
        return []
    found = [query for query in hot_queries(limit=50) if query.startswith(prefix) and query != prefix]
    if len(found) < limit:
        titles = still_public(public_documents().autocomplete(prefix)[: limit * 2])
        for document in titles:
            if document.title not in found and not is_blocked(document.title):
                found.append(document.title)
    return found[:limit]
