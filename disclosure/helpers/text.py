"""Text typed by the public, made to read as it was typed."""

import re

# Zero-width characters, the byte-order mark and the bidirectional marks (LRM, RLM, ALM,
# LRE…RLO, LRI…PDI): invisible, they make a query or a question read differently on the
# page than it was typed or moderated.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def remove_invisible(text):
    return INVISIBLE.sub("", text)
