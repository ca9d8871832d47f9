"""Text typed by the public, made to read as it was typed."""

import re

# The bidirectional controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI): invisible, they make a text
# read differently on the page than it was typed or moderated.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# With the zero-width characters and the byte-order mark, which can also hide a word from a
# word list ("内\u200b部资料"), but join emoji (U+200D) in text that is kept.
INVISIBLE = re.compile(f"[{BIDI_CONTROLS}\u200b-\u200d\ufeff]")


def remove_invisible(text):
    """For what is matched or shown back, never kept as typed (queries; word-list checks)."""
    return INVISIBLE.sub("", text)
