"""The labels of the national tables as agencies publish them, matched to the format's.

Published reports retype the format's labels: full-width or half-width digits and brackets,
spaces, ``&nbsp;`` and line breaks inside a label, 合计 for 总计, the numbering (一、 （一） 1.)
changed or dropped, the bracketed part left out (（二）部分公开, 本年收费金额（万元）), a word
added. A label is therefore compared in three ways, the first that finds something winning:

1. its *key* (NFKC, letters and digits only, 合计 read as 总计) against the format's labels
   and the ``aliases`` its rows and columns list;
2. its *core* (the key without leading numbering and a closing bracketed part) against theirs;
3. for cores of four characters or more, one core containing the other.

A published label may so stand for several of the format's (其他 is a 表三 column and, as
（六）3.其他, a row); which one is meant is decided by where it stands (``Target``).

The format's labels and their places come from ``layout``: the grid every rendering draws
is also what a published table is read against.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ...helpers.text import remove_invisible
from ...requests.imports.columns import key as plain_key
from .. import formats, layout

SYNONYMS = (("合计", "总计"),)
NUMBERING = re.compile(r"^\s*(?:\(\s*[一二三四五六七八九十\d]+\s*\)|[一二三四五六七八九十\d]+\s*[、.,:)])\s*")
TRAILING_BRACKETS = re.compile(r"\([^()]*\)\s*$")
#: Shorter cores match only exactly (其他, 总计 are a row and a column at once).
CONTAINED_FROM = 4
#: Longer texts are sentences or titles, not labels.
LONGEST_LABEL = 80


def key(text):
    """A label as compared: NFKC, letters and digits only, 合计 read as 总计."""
    value = plain_key(remove_invisible(str(text or "")))
    for variant, canonical in SYNONYMS:
        value = value.replace(variant, canonical)
    return value


def core(text):
    """The key without the leading numbering and a closing bracketed part: （二）部分公开（区分处理的…） → 部分公开."""
    text = unicodedata.normalize("NFKC", remove_invisible(str(text or "")))
    text = NUMBERING.sub("", text, count=1)
    return key(TRAILING_BRACKETS.sub("", text)) or key(text)


class Vocabulary:
    """Every label of one format (headers of its layout grids, and the aliases of its rows and columns)."""

    def __init__(self, fmt):
        self.exact, self.cores = {}, {}
        for grid in layout.grids(fmt):
            for cell in grid.cells():
                if cell.header and cell.text:
                    self._add(cell.text, cell.text)
        for table in fmt.tables:
            for block in table.blocks:
                for item in (*block.rows, *block.columns):
                    for alias in item.aliases:
                        self._add(alias, item.label)

    def _add(self, text, label):
        self.exact.setdefault(key(text), set()).add(key(label))
        self.cores.setdefault(core(text), set()).add(key(label))

    def resolve(self, text):
        """The keys of the format's labels that a published text stands for; empty for a figure or other text."""
        exact = key(text)
        if not exact or len(exact) > LONGEST_LABEL or exact.isdigit():
            return frozenset()
        if exact in self.exact:
            return frozenset(self.exact[exact])
        bare = core(text)
        if bare in self.cores:
            return frozenset(self.cores[bare])
        if len(bare) < CONTAINED_FROM:
            return frozenset()
        found = set()
        for known, labels in self.cores.items():
            if len(known) >= CONTAINED_FROM and (known in bare or bare in known):
                found |= labels
        return frozenset(found)

    def labels(self):
        """Every label key (for telling one format's tables from another's)."""
        return set(self.exact)


@dataclass(frozen=True)
class Target:
    """A figure of the format and the labels that name it: beside it (``left``) and above it (``above``).

    ``need_left`` / ``need_above`` are its own row's and column's labels: a published figure is
    this one only when they are found where they belong; the others (groups, headings) decide
    between figures that share them.
    """

    code: str
    table: str
    row: str
    left: frozenset
    above: frozenset
    need_left: frozenset
    need_above: frozenset
    order: int


def targets(fmt):
    """Every figure of the format as a ``Target``, in the format's reading order."""
    found = []
    for grid in layout.grids(fmt):
        headers = {cell.id: cell for cell in grid.cells() if cell.id}
        for cell in grid.cells():
            if not cell.is_figure:
                continue
            figure = fmt.cells[cell.cell]
            own = {key(figure.row.label), key(figure.column.label)}
            left, above = set(), set()
            for header_id in cell.headers:
                header = headers[header_id]
                (left if header.scope in ("row", "rowgroup") else above).add(key(header.text))
            found.append(
                Target(
                    code=cell.cell,
                    table=figure.table,
                    row=figure.row.code,
                    left=frozenset(left),
                    above=frozenset(above),
                    need_left=frozenset(left & own),
                    need_above=frozenset(above & own),
                    order=len(found),
                )
            )
    return found


@cache
def vocabulary(format_code):
    return Vocabulary(formats.get(format_code))


@cache
def format_targets(format_code):
    return tuple(targets(formats.get(format_code)))
