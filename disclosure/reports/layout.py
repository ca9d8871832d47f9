"""The national layout of a report table as a grid of merged cells, shared by every rendering.

The State Council's format is a picture of tables with merged headers: 表三's
"三、本年度办理结果" spans 22 rows and "（三）不予公开" eight, "法人或其他组织" spans five
columns; 表二 stacks one block per Art 20 item under a heading across the table; 表四 is one
row of 15 figures under 行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉. The HTML page,
the XLSX, the PDF and the DOCX all draw the same ``Grid``, and the imports read published
tables back against it, so the layout is worked out once, here, from the format's data.

A grid is a list of rows; each row lists the cells that *start* in it (the HTML model:
covered positions are absent). Header cells carry an ``id``; every figure cell carries the
``headers`` that name it (WCAG H43), so a screen reader reads "三、本年度办理结果 （三）不予公开
1.属于国家秘密 商业企业" for a figure deep inside 表三.
"""

from dataclasses import dataclass, field

from .formats import schema


@dataclass(frozen=True)
class GridCell:
    text: str = ""
    cell: str = ""  # the figure's cell code; empty for a header
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    scope: str = ""  # col, colgroup, row, rowgroup
    id: str = ""
    headers: tuple = ()
    corner: bool = False  # a note in the top-left corner, not a header of any figure

    @property
    def is_figure(self):
        return bool(self.cell)


