"""The public search index and what editors manage around it (synonyms, hot queries and their block list)."""

from .documents.models import DocumentKind, IndexedTerm, PublicDocument
from .queries.models import (
    BlockedQuery,
    HotQuery,
    HotQueryClientDay,
    HotQueryStatus,
    SearchQueryLog,
    SynonymGroup,
)

__all__ = [
    "BlockedQuery",
    "DocumentKind",
    "HotQuery",
    "HotQueryClientDay",
    "HotQueryStatus",
    "IndexedTerm",
    "PublicDocument",
    "SearchQueryLog",
    "SynonymGroup",
]
