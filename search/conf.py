"""Settings of the search app: one namespaced dict, ``GONGKAI_SEARCH``, with documented defaults.

Keys:
    MAX_QUERY_LENGTH: longer queries are cut to this many characters (never an error).
    PAGE_SIZE: results per page.
    MAX_PAGE: the deepest page anyone may ask for (deeper pages cost the database and help no one).
    HOT_QUERY_DAYS: how far back the hot-query list (热搜) looks.
    HOT_QUERY_COUNT: how many hot queries are shown.
    HOT_QUERY_MIN_CLIENTS: how many different clients (hashed addresses) must have searched a
        query within HOT_QUERY_DAYS before it may show; a query counts once per client and day.
    HOT_QUERY_MODE: "auto" — a query shows once enough clients searched it, unless an editor hid
        it (queries with markup characters or web addresses wait for approval); "approved" —
        only queries an editor approved show. Any other value is treated as "approved".
    LOG_KEEP_DAYS: search-log rows older than this are deleted by the nightly reconcile task.
    SUGGESTION_COUNT: as-you-type suggestions returned.
    RATE_LIMIT: searches per client address (django-ratelimit syntax, e.g. "60/m").
    SNIPPET_LENGTH: characters of text around the first match in a result.
    MINIMUM_SHARE: the share of a query's weight (its words weighted by rarity, IDF) a document
        must contain to be a result, like Elasticsearch's ``minimum_should_match``. Common words
        (工作, 通知) weigh little, so a query whose rare words are in no document finds nothing.
    SYNONYM_WEIGHT: how much a synonym's match counts against the word typed (1 = the same).
    CORRECTION_MIN_DOCUMENTS: a word is offered as a correction only if at least this many public
        documents contain it (and many more than contain the word typed).
    PARTS_MAX_DOCUMENTS: a query word the index may hold split into its parts (居民医保 as 居民 +
        医保) is also found where its parts stand together, unless its rarest part is in more than
        this many public documents: checking where common parts stand reads most of the index.
    VOCABULARY_REFRESH_MINUTES: the index vocabulary (for weights and corrections) is recounted by
        the reconcile task at most this often, and only when documents changed.
"""

from disclosure.api import AppSettings

DEFAULTS = {
    "MAX_QUERY_LENGTH": 100,
    "PAGE_SIZE": 10,
    "MAX_PAGE": 100,
    "HOT_QUERY_DAYS": 30,
    "HOT_QUERY_COUNT": 10,
    "HOT_QUERY_MIN_CLIENTS": 5,
    "HOT_QUERY_MODE": "auto",
    "LOG_KEEP_DAYS": 90,
    "SUGGESTION_COUNT": 8,
    "RATE_LIMIT": "60/m",
    "SNIPPET_LENGTH": 120,
    "MINIMUM_SHARE": 0.5,
    "SYNONYM_WEIGHT": 0.6,
    "CORRECTION_MIN_DOCUMENTS": 3,
    "PARTS_MAX_DOCUMENTS": 1000,
    "VOCABULARY_REFRESH_MINUTES": 60,
}

get = AppSettings("GONGKAI_SEARCH", DEFAULTS).get
