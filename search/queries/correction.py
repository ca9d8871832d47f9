"""Correcting a mistyped word from the index's own vocabulary: 招升 → 招生, 公积全 → 公积金.

A piece of the query is suspect when the public index does not know it: a word no public
document contains, or a run of single characters the segmenter could not make a word of
(招升 → 招 升). Its candidates are words of the same length that many public documents
contain: first a homophone (same toneless pinyin, from pypinyin), then, for words of three
characters or more, one differing in a single character. Nothing here is a list of typos;
the vocabulary is the index's (``search.documents.vocabulary``), so only public words are
ever proposed. Words with synonyms (the lexicon's everyday words) are never corrected.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q

from .. import conf
from ..analysis.segment import STOPWORDS, tokenizer
from ..documents.models import IndexedTerm
from ..documents.vocabulary import frequencies, pinyin_key
from .synonyms import synonym_table

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
#: At most this many runs of Han characters of one query are looked at (a pasted paragraph costs no more).
MAX_RUNS = 4
#: A candidate must be this many times more frequent than the word typed.
MORE_FREQUENT = 5
#: Words in at most this many documents may be corrected.
RARE = 1
MAX_RUN = 12


@dataclass(frozen=True)
class Correction:
    original: str
    text: str  # the corrected query
    replaced: tuple  # ((typed, corrected), …)


@lru_cache(maxsize=4)
def _everyday_by_sound(words):
    """{pinyin: [word]} of the synonym groups' Han words (a pure function of the words: cached)."""
    by_sound = {}
    for word in words:
        if HAN_WORD.match(word):
            by_sound.setdefault(pinyin_key(word), []).append(word)
    return by_sound


def _everyday_words(synonyms, keys):
    """{pinyin: [(documents reached, word)]} for the synonym groups' words that sound like ``keys``:
    a word the index lacks but the lexicon knows (底保 → 低保, which documents write 最低生活保障)."""
    by_sound = _everyday_by_sound(frozenset(synonyms))
    words = [word for key in keys for word in by_sound.get(key, [])]
    found = frequencies(other for word in words for other in synonyms[word])
    heard = {}
    for word in words:
        reach = max((found.get(other.lower(), 0) for other in synonyms[word]), default=0)
        if reach:
            heard.setdefault(pinyin_key(word), []).append((reach, word))
    return heard


def _homophones(pieces, floor, synonyms):
    """{piece: the most frequent word of the same length and toneless pinyin}, from the index and
    from the synonym groups' everyday words."""
    keys = {piece: pinyin_key(piece) for piece in pieces}
    best = {}
    rows = IndexedTerm.objects.filter(pinyin__in=set(keys.values()) - {""}, documents__gte=floor)
    for term, pinyin, documents in rows.values_list("term", "pinyin", "documents"):
        best.setdefault(pinyin, []).append((documents, term))
    everyday = _everyday_words(synonyms, set(keys.values()))
    found = {}
    for piece, key in keys.items():
        options = best.get(key, []) + everyday.get(key, [])
        options = [(documents, term) for documents, term in options if term != piece and documents >= floor]
        options = [option for option in options if len(option[1]) == len(piece)]
        if options:
            found[piece] = max(options)[1]
    return found


def _one_character_off(pieces, floor):
    """{piece: the most frequent indexed word of its length differing in one character} (3+ characters).

    A two-character word is one character away from too many words to choose without context: 供暖
    (in no document) would become the corpus's 供养, and 供暖安全 find 特困供养 pages.
    """
    pieces = [piece for piece in pieces if len(piece) >= 3]
    if not pieces:
        return {}
    # One pattern per length (ab.d|a.cd|…): the database compiles it once, not a clause per position.
    shapes = Q()
    for length in {len(piece) for piece in pieces}:
        forms = [
            re.escape(piece[:position]) + "." + re.escape(piece[position + 1 :])
            for piece in pieces
            if len(piece) == length
            for position in range(length)
        ]
        shapes |= Q(length=length, term__regex=f"^(?:{'|'.join(forms)})$")
    rows = IndexedTerm.objects.filter(shapes, documents__gte=floor).values_list("term", "documents")
    found = {}
    for term, _documents in sorted(rows, key=lambda row: (-row[1], row[0])):
        for piece in pieces:
            if (
                piece not in found
                and len(term) == len(piece)
                and sum(a != b for a, b in zip(term, piece, strict=True)) == 1
            ):
                found[piece] = term
    return found


