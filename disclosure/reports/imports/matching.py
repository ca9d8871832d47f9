"""Which published cell holds which figure of the format, found by the labels beside and above it.

A cell whose text is none of the format's labels is a candidate figure. Its *left* context is
the labels in its row before it, its *above* context the labels in its column over it, each
with how far away it stands. It is the format's figure (``labels.Target``) whose own row label
is beside it and whose own column label is above it (表四's groups stand above, as its
layout draws them); the group and heading labels found, then nearness, decide between
figures that share those. So tables with another corner note, without a heading row, with
表二's blocks as separate tables or with all tables in one sheet read the same.

Where a row's label is found but its column labels are not (a 表二 block published without
its header line), the row's cells are taken in the format's column order, if their number
is the number of the row's figures.

Each figure keeps the nearest cell that names it; another cell naming it with a different
readable value is reported (``Conflict``) — a page holding the table twice, say.
"""

from dataclasses import dataclass

from . import values
from .labels import format_targets, vocabulary


@dataclass(frozen=True)
class Conflict:
    code: str
    kept: str
    other: str


@dataclass
class Matching:
    found: dict  # cell code -> published text
    conflicts: list


def _context(table, labels, slot, step):
    """[(distance, label keys)] of the labels from ``slot`` leftwards (step (0, -1)) or upwards ((-1, 0))."""
    found, seen = [], set()
    r, c = slot.row + step[0], slot.col + step[1]
    distance = 0
    while r >= 0 and c >= 0:
        other = table.at(r, c)
        if other is not None and other is not slot and id(other) not in seen:
            seen.add(id(other))
            distance += 1
            if labels.get(id(other)):
                found.append((distance, labels[id(other)]))
        r, c = r + step[0], c + step[1]
    return found


def _union(context):
    keys = set()
    for _distance, found in context:
        keys |= found
    return keys


def _nearness(wanted, context):
    """How far the nearest label of each wanted key stands (summed)."""
    total = 0
    for label in wanted:
        total += min(distance for distance, found in context if label in found)
    return total


def _best(target_list, left, above):
    """The target a cell with these contexts is, and how well it fits: (score, nearness) or None."""
    left_keys, above_keys = _union(left), _union(above)
    best, best_fit = None, None
    for target in target_list:
        if not (target.need_left <= left_keys and target.need_above <= above_keys):
            continue
        score = len(target.left & left_keys) + len(target.above & above_keys)
        nearness = _nearness(target.need_left, left) + _nearness(target.need_above, above)
        fit = (score, -nearness)
        if best_fit is None or fit > best_fit:
            best, best_fit = target, fit
    return best, best_fit


def _positional(table, labels, target_list, taken, chosen):
    """Rows whose label is found but whose figures were not: the cells after the label, in column order."""
    by_row = {}
    for target in target_list:
        if target.need_left:
            by_row.setdefault((target.table, target.row), []).append(target)
    for r, line in enumerate(table.matrix):
        row_keys, last_label = set(), -1
        for c, slot in enumerate(line):
            if slot is not None and labels.get(id(slot)):
                row_keys |= labels[id(slot)]
                last_label = c
        rows = [group for group in by_row.values() if group[0].need_left <= row_keys]
        if len(rows) != 1 or any(target.code in chosen for target in rows[0]):
            continue
        cells = [
            slot
            for slot in dict.fromkeys(line[last_label + 1 :])
            if slot is not None and slot.row == r and not labels.get(id(slot)) and id(slot) not in taken
        ]
        if len(cells) == len(rows[0]):
            for target, slot in zip(rows[0], cells, strict=True):
                chosen[target.code] = [((0, 0), slot)]


def match(tables, fmt):
    """The figures of ``fmt`` found in the published ``tables``: {cell code: text}, and the conflicts."""
    words = vocabulary(fmt.code)
    target_list = format_targets(fmt.code)
    chosen = {}  # cell code -> [(fit, slot)]
    resolved = {}  # text -> label keys (a table repeats its labels)
    for table in tables:
        labels = {}
        for slot in table.origins():
            if slot.text not in resolved:
                resolved[slot.text] = words.resolve(slot.text)
            labels[id(slot)] = resolved[slot.text]
        taken = set()
        for slot in table.origins():
            if labels[id(slot)]:
                continue
            target, fit = _best(
                target_list, _context(table, labels, slot, (0, -1)), _context(table, labels, slot, (-1, 0))
            )
            if target is not None:
                chosen.setdefault(target.code, []).append((fit, slot))
                taken.add(id(slot))
        _positional(table, labels, target_list, taken, chosen)
    found, conflicts = {}, []
    for target in target_list:
        candidates = chosen.get(target.code)
        if not candidates:
            continue
        ranked = sorted(candidates, key=lambda item: item[0], reverse=True)
        kept = ranked[0][1].text
        found[target.code] = kept
        for _fit, slot in ranked[1:]:
            if values.differs(kept, slot.text):
                conflicts.append(Conflict(target.code, kept, slot.text))
                break
    return Matching(found, conflicts)
