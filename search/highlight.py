"""Marking the query's words in titles and snippets, the same for every backend."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe


def _pattern(terms):
    terms = [term for term in terms if term]
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def mark(text, terms):
    """``text`` escaped, with every occurrence of a term wrapped in ``<mark>``."""
    pattern = _pattern(terms)
    if pattern is None:
        return mark_safe(escape(text))
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def snippet(texts, terms, length=120):
    """A window of about ``length`` characters around the first match in ``texts`` (in order), marked.

    Falls back to the start of the first non-empty text when nothing matches (a match in
    the 文号 or metadata only).
    """
    pattern = _pattern(terms)
    candidates = [" ".join(text.split()) for text in texts if text and text.strip()]
    for text in candidates:
        match = pattern.search(text) if pattern else None
        if match:
            start = max(0, match.start() - length // 4)
            window = text[start : start + length]
            prefix = "…" if start > 0 else ""
            suffix = "…" if start + length < len(text) else ""
            return mark_safe(prefix + mark(window, terms) + suffix)
    if candidates:
        text = candidates[0]
        return mark_safe(mark(text[:length], terms) + ("…" if len(text) > length else ""))
    return ""
