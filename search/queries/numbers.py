"""A query that *is* a 文号 or 索引号 nobody published: say so, and offer the nearest numbers.

Falling back to any-word matching would drown "this number does not exist" in hundreds of
documents sharing a digit or the issuing prefix, so the search instead reports the number as
missing and lists at most a few public numbers of the same prefix — same year first, then the
nearest years — each found by a prefix range on an indexed column.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from disclosure.api import normalise_doc_number

DOC_NUMBER = "doc_number"
INDEX_NUMBER = "index_number"
FIELDS = {DOC_NUMBER: "doc_number_key", INDEX_NUMBER: "index_number"}
CLOSEST = 5
_CANDIDATES = 200  # rows read per direction; a prefix with more in one year is cut, never slow

# A 索引号 worth calling missing: a code of six or more letters/digits, a separator, and a year
# after a separator ({org_code}/{year}-{serial}, {org_code}-{category}-{year}-…). Looser shapes
# (ISO9001, 2023-2024) stay ordinary words.
_INDEX_SHAPE = re.compile(
    r"^[0-9A-Za-z]{6,}[/\-_.](?:[0-9A-Za-z]+[/\-_.])*?((?:19|20)\d{2})(?:[/\-_.][0-9A-Za-z/\-_.]*)?$"
)
_DOC_SHAPE = re.compile(r"^(.+?〔)((?:19|20)\d{2})〕(\d+)号$")
_DIGITS = re.compile(r"\d+")


@dataclass
class MissingNumber:
    kind: str  # DOC_NUMBER or INDEX_NUMBER
    number: str  # as the visitor typed it
    closest: list = field(default_factory=list)  # PublicDocument rows, nearest first

    @property
    def message(self):
        if self.kind == DOC_NUMBER:
            return _("No document has the number “%(number)s”.") % {"number": self.number}
        return _("No document has the index number “%(number)s”.") % {"number": self.number}

    @property
    def closest_label(self):
        return _("Similar document numbers:") if self.kind == DOC_NUMBER else _("Similar index numbers:")


def split_number(kind, value):
    """``(prefix, year, serial)`` of a normalised 文号 key or a 索引号, or ``None`` when it has no year."""
    if kind == DOC_NUMBER:
        match = _DOC_SHAPE.match(value)
        return (match.group(1), int(match.group(2)), int(match.group(3))) if match else None
    match = _INDEX_SHAPE.match(value)
    if not match:
        return None
    serials = _DIGITS.findall(value[match.end(1) :])
    return value[: match.start(1)], int(match.group(1)), int(serials[-1]) if serials else 0


def number_kind(parsed):
    """DOC_NUMBER or INDEX_NUMBER when the whole query is one such number, else ``""``."""
    key = parsed.doc_number_key
    if key and key == normalise_doc_number(parsed.text) and _DOC_SHAPE.match(key):
        return DOC_NUMBER
    if parsed.index_number and _INDEX_SHAPE.match(parsed.index_number):
        return INDEX_NUMBER
    return ""


def closest_numbers(documents, kind, value, limit=CLOSEST):
    """Ids of up to ``limit`` documents whose number shares ``value``'s prefix: same year, nearest
    serial first; then the nearest years. Three range reads on the indexed column, sorted here."""
    parts = split_number(kind, value)
    if parts is None:
        return []
    prefix, year, serial = parts
    column = FIELDS[kind]
    same_prefix = documents.filter(**{f"{column}__startswith": prefix}).values_list("pk", column)
    year_start = f"{prefix}{year}"
    rows = list(same_prefix.filter(**{f"{column}__startswith": year_start})[:_CANDIDATES])
    rows += same_prefix.filter(**{f"{column}__lt": year_start}).order_by(f"-{column}")[:_CANDIDATES]
    rows += same_prefix.filter(**{f"{column}__gt": f"{year_start}\uffff"}).order_by(column)[:_CANDIDATES]

    ranked = {}
    for pk, number in rows:
        other = split_number(kind, number)
        if other is not None and other[0] == prefix:
            ranked[pk] = (abs(other[1] - year), abs(other[2] - serial), other[2])
    return sorted(ranked, key=ranked.get)[:limit]
