"""The first results put in order by what a citizen notices: their words, in the title, together.

The backend's ranking (BM25 on SQLite, ``ts_rank`` on PostgreSQL) knows nothing of synonyms
or of which words were typed, and ranks a document matching two common words far apart
like one holding the phrase. The first ``TOP`` results are therefore scored again, the same
on every backend, from the weighed query:

* each word counts its weight when the document holds it as typed, less when it holds only
  a synonym (``SYNONYM_WEIGHT``), less still when it holds only the word's parts;
* the same again when the title holds it;
* the whole query, written as typed, in the title or the text counts extra (phrase);
* the backend's own order breaks ties.

Results beyond ``TOP`` keep the backend's order, so paging stays stable.
"""

from dataclasses import dataclass

from ..analysis.segment import word_parts

TOP = 30
PARTS_ONLY = 0.3
PHRASE_IN_TITLE = 0.6
PHRASE_IN_TEXT = 0.25
BACKEND_ORDER = 0.3


@dataclass
class Scored:
    document: object
    score: float
    holds_every_word: bool


def _text(document):
    parts = [document.title, document.summary, document.body, document.keywords, document.doc_number]
    parts += [document.category_name, document.topic_name, document.genre_name]
    return "\n".join(part for part in parts if part).lower()


def _held(unit, text, synonym_weight):
    if unit.term.lower() in text:
        return 1.0
    if any(synonym.lower() in text for synonym in unit.synonyms):
        return synonym_weight
    parts = word_parts(unit.term.lower())
    if parts and all(part in text for part in parts):
        return PARTS_ONLY
    return 0.0


def score(documents, units, phrase, synonym_weight):
    """[Scored] for ``documents`` (in the backend's order), best first."""
    total = sum(unit.weight for unit in units) or 1.0
    phrase = "".join(phrase.lower().split()) if len(units) > 1 else ""
    scored = []
    for position, document in enumerate(documents):
        text, title = _text(document), document.title.lower()
        held = [_held(unit, text, synonym_weight) for unit in units]
        in_title = [_held(unit, title, synonym_weight) for unit in units]
        value = sum(unit.weight * (h + t) for unit, h, t in zip(units, held, in_title, strict=True)) / total
        if phrase and phrase in title:
            value += PHRASE_IN_TITLE
        elif phrase and phrase in "".join(text.split()):
            value += PHRASE_IN_TEXT
        value += BACKEND_ORDER / (1 + position)
        scored.append(Scored(document, value, all(held)))
    return sorted(scored, key=lambda item: -item.score)


class Reranked:
    """The backend's results with the first ``TOP`` put in this order; sliceable like them."""

    def __init__(self, ranked, units, phrase, synonym_weight):
        self.ranked = ranked
        self.scored = score(list(ranked[:TOP]), units, phrase, synonym_weight)
        self.top = [item.document for item in self.scored]

    @property
    def holds_every_word(self):
        return bool(self.scored) and self.scored[0].holds_every_word

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        head = self.top[start:stop]
        if stop is not None and stop <= len(self.top):
            return head
        return head + list(self.ranked[max(start, len(self.top)) : stop])
