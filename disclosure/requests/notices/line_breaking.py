"""Chinese line breaking for the PDF notices: between any two characters, except where the 禁则 of
GB/T 15834 forbid it.

No line begins with a closing mark (，。、：；？！）》” …) and none ends with an opening one (（《“…);
a number or a Latin word is not cut in two. reportlab's own CJK breaker (``wordWrap="CJK"``) knows
only some of the marks (、。） but not ，：；？！”》) and hangs at most one of them, so a comma or the
second of “）。” still began a line. Here a single closing mark hangs at the end of the full line
(as reportlab does); otherwise the line ends earlier, at the last place a break is allowed.
"""

from reportlab.pdfbase.pdfmetrics import stringWidth

NOT_AT_LINE_START = frozenset("，。、：；？！）》〉」』】〕］｝”’…·％‰℃")
NOT_AT_LINE_END = frozenset("（《〈「『【〔［｛“‘￥")
#: Tolerance on a line's width, in points (reportlab's ``_FUZZ``).
FUZZ = 1e-6


def _in_word(character):
    return character.isascii() and (character.isalnum() or character in ".-_/:%@")


def _allowed(text, at):
    """Whether a line may end before ``text[at]``."""
    if at <= 0 or at >= len(text):
        return True
    before, after = text[at - 1], text[at]
    if after in NOT_AT_LINE_START or before in NOT_AT_LINE_END:
        return False
    return not (_in_word(before) and _in_word(after))


def _line_end(text, start, end):
    """Where the line from ``start`` ends, given that ``text[start:end]`` is all that fits."""
    if end >= len(text) or _allowed(text, end):
        return end
    if text[end] in NOT_AT_LINE_START and _allowed(text, end + 1):
        return end + 1  # one closing mark hangs in the margin
    # Back to the last allowed place: a web address or a number moves whole to the next line.
    for at in range(end - 1, start, -1):
        if _allowed(text, at):
            return at
    return end


def break_lines(text, max_widths, font_name, font_size):
    """``[[unused width, line], …]`` for ``text`` in lines of ``max_widths`` (one per line, the last
    repeated), as reportlab's ``textsplit.wordSplit`` returns them."""
    widths = [stringWidth(character, font_name, font_size) for character in text]
    lines, start = [], 0
    while start < len(text):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end, used = start, 0.0
        while end < len(text) and used + widths[end] <= max_width + FUZZ:
            used += widths[end]
            end += 1
        end = max(_line_end(text, start, end), start + 1)
        lines.append([max_width - sum(widths[start:end]), text[start:end].strip()])
        start = end
    return lines
