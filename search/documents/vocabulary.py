"""The public index's vocabulary: every word of the public documents and how many contain it.

Query weighting (``search.queries.matching``) and correction (``search.queries.correction``)
read it. It is counted with the same segmentation as the index (``index_words``), from the
public documents only, and rebuilt by the reconcile task when documents changed — at most
every ``VOCABULARY_REFRESH_MINUTES``, since counting a large site takes a while. Between two
builds a new word is simply unknown: it weighs as a rare word and is never "corrected" into
something else unless it is also absent from the index.
"""

import re
from collections import Counter

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from pypinyin import lazy_pinyin

from .. import conf
from ..analysis.segment import STOPWORDS, index_words
from .models import IndexedTerm, PublicDocument

STAMP_KEY = "gongkai-search-vocabulary-stamp"
DOCUMENT_COUNT_KEY = "gongkai-search-document-count"
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
TEXT_FIELDS = ("title", "summary", "body", "keywords", "category_name", "topic_name", "genre_name", "agency_name")
BATCH = 1000


def pinyin_key(term):
    """Toneless pinyin of a Han word, syllables separated by spaces (招生 → "zhao sheng")."""
    return " ".join(lazy_pinyin(term, errors="ignore"))


def _is_term(word):
    return 2 <= len(word) <= 100 and word not in STOPWORDS


def count_terms():
    """Counter {word: documents containing it} over every public document."""
    counts = Counter()
    rows = PublicDocument.objects.order_by("pk").values_list("pk", *TEXT_FIELDS)
    last = None
    while True:
        batch = list(rows.filter(pk__gt=last)[:BATCH] if last is not None else rows[:BATCH])
        if not batch:
            return counts
        for _pk, *texts in batch:
            counts.update({word for word in index_words("\n".join(text for text in texts if text)) if _is_term(word)})
        last = batch[-1][0]


def rebuild_vocabulary():
    """Replace the vocabulary with a fresh count; returns how many words it holds.

    Counting takes a while on a large site and happens outside the transaction; only the
    swap is atomic, so searches read the old vocabulary until the new one is complete.
    """
    frequent = conf.get("CORRECTION_MIN_DOCUMENTS")
    counts = count_terms()
    with transaction.atomic():
        _replace(counts, frequent)
    cache.delete(DOCUMENT_COUNT_KEY)
    return len(counts)


def _replace(counts, frequent):
    IndexedTerm.objects.all().delete()
    IndexedTerm.objects.bulk_create(
        (
            IndexedTerm(
                term=term,
                documents=documents,
                length=len(term),
                pinyin=pinyin_key(term) if documents >= frequent and HAN.match(term) and len(term) <= 8 else "",
            )
            for term, documents in counts.items()
        ),
        batch_size=2000,
    )


def _documents_stamp():
    latest = PublicDocument.objects.aggregate(latest=Max("synced_at"))["latest"]
    return (PublicDocument.objects.count(), latest.isoformat() if latest else "")


def refresh_vocabulary(force=False):
    """Rebuild if the public documents changed since the last build and it is old enough; returns the
    number of words when it rebuilt, else None."""
    stamp = _documents_stamp()
    built = cache.get(STAMP_KEY)
    if not force and built and IndexedTerm.objects.exists():
        unchanged = built["documents"] == stamp
        recent = (timezone.now() - built["at"]).total_seconds() < conf.get("VOCABULARY_REFRESH_MINUTES") * 60
        if unchanged or recent:
            return None
    words = rebuild_vocabulary()
    cache.set(STAMP_KEY, {"documents": stamp, "at": timezone.now()}, None)
    return words


def document_count():
    """How many public documents there are (for word weights), cached for a few minutes."""
    count = cache.get(DOCUMENT_COUNT_KEY)
    if count is None:
        count = PublicDocument.objects.count()
        cache.set(DOCUMENT_COUNT_KEY, count, 300)
    return count


def frequencies(terms):
    """{term: documents} for the given terms (absent terms are left out)."""
    terms = {term.lower() for term in terms if term}
    if not terms:
        return {}
    return dict(IndexedTerm.objects.filter(term__in=terms).values_list("term", "documents"))
