"""Reading the shipped lexicon: Solr's synonym format, so it also serves an Elasticsearch synonym filter.

``a, b, c`` — two-way: any of the words finds the others. ``a, b => c, d`` — one-way: a and b
also find c and d, not the other way round. ``## heading`` names the domain of the rules below
it (the groups' note); ``# version: …`` is the lexicon's version; other ``#`` lines are comments.
A rule's first word is its key: later versions update a rule by it.
"""

from dataclasses import dataclass
from pathlib import Path

LEXICON = Path(__file__).with_name("colloquial.txt")


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    terms: tuple
    targets: tuple = ()  # empty for a two-way rule
    domain: str = ""
    line: int = 0

    @property
    def key(self):
        return self.terms[0]

    @property
    def words(self):
        return self.terms + self.targets


@dataclass(frozen=True)
class Lexicon:
    version: str
    rules: tuple


def _words(text, line):
    words = tuple(word.strip() for word in text.split(","))
    if any(not word or " " in word for word in words):
        raise LexiconError(f"line {line}: empty word or a space inside a word: {text!r}")
    return words


def parse_lexicon(text):
    version, domain, rules, keys = "", "", [], set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            domain = line.lstrip("#").strip()
            continue
        if line.startswith("#"):
            comment = line.lstrip("#").strip()
            if comment.lower().startswith("version:"):
                version = comment.split(":", 1)[1].strip()
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            rule = Rule(_words(left, number), _words(right, number), domain, number)
        else:
            rule = Rule(_words(line, number), (), domain, number)
            if len(rule.terms) < 2:
                raise LexiconError(f"line {number}: a two-way rule needs two words: {line!r}")
        if rule.key in keys:
            raise LexiconError(f"line {number}: {rule.key} already starts another rule")
        keys.add(rule.key)
        rules.append(rule)
    if not version:
        raise LexiconError("the lexicon has no '# version:' line")
    return Lexicon(version, tuple(rules))


def shipped_lexicon():
    return parse_lexicon(LEXICON.read_text(encoding="utf-8"))
