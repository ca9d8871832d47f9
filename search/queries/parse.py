"""From what a citizen typed to what the backend is asked.

A query is cleaned (control characters, width, length), checked for a 文号 or 索引号 to
look up exactly, and split into units around synonym terms: each unit is either plain text
or a group of synonyms any of which may match. The backend segments plain text itself
(``search.backends``), so the same query works on the database backends and Elasticsearch.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce

from modelsearch.query import And, Or, PlainText

from disclosure.api import DOC_NUMBER_PATTERN, normalise_doc_number, remove_invisible

from ..analysis.segment import query_words, word_parts
from .synonyms import synonym_table

# Zero-width and bidirectional marks vanish (``remove_invisible``): a query shown back, logged or
# offered to others must read as it was typed. Other control characters become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
_INDEX_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/\-_.]{5,99}$")


def clean(text, max_length):
    """Printable, single-spaced, at most ``max_length`` characters; never raises."""
    text = _CONTROL.sub(" ", remove_invisible(str(text or "")))
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()[:max_length].strip()


@dataclass
class ParsedQuery:
    text: str
    units: list = field(default_factory=list)  # each: a word, or the words of one synonym group
    doc_number_key: str = ""
    index_number: str = ""

    @property
    def is_empty(self):
        return not self.units

    def backend_query(self, operator="and"):
        """A modelsearch query: every unit must match (``and``), or any may (``or``, the relaxed retry)."""
        clauses = []
        for alternatives in self.units:
            leaves = [PlainText(term, operator="and") for term in alternatives]
            clauses.append(leaves[0] if len(leaves) == 1 else Or(leaves))
        if len(clauses) == 1:
            return clauses[0]
        return And(clauses) if operator == "and" else reduce(lambda a, b: a | b, clauses)

    def highlight_terms(self):
        """Words to mark in titles and snippets: the query's words, their parts and synonyms."""
        terms = set()
        for alternatives in self.units:
            for term in alternatives:
                for word in query_words(term):
                    terms.add(word)
                    terms.update(word_parts(word))
                terms.add(term.lower())
        return sorted((term for term in terms if term.strip()), key=len, reverse=True)


def _split_on_synonyms(text, table):
    """Units of ``text``: synonym terms found in it (longest first) become groups, the rest stays text."""
    lowered = text.lower()
    spans = []
    for term in sorted(table, key=len, reverse=True):
        start = lowered.find(term.lower())
        while start != -1:
            end = start + len(term)
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, table[term]))
            start = lowered.find(term.lower(), end)
    units, position = [], 0
    for start, end, group in sorted(spans):
        if text[position:start].strip():
            units.append((text[position:start].strip(),))
        units.append(group)
        position = end
    if text[position:].strip():
        units.append((text[position:].strip(),))
    return units


def parse(raw, max_length=100):
    text = clean(raw, max_length)
    parsed = ParsedQuery(text=text)
    if not text:
        return parsed
    match = DOC_NUMBER_PATTERN.search(text)
    if match:
        parsed.doc_number_key = normalise_doc_number(match.group(0))
    compact = text.replace(" ", "")
    if _INDEX_NUMBER.match(compact) and any(ch.isdigit() for ch in compact):
        parsed.index_number = compact
    units = []
    for unit in _split_on_synonyms(text, synonym_table()):
        if len(unit) > 1:
            units.append(unit)
        else:
            # Plain text becomes one unit per word, so a relaxed retry can drop words;
            # punctuation and function words (的, 关于…) match nothing and are left out.
            units.extend((word,) for word in query_words(unit[0]) if word not in {u[0] for u in units})
    parsed.units = units
    return parsed
