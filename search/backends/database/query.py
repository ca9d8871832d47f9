"""The query string both database engines are given: each word as itself or as all its parts, near each other.

A word the document's segmentation split differently (城乡居民医保 indexed as 城乡居民 + 医保)
is still found by its parts, but only where they stand together: 计划生育 must not match a
text with 计划 at the start and 生育 at the end. Each engine says "near" its own way
(``near``): FTS5's ``NEAR()``, PostgreSQL's ``<N>`` phrase distances.
"""

from itertools import product

from ...analysis.segment import query_alternatives

#: The most index tokens between two parts of one word: jieba's search mode emits a long word's
#: sub-words between its parts (住房 公积 公积金 → 住房 … 公积金 are two apart).
PART_GAP = 3
#: Words of more parts than this are matched by their parts anywhere (the phrase forms multiply).
MAX_NEAR_PARTS = 3


def fts_query(query_string, operator, *, and_, or_, quote, prefix_mark, near, whole_only=frozenset()):
    """The engine query for segmented ``query_string``: each word as itself or as all its parts.

    ``near(tokens)`` renders quoted tokens that must stand within ``PART_GAP`` of each other
    (FTS5: in any order; PostgreSQL: in order, and only within the first 16,383 positions of a
    document, where its tsvector keeps positions — the whole word itself matches anywhere).
    Words of ``whole_only`` match only as themselves. Returns None when nothing searchable is
    left (only punctuation or function words).
    """
    alternatives = query_alternatives(query_string, whole_only)
    if not alternatives:
        return None
    joiner = f" {and_} " if operator.lower() == "and" else f" {or_} "
    clauses = []
    for index, ways in enumerate(alternatives):
        last = index == len(alternatives) - 1
        rendered = []
        for way in ways:
            tokens = [
                quote(token) + (prefix_mark if last and prefix_mark and position == len(way) - 1 else "")
                for position, token in enumerate(way)
            ]
            if len(tokens) == 1:
                rendered.append(tokens[0])
            elif len(tokens) <= MAX_NEAR_PARTS:
                rendered.append(near(tokens))
            else:
                rendered.append("(" + f" {and_} ".join(tokens) + ")")
        clauses.append(rendered[0] if len(rendered) == 1 else "(" + f" {or_} ".join(rendered) + ")")
    return "(" + joiner.join(clauses) + ")"


def fts5_near(tokens):
    return f"NEAR({' '.join(tokens)}, {PART_GAP})"


def tsquery_near(tokens):
    """Every spacing of the parts up to ``PART_GAP`` apart: PostgreSQL's ``<N>`` is an exact distance."""
    forms = []
    for gaps in product(range(1, PART_GAP + 2), repeat=len(tokens) - 1):
        form = tokens[0]
        for gap, token in zip(gaps, tokens[1:], strict=True):
            form += f" <{gap}> {token}"
        forms.append(f"({form})")
    return "(" + " | ".join(forms) + ")"
