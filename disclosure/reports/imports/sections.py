"""The narrative sections (一 总体情况, 五, 六) of a published page, best effort.

A section starts at a line "一、总体情况" (the number, 、 or a full stop, the beginning of the
format's title; short, as headings are) and runs to the next section's heading. Lines are
kept as paragraphs, escaped: what the page said, without its markup. Sub-headings such as
（一）主动公开 do not start a section.
"""

import re

from django.utils.html import escape

from .labels import key

HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．，,]\s*(.+)$")
LONGEST_HEADING = 40
TITLE_START = 4


def _section_of(line, sections):
    match = HEADING.match(line)
    if not match or len(line) > LONGEST_HEADING:
        return None
    number, rest = match.groups()
    for section in sections:
        if section.number == number and key(rest).startswith(key(section.title)[:TITLE_START]):
            return section
    return None


def narrative(fmt, lines):
    """{AnnualReport field: rich text} of the format's narrative sections found in ``lines``."""
    texts, current = {}, None
    for line in lines:
        section = _section_of(line, fmt.sections)
        if section is not None:
            current = section
            continue
        if current is not None and current.narrative:
            texts.setdefault(current.narrative, []).append(f"<p>{escape(line)}</p>")
    return {name: "".join(paragraphs) for name, paragraphs in texts.items()}