def _suspects(run, known):
    """Pieces of a Han run that the index does not know, most specific first: the run itself, then
    around each unknown word or run of single characters (招升 → 招 升; 最低生话保障 → 最低 生 话 保障)
    the windows of three to six characters holding it and made of whole words, then the piece alone."""
    words = [word for word in tokenizer().cut(run) if word.strip()]
    spans, position = [], 0
    for word in words:
        spans.append((position, position + len(word), word))
        position += len(word)
    suspect, start = [], None
    for begin, end, word in [*spans, (len(run), len(run), "")]:
        single = len(word) == 1 and word not in STOPWORDS
        if single and start is None:
            start = begin
        if not single and start is not None:
            suspect.append((start, begin))
            start = None
        if len(word) >= 2 and word not in STOPWORDS and word not in known:
            suspect.append((begin, end))
    if not suspect:
        return []  # every word known: 失业补贴 is 失业 + 补贴, not a slip for 就业补贴
    pieces = [run] if len(run) <= 8 else []
    # A window starts and ends where words do: 地保户 (of 耕地保户) would split the known 耕地.
    edges = {start for start, _end, _word in spans} | {len(run)}
    for begin, end in suspect:
        windows = [
            run[a:b]
            for size in range(6, 2, -1)
            for a in range(max(0, end - size), min(begin, len(run) - size) + 1)
            for b in [a + size]
            if a <= begin and b >= end and a in edges and b in edges
        ]
        pieces.extend(windows)
        if end - begin >= 2:
            pieces.append(run[begin:end])
    return [piece for piece in dict.fromkeys(pieces) if piece not in known]


def _overlap(piece, word):
    """Whether ``piece`` and ``word`` share characters where they meet (one holds the other, or they overlap)."""
    return (
        word in piece
        or piece in word
        or any(piece.endswith(word[:n]) or piece.startswith(word[-n:]) for n in range(1, len(word)))
    )


def _reach(word, synonyms):
    """How many documents the word finds: its own, or its synonyms' most frequent."""
    found = frequencies([word, *synonyms.get(word, ())])
    return max(found.values(), default=0)


def correct(text):
    """The :class:`Correction` of ``text``, or None when every word is known (or no better one exists)."""
    floor = conf.get("CORRECTION_MIN_DOCUMENTS")
    synonyms = synonym_table()
    runs = list(dict.fromkeys(run for run in HAN_RUN.findall(text) if len(run) <= MAX_RUN))[:MAX_RUNS]
    if not runs:
        return None
    words = set(runs) | {word for run in runs for word in tokenizer().cut(run) if len(word) >= 2}
    counts = frequencies(words)
    # A word in one document only is as good as unknown when a far more frequent one sounds the same.
    known = {word for word, documents in counts.items() if documents > RARE}
    corrected, replaced = text, []
    for run in runs:
        if run in known:
            continue
        # Everyday words of the lexicon are not slips: 公积金 in 公积金提区 stays, 提区 is corrected.
        everyday = [term for term in synonyms if len(term) >= 2 and term in run]
        suspects = [piece for piece in _suspects(run, known) if not any(_overlap(piece, term) for term in everyday)]
        counts.update(frequencies(suspects))
        suspects = [piece for piece in suspects if counts.get(piece, 0) <= RARE]
        homophones = _homophones(suspects, floor, synonyms)
        variants = _one_character_off([piece for piece in suspects if piece not in homophones], floor)
        for piece in suspects:
            candidate = homophones.get(piece) or variants.get(piece)
            if not candidate or piece not in corrected:
                continue
            if MORE_FREQUENT * counts.get(piece, 0) <= max(floor, _reach(candidate, synonyms)):
                corrected = corrected.replace(piece, candidate, 1)
                replaced.append((piece, candidate))
    if not replaced:
        return None
    return Correction(text, corrected, tuple(replaced))
