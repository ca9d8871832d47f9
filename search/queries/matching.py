"""Soft matching: a document is a result when it holds enough of the query's weight.

Each unit of a query (a word, or a word and its synonyms) weighs its inverse document
frequency in the public index: 工作, 通知, 计划 weigh little, 低保 or 殖民 much. A document
must hold at least ``MINIMUM_SHARE`` of the total weight. Instead of scoring every document,
the rule is turned into the boolean query it means — any of the minimal sets of units that
reach the share, each set's units all present — so every backend (SQLite FTS5, PostgreSQL,
Elasticsearch) answers it from its index. A query whose heavy words are in no document
therefore finds nothing instead of everything that shares its common words.
"""

import math
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from modelsearch.query import And, Boost, Or, Phrase

from .. import conf
from ..analysis.segment import query_words, word_parts
from ..documents.vocabulary import document_count, frequencies
from .words import Words

#: Units beyond this many (the lightest) are left out: the sets to enumerate grow as 2^n.
MAX_UNITS = 8
MAX_SETS = 20
#: What a light word (流程, 投诉, 条件: what the citizen wants to do, not the subject) weighs of its IDF.
LIGHT = 0.3
LIGHT_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent.parent / "analysis" / "light_words.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


@dataclass(frozen=True)
class Unit:
    term: str  # the word as typed (or as corrected)
    synonyms: tuple = ()  # other words that mean the same (synonym groups, the lexicon)
    weight: float = 1.0
    whole_only: frozenset = frozenset()  # its words matched only as themselves (``words.Words``)

    @property
    def words(self):
        return (self.term, *self.synonyms)


def idf(documents, total):
    """BM25's inverse document frequency, never negative; an absent word weighs the most."""
    total = max(total, documents)  # the vocabulary may be younger than the count of documents
    return math.log(1 + (total - documents + 0.5) / (documents + 0.5))


def _documents(word, found, total):
    """How many documents hold ``word``, as far as the vocabulary tells.

    A word the documents' segmentation never produced whole (安全检查 in 安全生产大检查) is
    found by its parts: at most as often as its rarest part. A single character is ambiguous
    (a slip, a fragment, a measure word) and weighs like a common word.
    """
    word = word.lower()
    if word in found:
        return found[word]
    if len(word) == 1:
        return total // 4
    parts = word_parts(word)
    if parts and all(part in found for part in parts):
        return min(found[part] for part in parts)
    return 0


def _common_parts(units, found):
    """The query words of ``units`` whose rarest part is in more than ``PARTS_MAX_DOCUMENTS``
    documents: finding where such parts stand together would read most of the index."""
    limit = conf.get("PARTS_MAX_DOCUMENTS")
    common = set()
    for unit in units:
        for word in {word for text in unit.words for word in query_words(text)}:
            parts = word_parts(word)
            if parts and min(found.get(part, 0) for part in parts) > limit:
                common.add(word)
    return frozenset(common)


def weigh(units):
    """``units`` with their weights (each the IDF of its most frequent word in the public index)
    and the words to match only as themselves."""
    words = [word for unit in units for word in unit.words]
    words += [word for text in words for word in query_words(text)]
    found = frequencies(words + [part for word in words for part in word_parts(word.lower())])
    # The vocabulary may be younger than the count of documents (or older): never fewer than it saw.
    total = max(document_count(), *found.values(), 1)
    common = _common_parts(units, found)
    return [
        Unit(
            unit.term,
            unit.synonyms,
            idf(max((_documents(word, found, total) for word in unit.words), default=0), total)
            * (LIGHT if unit.term.lower() in LIGHT_WORDS else 1.0),
            common,
        )
        for unit in units
    ]


def minimal_sets(weights, share):
    """Index sets of the units that together reach ``share`` of the total weight, none with a
    member it could do without; heaviest sets first."""
    total = sum(weights)
    if not total:
        return [tuple(range(len(weights)))]
    needed = share * total - 1e-9
    found = []
    for size in range(1, len(weights) + 1):
        for chosen in combinations(range(len(weights)), size):
            reach = sum(weights[i] for i in chosen)
            if reach >= needed and all(reach - weights[i] < needed for i in chosen):
                found.append(chosen)
    return sorted(found, key=lambda chosen: -sum(weights[i] for i in chosen))


def _unit_query(unit, synonym_boost):
    leaves = [Words(unit.term, operator="and", whole_only=unit.whole_only)]
    # A synonym of function words only (关于) has nothing to search: the backends cannot combine it.
    for synonym in (synonym for synonym in unit.synonyms if query_words(synonym)):
        leaf = Words(synonym, operator="and", whole_only=unit.whole_only)
        leaves.append(Boost(leaf, synonym_boost) if synonym_boost else leaf)
    return leaves[0] if len(leaves) == 1 else Or(leaves)


def _all_of(queries):
    return queries[0] if len(queries) == 1 else And(queries)


@dataclass
class SoftQuery:
    units: list  # [Unit], weighed, heaviest first
    sets: list  # minimal sets of unit indexes

    @property
    def requires_all(self):
        return len(self.sets) == 1 and len(self.sets[0]) == len(self.units)

    def backend_query(self, synonym_boost=None, phrase=None, phrase_boost=2.0):
        """The modelsearch query. Elasticsearch also gets boosts (``synonym_boost``: synonyms below
        the word typed; the whole phrase and all of the words above what merely reaches the share);
        the database backends support no ``Boost`` and rank in ``search.queries.rerank`` instead."""
        clauses = [_unit_query(unit, synonym_boost) for unit in self.units]
        rules = [_all_of([clauses[i] for i in chosen]) for chosen in self.sets]
        matching = rules[0] if len(rules) == 1 else Or(rules)
        if synonym_boost is None or len(self.units) < 2:
            return matching
        # Clauses that only add to the score: each matches a subset of what ``matching`` matches.
        extra = [Boost(Phrase(phrase), phrase_boost)] if phrase else []
        if not self.requires_all:
            extra.append(_all_of(clauses))  # every word, not only enough of them
        return Or([matching, *extra]) if extra else matching


def soft_query(units, share):
    """The :class:`SoftQuery` for ``units`` (unweighed), or None when there is nothing to search.

    Many words of equal weight make many minimal sets (eight at one half: 70); beyond
    ``MAX_SETS`` the lightest words are left out until the query is of a sensible size.
    """
    if not units:
        return None
    share = min(max(float(share), 0.01), 1.0)
    weighed = sorted(weigh(units), key=lambda unit: -unit.weight)[:MAX_UNITS]
    sets = minimal_sets([unit.weight for unit in weighed], share)
    while len(sets) > MAX_SETS and len(weighed) > 1:
        weighed = weighed[:-1]
        sets = minimal_sets([unit.weight for unit in weighed], share)
    return SoftQuery(weighed, sets)
