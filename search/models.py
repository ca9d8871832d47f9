"""The public search index and what editors manage around it (synonyms, blocked hot queries)."""

from .documents.models import DocumentKind, PublicDocument
from .queries.models import BlockedQuery, SearchQueryLog, SynonymGroup

__all__ = ["BlockedQuery", "DocumentKind", "PublicDocument", "SearchQueryLog", "SynonymGroup"]
