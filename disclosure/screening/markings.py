"""Secrecy markings (密级标志) in the forms documents really carry.

A marking is the classification as a document prints it — ``机密★5年`` at the head, a
line reading just ``秘密``, ``密级：绝密``, ``内部资料 注意保存`` — not the same words in
running prose (《中华人民共和国保守国家秘密法》, 保守国家秘密, 商业秘密).
"""

import re

from .findings import Finding

LEVEL = r"(?:绝密|机密|秘密)"
# GB/T 9704: level, a star, the period (年/个月/长期) — the star alone is already decisive.
STARRED = re.compile(rf"{LEVEL}\s*[★☆＊*]\s*(?:\d+\s*(?:年|个月|月)|长期)?")
# 密级：机密 / 密级 秘密 in a form or header table.
LABELLED = re.compile(rf"密\s*级\s*[:：]?\s*{LEVEL}")
# A line that is nothing but the level (perhaps with a period), as stamped at the top.
BARE_LINE = re.compile(rf"^\s*{LEVEL}(?:\s*\d+\s*(?:年|个月|月)|\s*长期)?\s*$", re.M)
INTERNAL = re.compile(
    r"内部(?:资料|文件|材料)[\s,，、。:：（(]*(?:注意保存|妥善保管|请勿外传|不得外传|注意保密|严禁外传)[)）]?"
)
# A bare line counts only near the head of a document, where markings are stamped.
HEAD_LINES = 6


def _head_span(text):
    lines, position = 0, 0
    for match in re.finditer(r"[^\n]*\n?", text):
        if match.group().strip():
            lines += 1
        position = match.end()
        if lines >= HEAD_LINES or position >= len(text):
            break
    return position


def find_markings(text, source):
    found = {}
    for pattern in (STARRED, LABELLED, INTERNAL):
        for match in pattern.finditer(text):
            found.setdefault(match.start(), match)
    head = _head_span(text)
    for match in BARE_LINE.finditer(text[:head]):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        end = match.start() + len(match.group().rstrip())
        found.setdefault(start, (start, end))
    findings = []
    for start in sorted(found):
        value = found[start]
        begin, end = (value.start(), value.end()) if hasattr(value, "start") else value
        findings.append(Finding.at("marking", source, text, begin, end, blocking=True))
    return findings
