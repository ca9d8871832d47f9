"""Public search, without HTTP: the page and the JSON API both call :func:`run_search`.

A query goes through one pipeline whatever the backend: cleaned and split into words with
their synonyms (``queries.parse``); a mistyped word the index does not know corrected from
the index's own vocabulary (``queries.correction``; ``verbatim`` searches as typed); the words
weighed by rarity and turned into the soft boolean query of ``queries.matching`` (a document
must hold ``MINIMUM_SHARE`` of the weight — nonsense finds nothing); the backend ranks; the
first results are scored again (``queries.rerank``). Items whose 文号 or 索引号 *is* the query
come first. A query that is one 文号 or 索引号 no public document has gets no results at all,
only the nearest numbers (``queries.numbers``). Only ``PublicDocument`` rows are searched,
and those exist only for what the public may see (``search.documents``).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Q
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from disclosure.api import category_subtree_ids, public_pages

from . import conf
from .documents.dispatch import request_sync
from .documents.models import DocumentKind, PublicDocument
from .facets import FACETS, count_facets, named_in_query, queryset_counts, results_counts, selected_values
from .forms import Sort
from .highlight import mark, snippet
from .no_results import no_results_links
from .queries import rerank
from .queries.correction import Correction, correct
from .queries.hot import hot_queries, log_query
from .queries.numbers import CLOSEST, MissingNumber, closest_numbers, number_kind
from .queries.parse import parse


@dataclass
class Hit:
    document: PublicDocument
    title_html: str
    snippet_html: str
    exact: bool = False

    @property
    def kind_label(self):
        return DocumentKind(self.document.kind).label


@dataclass
class SearchOutcome:
    query: str
    filters: dict
    sort: str
    page: int
    page_size: int
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    relaxed: bool = False
    exact_match: bool = False
    near_queries: list = field(default_factory=list)
    guides: list = field(default_factory=list)
    apply_links: list = field(default_factory=list)
    named_categories: list = field(default_factory=list)  # category entries the query names
    missing_number: MissingNumber | None = None  # the query is a 文号/索引号 no public document has
    correction: Correction | None = None  # the query searched instead of what was typed
    verbatim: bool = False  # searched as typed, without correction

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def searched(self):
        return bool(self.query or self.filters)


def public_documents():
    """All public documents. Expiry needs no filter here: the scheduler unpublishes expired
    pages within a minute (and the sync follows), and rows shown are re-checked by
    :func:`still_public`. An unfiltered queryset lets the backend skip its candidate list."""
    return PublicDocument.objects.all()


def still_public(documents):
    """Drop documents whose page stopped being public since the last sync (and have them synced).

    The index follows events; this check on the few rows actually shown makes a missed or
    late event (an expiry passing, a direct database change) invisible to citizens.
    """
    documents = list(documents)
    ids = [document.pk for document in documents]
    visible = set(public_pages(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    stale = [pk for pk in ids if pk not in visible]
    if stale:
        request_sync(*stale)
    return [document for document in documents if document.pk in visible]


def filtered_documents(filters):
    documents = public_documents()
    for facet in FACETS:
        value = filters.get(facet.name)
        if value in (None, "", ()):
            continue
        if facet.name == "category":
            # One category or several of one name (a merged facet entry), each with its subcategories.
            ids = [int(pk) for pk in selected_values(value)]
            documents = documents.filter(category__in=category_subtree_ids(*ids))
        else:
            documents = documents.filter(**{facet.field: value})
    return documents


def _exact_matches(documents, parsed):
    lookups = Q()
    if parsed.doc_number_key:
        lookups |= Q(doc_number_key=parsed.doc_number_key)
    if parsed.index_number:
        lookups |= Q(index_number__iexact=parsed.index_number)
    if not lookups:
        return []
    return list(documents.filter(lookups).order_by("-published_at")[:5])


def _missing_number(parsed):
    """The query is one 文号 or 索引号 and no public document (whatever the filters) has it."""
    kind = number_kind(parsed)
    if not kind or _exact_matches(public_documents(), parsed):
        return None
    value = parsed.doc_number_key if kind == "doc_number" else parsed.index_number.upper()
    ids = closest_numbers(public_documents(), kind, value, limit=CLOSEST * 2)
    found = {document.pk: document for document in still_public(PublicDocument.objects.filter(pk__in=ids))}
    return MissingNumber(kind, parsed.text, [found[pk] for pk in ids if pk in found][:CLOSEST])


def search_query(parsed, backend=None):
    """The modelsearch query for ``parsed``, as ``backend`` (default: the site's) is asked it.

    Elasticsearch ranks with boosts (synonyms below the word typed, the phrase above); the
    database backends have none and leave that to ``rerank``.
    """
    soft = parsed.soft_query(conf.get("MINIMUM_SHARE"))
    if getattr(backend or get_search_backend(), "supports_boosts", False):
        return soft, soft.backend_query(synonym_boost=conf.get("SYNONYM_WEIGHT"), phrase=parsed.text)
    return soft, soft.backend_query()


def _ranked(documents, query, sort):
    if sort == Sort.NEWEST:
        return documents.order_by("-published_at", "-page_id").search(query, order_by_relevance=False)
    return documents.search(query)


def _finds(word):
    _soft, query = search_query(parse(word))
    return public_documents().search(query).count() > 0


def _match(documents, parsed, sort):
    """(exact 文号/索引号 matches, the soft query, the ranked results, how many there are)."""
    pinned = _exact_matches(documents, parsed) if sort == Sort.RELEVANCE else []
    remaining = documents.exclude(pk__in=[doc.pk for doc in pinned]) if pinned else documents
    soft, query = search_query(parsed)
    ranked = _ranked(remaining, query, sort)
    return pinned, soft, ranked, len(pinned) + ranked.count()


def _page_of(pinned, ranked, total, page, size):
    start = (page - 1) * size
    head = pinned[start : start + size]
    ranked_start = max(0, start - len(pinned))
    rest = list(ranked[ranked_start : ranked_start + size - len(head)]) if total > len(pinned) else []
    return head, rest


def _bigrams(text):
    return {text[i : i + 2] for i in range(len(text) - 1) if text[i : i + 2].strip()}


def _near_queries(parsed):
    """Hot queries that share a two-character word with this one (nothing matched it at all).

    Only from the moderated hot-query list (``queries.hot``): what other visitors typed is
    never shown unless it could be shown there.
    """
    wanted = _bigrams(parsed.text)
    return [hot for hot in hot_queries(limit=50) if hot != parsed.text and _bigrams(hot) & wanted][:6]


def _guides(filters):
    guides = public_documents().filter(kind=DocumentKind.GUIDE)
    if filters.get("agency"):
        own = guides.filter(agency=filters["agency"])
        if own.exists():
            return still_public(own)
    return still_public(guides.order_by("agency_name")[:5])


def run_search(query="", filters=None, sort=Sort.RELEVANCE, page=1, log=True, client=None, verbatim=False, facets=True):
    """Search the public documents. ``client`` is the searcher's key (``queries.clients.client_key``):
    without it the search is logged but not counted towards the hot-query list. ``verbatim``
    searches the query as typed, without correcting it; without ``facets`` none is counted (the
    benchmark's ranked-page figures)."""
    filters = dict(filters or {})
    size = conf.get("PAGE_SIZE")
    parsed = parse(query, conf.get("MAX_QUERY_LENGTH"))
    outcome = SearchOutcome(
        query=parsed.text, filters=filters, sort=sort, page=page, page_size=size, verbatim=bool(verbatim)
    )
    documents = filtered_documents(filters)

    if parsed.is_empty:
        if not filters:
            return outcome
        # Browsing by facets alone: newest first.
        browse = documents.order_by("-published_at", "-page_id")
        outcome.total = browse.count()
        outcome.page = min(page, outcome.num_pages)
        start = (outcome.page - 1) * size
        outcome.hits = [
            Hit(doc, mark(doc.title, []), snippet([doc.summary, doc.body], []))
            for doc in still_public(browse[start : start + size])
        ]
        outcome.facets = count_facets(queryset_counts(documents), filters)
        return outcome

    outcome.missing_number = _missing_number(parsed)
    if outcome.missing_number:
        # Any-word matching would list hundreds of documents sharing a digit or the prefix.
        outcome.guides = _guides(filters)
        outcome.apply_links = no_results_links(filters)
        if log and page == 1 and not filters:
            log_query(parsed.text, 0, client=client)
        return outcome

    correction = None if verbatim or parsed.doc_number_key else correct(parsed.text)
    if correction:
        corrected = parse(correction.text, conf.get("MAX_QUERY_LENGTH"))
        match = _match(documents, corrected, sort)
        # Offered only if it finds something, and each word put in finds a public document itself
        # (the vocabulary may still count a page withdrawn since its last recount).
        if match[-1] and all(_finds(word) for _typed, word in correction.replaced):
            outcome.correction, parsed = correction, corrected
    if not outcome.correction:
        match = _match(documents, parsed, sort)
    pinned, soft, ranked, total = match
    found = total - len(pinned)
    if found and sort == Sort.RELEVANCE:
        ranked = rerank.Reranked(ranked, soft.units, parsed.text, conf.get("SYNONYM_WEIGHT"))
        outcome.relaxed = not pinned and not soft.requires_all and not ranked.holds_every_word
    outcome.total = total
    outcome.exact_match = bool(pinned)
    outcome.page = min(page, outcome.num_pages)
    head, rest = _page_of(pinned, ranked, outcome.total, outcome.page, size)
    terms = parsed.highlight_terms()
    length = conf.get("SNIPPET_LENGTH")
    shown = still_public(head + rest)
    # Rows found stale were dropped (and sent for sync); they must not be counted either.
    outcome.total -= len(head) + len(rest) - len(shown)
    outcome.hits = [
        Hit(doc, mark(doc.title, terms), snippet([doc.summary, doc.body], terms, length), exact=doc in pinned)
        for doc in shown
    ]
    matches = ranked.ranked if isinstance(ranked, rerank.Reranked) else ranked
    if found and facets:
        outcome.facets = count_facets(results_counts(matches), filters)
    elif pinned and facets:
        outcome.facets = count_facets(queryset_counts(documents.filter(pk__in=[doc.pk for doc in pinned])), filters)
    if "category" not in filters:
        outcome.named_categories = named_in_query(outcome.facets.get("category", []), parsed.text)
    if not outcome.total:
        outcome.near_queries = _near_queries(parsed)
        outcome.guides = _guides(filters)
        outcome.apply_links = no_results_links(filters)
    if log and page == 1 and not filters:
        log_query(parsed.text, outcome.total, client=client)
    return outcome
