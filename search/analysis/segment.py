"""Chinese word segmentation, the same on both sides of the index.

Database full-text engines split text on spaces and punctuation only, so a run of Han
characters is one token and 保密审查 inside a sentence is never found. We segment with
jieba (plus ``gov_terms.txt``, our dictionary of government terms) before indexing and
before querying, and hand the engines space-separated words.

Indexing uses jieba's search mode, which also emits the dictionary words inside a long
word (城乡居民 → 城乡, 居民, 城乡居民). A query word therefore matches either as a whole
or as all of its parts, so a document segmented differently in context is still found.
"""

import gc
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

import jieba

USER_DICTIONARY = Path(__file__).with_name("gov_terms.txt")

#: Function words that carry no meaning in a query ("关于…的通知"); dropped on both sides.
STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 对 是 为 将 把 被 等 之 其 于 从 并 而 以 由 向 按 关于 有关 进一步 一 个 吗 呢 啊 怎么 如何 什么 哪里"
    " 哪些 多少 可以 能否 是否 我 你 他 我们 要 请问"
    # Operators of search syntaxes citizens may have learnt elsewhere; here they are not words.
    " and or not near".split()
)

_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    """The shared jieba tokenizer; loading its dictionary takes about a second, once per process."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(30)
                instance = jieba.Tokenizer()
                instance.load_userdict(str(USER_DICTIONARY))
                _tokenizer = instance
                # The dictionary (and pypinyin's, loaded at import) lives as long as the process.
                # Left to the cyclic collector, each of its full passes walked it — 145 ms on the
                # development machine, in the middle of whichever search triggered it. Frozen, they
                # are never walked. What else is alive now is kept for good too: the garbage is
                # collected first, what the triggering request or task still holds stays (bounded).
                gc.collect()
                gc.freeze()
    return _tokenizer


def _normal(text):
    return unicodedata.normalize("NFKC", text or "").lower()


def _is_word(token):
    return token not in STOPWORDS and any(ch.isalnum() for ch in token)


def index_words(text):
    """Every word a document should be findable by, in order (search mode: long words and their parts)."""
    return [token for token in tokenizer().cut_for_search(_normal(text)) if _is_word(token.strip())]


@lru_cache(maxsize=512)
def index_text(text):
    """``text`` as the space-separated words a full-text engine indexes.

    Cached: the indexers ask for the same title several times (title, autocomplete, body).
    """
    return " ".join(index_words(text))


@lru_cache(maxsize=4096)
def query_words(text):
    """The words of a query (precise mode), without function words or duplicates."""
    words = []
    for token in tokenizer().cut(_normal(text)):
        token = token.strip()
        if _is_word(token) and token not in words:
            words.append(token)
    return tuple(words)


@lru_cache(maxsize=4096)
def word_parts(word):
    """The dictionary words that tile ``word`` left to right (住房公积金 → 住房, 公积金); () if none do.

    Overlapping parts (城乡/乡居/居民) are skipped so that a document whose own
    segmentation kept only the outer parts still matches.
    """
    spans = sorted(
        ((start, end, token) for token, start, end in tokenizer().tokenize(word, mode="search") if token != word),
        key=lambda span: (span[0], -(span[1] - span[0])),
    )
    parts, position = [], 0
    for start, end, token in spans:
        if start >= position and end - start >= 2:
            parts.append(token)
            position = end
    if not parts or len("".join(parts)) < len(word) - 1:
        return ()
    return tuple(parts)


def query_alternatives(text, whole_only=frozenset()):
    """For each query word, the ways it may appear in the index: itself, or all of its parts
    (unless it is one of ``whole_only``)."""
    alternatives = []
    for word in query_words(text):
        ways = [(word,)]
        parts = () if word in whole_only else word_parts(word)
        if parts:
            ways.append(parts)
        alternatives.append(ways)
    return alternatives
