"""From what a citizen typed to what the backend is asked.

A query is cleaned (control characters, width, length), checked for a 文号 or 索引号 to
look up exactly, and split into units: the words of the query, a word with synonyms carrying
them. ``search.queries.matching`` weighs the units and makes the backend query; the backend
segments each word itself (``search.backends``), so the same query works on the database
backends and Elasticsearch.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from disclosure.api import DOC_NUMBER_PATTERN, normalise_doc_number, remove_invisible

from ..analysis.segment import query_words, tokenizer
from .matching import Unit, soft_query
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
    units: list = field(default_factory=list)  # [Unit]: each a word, with its synonyms if it has any
    doc_number_key: str = ""
    index_number: str = ""

    @property
    def is_empty(self):
        return not self.units

    def soft_query(self, share):
        """The query's :class:`~search.queries.matching.SoftQuery` (its words weighed in the index)."""
        return soft_query(self.units, share)

    def highlight_terms(self):
        """Words to mark in titles and snippets: the query's words and their synonyms, whole.

        Never the parts of a word: 保障 is not what someone searching 低保 looks for.
        """
        terms = {word.lower() for unit in self.units for word in unit.words if word.strip()}
        return sorted(terms, key=len, reverse=True)


def _split_on_synonyms(text, table):
    """Pieces of ``text``: synonym terms found in it (longest first) become (term, synonyms), the rest (text, None)."""
    lowered = text.lower()
    # A term counts only where it is a word of the query: 上学 is not in 以上学历, 拆迁 is in 拆迁补偿.
    edges = {0, len(text)} | {
        edge for _word, start, end in tokenizer().tokenize(lowered, mode="search") for edge in (start, end)
    }
    spans = []
    for term in sorted(table, key=len, reverse=True):
        start = lowered.find(term)
        while start != -1:
            end = start + len(term)
            if start in edges and end in edges and all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, table[term]))
            start = lowered.find(term, start + 1)
    pieces, position = [], 0
    for start, end, synonyms in sorted(spans):
        if text[position:start].strip():
            pieces.append((text[position:start].strip(), None))
        pieces.append((text[start:end], synonyms))
        position = end
    if text[position:].strip():
        pieces.append((text[position:].strip(), None))
    return pieces


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
    for piece, synonyms in _split_on_synonyms(text, synonym_table()):
        if synonyms is not None:
            units.append(Unit(piece, synonyms))
        else:
            # Plain text becomes one unit per word, each weighed on its own; punctuation and
            # function words (的, 关于…) match nothing and are left out.
            units.extend(Unit(word) for word in query_words(piece) if word not in {unit.term for unit in units})
    parsed.units = units
    return parsed
