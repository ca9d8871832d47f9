"""The query string both database engines are given: each word as itself or as all its parts."""

from ...analysis.segment import query_alternatives


def fts_query(query_string, operator, *, and_, or_, quote, prefix_mark):
    """The engine query for segmented ``query_string``: each word as itself or as all its parts.

    Returns None when nothing searchable is left (only punctuation or function words).
    """
    alternatives = query_alternatives(query_string)
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
            rendered.append(tokens[0] if len(tokens) == 1 else "(" + f" {and_} ".join(tokens) + ")")
        clauses.append(rendered[0] if len(rendered) == 1 else "(" + f" {or_} ".join(rendered) + ")")
    return "(" + joiner.join(clauses) + ")"
