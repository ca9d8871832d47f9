"""A table as read from a published report: its cells with the spans expanded into a matrix.

HTML tables and XLSX sheets both come down to this: ``matrix[r][c]`` is the ``Slot`` covering
that position (a cell spanning rows or columns fills every position it covers with the same
slot) or None where a ragged row leaves a hole. Matching then needs no HTML or Excel.

A report's tables are small (表三 is 28 rows by 10 columns); what a file holds beyond the
bounds here is not read, so that no upload can make the matching run for minutes.
"""

from dataclasses import dataclass, field

WIDEST = 100  # columns of a table
LONGEST = 500  # rows of a table
MOST_CELLS = 50_000  # positions in all the tables of one file


@dataclass(eq=False)
class Slot:
    text: str
    row: int
    col: int


@dataclass
class PublishedTable:
    matrix: list = field(default_factory=list)

    def origins(self):
        """Every slot once, at its top-left position, in reading order."""
        for r, line in enumerate(self.matrix):
            for c, slot in enumerate(line):
                if slot is not None and slot.row == r and slot.col == c:
                    yield slot

    def at(self, r, c):
        line = self.matrix[r]
        return line[c] if c < len(line) else None

    @property
    def size(self):
        return sum(len(line) for line in self.matrix)


def expand(rows, room=MOST_CELLS):
    """A ``PublishedTable`` from rows of (text, rowspan, colspan), as HTML lays them out.

    A cell goes into the first free position of its row; spans reaching past the table's last
    row or past ``WIDEST`` are cut there, as browsers cut them. Reading stops when the table
    would cover more than ``room`` positions.
    """
    rows = rows[:LONGEST]
    height = len(rows)
    matrix = [[] for _ in range(height)]
    used = 0
    for r, cells_of_row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in cells_of_row:
            while c < len(matrix[r]) and matrix[r][c] is not None:
                c += 1
            if c >= WIDEST:
                break
            rowspan = max(1, min(rowspan, height - r))
            colspan = max(1, min(colspan, WIDEST - c))
            used += rowspan * colspan
            if used > room:
                return PublishedTable(matrix)
            slot = Slot(text, r, c)
            for dr in range(rowspan):
                line = matrix[r + dr]
                if len(line) < c + colspan:
                    line.extend([None] * (c + colspan - len(line)))
                for dc in range(colspan):
                    if line[c + dc] is None:
                        line[c + dc] = slot
            c += colspan
    return PublishedTable(matrix)