@dataclass
class Grid:
    table: schema.Table
    caption: str
    width: int
    rows: list = field(default_factory=list)
    head_rows: int = 0  # leading rows that form the table's <thead>

    def cells(self):
        return [cell for row in self.rows for cell in row]

    def matrix(self):
        """The grid with spans expanded: ``matrix[r][c]`` is ``(GridCell, is_origin)``.

        What XLSX merges and the imports' label matching work on.
        """
        height = len(self.rows)
        result = [[None] * self.width for _ in range(height)]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while c < self.width and result[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        result[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.colspan
        return result

    def positions(self):
        """[(row index, column index, GridCell)] of every cell's top-left corner."""
        found = []
        for r, row in enumerate(self.matrix()):
            for c, entry in enumerate(row):
                if entry is not None and entry[1]:
                    found.append((r, c, entry[0]))
        return found


class _Ids:
    def __init__(self, prefix):
        self.prefix, self.count = prefix, 0

    def __call__(self):
        self.count += 1
        return f"{self.prefix}-h{self.count}"


def _runs(items, key):
    """Consecutive items sharing ``key(item)``: [(key, count)]."""
    runs = []
    for item in items:
        value = key(item)
        if runs and runs[-1][0] == value:
            runs[-1][1] += 1
        else:
            runs.append([value, 1])
    return [(value, count) for value, count in runs]


def _column_headers(items, ids, top_headers=(), width=1, label_scope="col"):
    """Header rows for ``items`` (their ``path`` groups, then labels) and each item's header ids.

    ``items`` are columns (表三), or — for 表四, whose rows become groups of columns — rows each
    ``width`` columns wide, labelled as column groups.
    """
    depth = max((len(item.path) for item in items), default=0) + 1
    rows = [[] for _ in range(depth)]
    owners = {item.code: list(top_headers) for item in items}
    for level in range(depth):
        index = 0
        for _prefix, count in _runs(items, lambda item, level=level: item.path[: level + 1]):
            group = items[index : index + count]
            first = group[0]
            if level < len(first.path):
                header_id = ids()
                rows[level].append(
                    GridCell(text=first.path[level], colspan=count * width, header=True, scope="colgroup", id=header_id)
                )
                for item in group:
                    owners[item.code].append(header_id)
            elif level == len(first.path):
                for item in group:
                    header_id = ids()
                    rows[level].append(
                        GridCell(
                            text=item.label,
                            rowspan=depth - level,
                            colspan=width,
                            header=True,
                            scope=label_scope,
                            id=header_id,
                        )
                    )
                    owners[item.code].append(header_id)
            index += count
    return rows, owners


def _matrix_grid(fmt, table, ids):
    """表三: a corner note, the column headers, then rows labelled down nested row groups."""
    (block,) = table.blocks
    label_width = max(len(row.path) for row in block.rows) + 1
    heading_headers = []
    top = []
    for text in block.heading:
        header_id = ids()
        heading_headers.append(header_id)
        top.append([GridCell(text=text, colspan=len(block.columns), header=True, scope="colgroup", id=header_id)])
    header_rows, owners = _column_headers(block.columns, ids, heading_headers)
    head = top + header_rows
    corner = GridCell(text=table.corner, rowspan=len(head), colspan=label_width, header=True, corner=True)
    head[0].insert(0, corner)

    body = []
    open_groups = {}  # level -> (path prefix, header id)
    rows = list(block.rows)
    for index, row in enumerate(rows):
        line, row_headers = [], []
        for level in range(len(row.path)):
            prefix = row.path[: level + 1]
            if open_groups.get(level, (None,))[0] == prefix:
                row_headers.append(open_groups[level][1])
                continue
            span = 1
            while index + span < len(rows) and rows[index + span].path[: level + 1] == prefix:
                span += 1
            header_id = ids()
            open_groups[level] = (prefix, header_id)
            for deeper in [key for key in open_groups if key > level]:
                del open_groups[deeper]
            line.append(GridCell(text=row.path[level], rowspan=span, header=True, scope="rowgroup", id=header_id))
            row_headers.append(header_id)
        for deeper in [key for key in open_groups if key >= len(row.path)]:
            del open_groups[deeper]
        header_id = ids()
        line.append(
            GridCell(text=row.label, colspan=label_width - len(row.path), header=True, scope="row", id=header_id)
        )
        row_headers.append(header_id)
        for column in block.columns:
            code = schema.cell_code(table.code, row.code, column.code)
            line.append(GridCell(cell=code, headers=(*row_headers, *owners[column.code])))
        body.append(line)
    return head + body, label_width + len(block.columns), len(head)


def _blocks_grid(fmt, table, ids):
    """表二: per Art 20 item, a heading across the table, its column labels, then its rows.

    The table is as wide as the widest block; a narrower block's last column spans the rest,
    as the published format draws 本年处理决定数量 under three columns' width.
    """
    width = 1 + max(len(block.columns) for block in table.blocks)
    lines = []
    for block in table.blocks:
        heading_ids = []
        for text in block.heading:
            header_id = ids()
            heading_ids.append(header_id)
            lines.append([GridCell(text=text, colspan=width, header=True, scope="colgroup", id=header_id)])
        spare = width - 1 - len(block.columns)
        corner_id = ids()
        header_line = [GridCell(text=block.corner, header=True, scope="col", id=corner_id)]
        column_ids = {}
        for position, column in enumerate(block.columns):
            header_id = ids()
            column_ids[column.code] = header_id
            last = position == len(block.columns) - 1
            header_line.append(
                GridCell(text=column.label, colspan=1 + (spare if last else 0), header=True, scope="col", id=header_id)
            )
        lines.append(header_line)
        for row in block.rows:
            header_id = ids()
            line = [GridCell(text=row.label, header=True, scope="row", id=header_id)]
            for position, column in enumerate(block.columns):
                last = position == len(block.columns) - 1
                line.append(
                    GridCell(
                        cell=schema.cell_code(table.code, row.code, column.code),
                        colspan=1 + (spare if last else 0),
                        headers=(*heading_ids, header_id, column_ids[column.code]),
                    )
                )
            lines.append(line)
    return lines, width, 0


def _strip_grid(fmt, table, ids):
    """表四: each row of the format becomes a group of columns; the figures make one line."""
    (block,) = table.blocks
    groups = list(block.rows)
    head, owners = _column_headers(groups, ids, width=len(block.columns), label_scope="colgroup")
    depth = len(head)
    head.append([])  # the columns' own labels, once per group
    figures = []
    for row in groups:
        for column in block.columns:
            header_id = ids()
            head[depth].append(GridCell(text=column.label, header=True, scope="col", id=header_id))
            figures.append(
                GridCell(
                    cell=schema.cell_code(table.code, row.code, column.code),
                    headers=(*owners[row.code], header_id),
                )
            )
    return [*head, figures], len(groups) * len(block.columns), depth + 1


BUILDERS = {"matrix": _matrix_grid, "blocks": _blocks_grid, "strip": _strip_grid}


def grid(fmt, table_code):
    """The ``Grid`` of table ``table_code`` of format ``fmt``."""
    table = fmt.table(table_code)
    section = fmt.section_of(table_code)
    rows, width, head_rows = BUILDERS[table.layout](fmt, table, _Ids(table.code))
    return Grid(table=table, caption=f"{section.number}、{section.title}", width=width, rows=rows, head_rows=head_rows)


def grids(fmt):
    return [grid(fmt, table.code) for table in fmt.tables]
