"""The figures of a published table as numbers.

Published reports leave a zero blank or write it "/", "-", "—", "0" or "无"; counts may carry
thousands separators (1,156) or full-width digits; 万元 amounts have decimals; 表二's 本年增/减
(2019 format) may be negative. Anything else — "约5", "5件以上", a 万元 amount in a count
column — cannot be read, and the caller says where it stands.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ...helpers.text import remove_invisible
from ..formats import schema

ZERO_MARKS = set("/\\-—–―─") | {"无"}
NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
UNITS = ("万元", "件", "项", "个")
LARGEST = Decimal(10) ** 13


class Unreadable(ValueError):
    """The text is not a figure of the cell's kind."""


def _number(text):
    """The number a cell's text gives (blank and the zero marks: 0), whatever the cell's kind."""
    text = unicodedata.normalize("NFKC", remove_invisible(str(text or "")))
    plain = "".join(text.split())
    if not plain or set(plain) <= ZERO_MARKS:
        return Decimal(0)
    number = plain.replace(",", "")
    for unit in UNITS:
        number = number.removesuffix(unit)
    if not NUMBER.match(number):
        raise Unreadable(text)
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise Unreadable(text) from None
    if abs(value) >= LARGEST:
        raise Unreadable(text)
    return value


def read(text, kind=schema.COUNT):
    """The figure ``text`` gives for a cell of ``kind``; blank and the zero marks read as 0."""
    value = _number(text)
    whole = value == value.to_integral_value()
    if kind == schema.COUNT and (value < 0 or not whole):
        raise Unreadable(text)
    if kind == schema.SIGNED and not whole:
        raise Unreadable(text)
    if kind == schema.AMOUNT and value < 0:
        raise Unreadable(text)
    return schema.normalise(value, kind)


def differs(kept, other):
    """Whether a second cell naming the same figure says something else (a blank or zero one does not)."""
    try:
        second = _number(other)
    except Unreadable:
        return False
    if not second:
        return False
    try:
        return _number(kept) != second
    except Unreadable:
        return True
