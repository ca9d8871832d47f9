"""Figures quoted in the report's text (一 总体情况, 五, 六), found so the checks can compare them with the tables.

What is recognised — a number in Arabic digits or simple Chinese numerals (十五, 两) followed
by 件 (or 起 for cases), within one clause (no 。；，between keyword and number):

- ``applications_received``: 收到 / 新收 / 受理 … 申请 … N件 (共收到政府信息公开申请15件;
  受理依申请公开事项15件); and 未收到 / 没有收到 … 申请 as 0.
- ``applications_carried_in``: 上年结转 … N件.
- ``applications_concluded``: 办结 / 答复 … N件 (办结政府信息公开申请14件).
- ``reconsiderations``: 行政复议 (案件/申请) N件 — not 复议后起诉; and 未发生 / 没有发生 /
  未收到 … 行政复议 as 0.
- ``lawsuits``: 行政诉讼 (案件) N件 — compared with both lawsuit groups together; and
  未发生 … 行政诉讼 as 0.

Anything else (percentages, 其中自然人申请12件, figures of other years) is not read; a sentence
can mention several figures and each is compared.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import strip_tags

NUMBER = r"(\d+|[零〇一二两三四五六七八九十百千]+)"
GAP = r"[^。；;，,！!？?\d\n]{0,%d}?"

PATTERNS = {
    "applications_received": [
        re.compile(r"(?:收到|新收|受理)" + GAP % 16 + r"申请" + GAP % 6 + r"(?:共|计|合计|总计)?" + NUMBER + r"\s*件"),
        re.compile(r"(?:未|没有)(?:收到|受理)" + GAP % 16 + r"申请()"),
    ],
    "applications_carried_in": [re.compile(r"上年结转" + GAP % 16 + NUMBER + r"\s*件")],
    "applications_concluded": [re.compile(r"(?:办结|答复)" + GAP % 16 + NUMBER + r"\s*件")],
    "reconsiderations": [
        re.compile(r"行政复议(?:案件|申请)?(?:共|计|合计)?" + NUMBER + r"\s*[件起]"),
        re.compile(r"(?:未|没有)(?:发生|收到|出现)" + GAP % 20 + r"行政复议()"),
    ],
    "lawsuits": [
        re.compile(r"行政诉讼(?:案件)?(?:共|计|合计)?" + NUMBER + r"\s*[件起]"),
        re.compile(r"(?:未|没有)(?:发生|收到|出现)" + GAP % 20 + r"行政诉讼()"),
    ],
}

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Mention:
    pattern: str
    number: int
    quote: str


def chinese_number(text):
    """十五 → 15, 二十 → 20, 一百零二 → 102, 两 → 2; digits as they are; '' → 0."""
    if not text:
        return 0
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        else:
            total += (1 if digit is None else digit) * UNITS[char]
            digit = None
    return total + (digit or 0)


def plain_text(html):
    return unescape(strip_tags(html or "")).replace("\xa0", " ")


def mentions(html):
    """Every recognised figure of a rich-text field, in the order the text gives them."""
    text = plain_text(html)
    found = []
    for name, patterns in PATTERNS.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.append((match.start(), Mention(name, chinese_number(match.group(1)), match.group(0))))
    return [mention for _start, mention in sorted(found, key=lambda item: item[0])]
