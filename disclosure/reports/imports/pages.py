"""A published report page (HTML): its tables, and the lines of text around them.

Government sites wrap the report in their page (navigation, footer) and sometimes in layout
tables; cells hold ``<p>``, ``<span>``, ``<br>`` and ``&nbsp;``. Each ``<table>`` is read on
its own (a nested table is not part of its parent's cells); the text is read from the
smallest element around the first table that also holds the report's first heading
(``anchor``), so the site's navigation and footer stay out of the narrative sections; the
site's layout tables (tables holding tables) are read through, not left out.
"""

from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from .published import LONGEST, MOST_CELLS, WIDEST, expand

BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "section", "article", "blockquote", "pre")


@dataclass
class Page:
    tables: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    title: str = ""


def _span(cell, name):
    try:
        return int(str(cell.get(name, "1")).strip() or 1)
    except ValueError:
        return 1


def _cell_text(cell, table):
    """The cell's text, without that of a table nested in it."""
    if cell.find("table") is None:
        text = cell.get_text("")
    else:
        text = "".join(str(part) for part in cell.find_all(string=True) if part.find_parent("table") is table)
    return " ".join(text.split())


def _table(table, room):
    rows = []
    for row in table.find_all("tr"):
        if len(rows) >= LONGEST:
            break
        if row.find_parent("table") is not table:
            continue
        cells = row.find_all(["td", "th"], recursive=False)[:WIDEST]
        rows.append([(_cell_text(cell, table), _span(cell, "rowspan"), _span(cell, "colspan")) for cell in cells])
    return expand(rows, room)


def _lines(root):
    for br in root.find_all("br"):
        br.replace_with("\n")
    lines = []
    for element in root.find_all(BLOCKS):
        if element.find(BLOCKS) is not None:
            continue
        for line in element.get_text("").split("\n"):
            line = " ".join(line.split())
            if line:
                lines.append(line)
    return lines


def _data_tables(soup):
    """Tables holding no other table: the report's own, not the site's layout tables around them."""
    return [table for table in soup.find_all("table") if table.find("table") is None]


def _text_root(soup, anchor):
    data = _data_tables(soup)
    element = data[0].parent if data else None
    while element is not None and element.name != "[document]":
        if anchor in element.get_text(""):
            return element
        element = element.parent
    return soup.body or soup


def read_page(text, anchor):
    """The ``Page`` of an HTML document given as text."""
    soup = BeautifulSoup(text, "html.parser")
    # Not the report: scripts, the site's navigation and forms, and a page's download links.
    for unwanted in soup.find_all(["script", "style", "noscript", "nav", "footer", "form", "button"]):
        unwanted.decompose()
    for unwanted in soup.select(".report-downloads, [class*=download]"):
        unwanted.decompose()
    heading = soup.find("h1") or soup.find("title")
    title = " ".join(heading.get_text(" ").split())[:200] if heading else ""
    tables, room = [], MOST_CELLS
    for table in soup.find_all("table"):
        if room <= 0:
            break
        tables.append(_table(table, room))
        room -= tables[-1].size
    root = _text_root(soup, anchor)
    for table in _data_tables(root):
        table.decompose()
    return Page(tables=[table for table in tables if table.matrix], lines=_lines(root), title=title)
