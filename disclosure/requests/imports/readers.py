"""Rows of a request-history file: CSV (UTF-8 with or without BOM, or GBK/GB18030, as Excel and
WPS save it) or XLSX (the first sheet). The header row names the columns (``columns.COLUMNS``).

Each reader yields (row number as the spreadsheet shows it, {column key: cell}); the header is row 1.
"""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _

from ...catalogue.imports.readers import ImportFileError
from ...encodings import decode
from .columns import REQUIRED, header_aliases, key, named


class Header:
    def __init__(self, cells):
        aliases = header_aliases()
        self.keys = [aliases.get(key(cell)) for cell in cells]
        self.unknown = [str(cell).strip() for cell, name in zip(cells, self.keys) if name is None and str(cell).strip()]
        missing = [name for name in REQUIRED if name not in self.keys]
        if missing:
            raise ImportFileError(
                _("The header row lacks the column(s) %(names)s.") % {"names": "、".join(map(named, missing))}
            )

    def row(self, values):
        return {name: value for name, value in zip(self.keys, values) if name is not None}


def _csv_rows(path):
    text = decode(Path(path).read_bytes())
    if text is None:
        raise ImportFileError(_("The CSV file is neither UTF-8 nor GBK (GB18030) encoded."))
    return csv.reader(io.StringIO(text))


def _xlsx_rows(path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(_("The file is not a readable XLSX workbook: %(error)s") % {"error": exc}) from exc
    return (
        ["" if value is None else value for value in row] for row in workbook.worksheets[0].iter_rows(values_only=True)
    )


READERS = {".csv": _csv_rows, ".xlsx": _xlsx_rows}


class RequestFile:
    """The rows of one file, read whole (a register of past years is thousands of rows, not millions)."""

    def __init__(self, path):
        suffix = Path(path).suffix.lower()
        if suffix not in READERS:
            raise ImportFileError(
                _("Unsupported file type “%(suffix)s”: use .csv or .xlsx.") % {"suffix": suffix or "?"}
            )
        if not Path(path).is_file():
            raise ImportFileError(_("File not found: %(path)s") % {"path": path})
        rows = READERS[suffix](path)
        try:
            self.header = Header(next(rows))
        except StopIteration:
            raise ImportFileError(_("The file is empty.")) from None
        self.rows = [
            (number, self.header.row(values))
            for number, values in enumerate(rows, start=2)
            if any(str(value).strip() for value in values)
        ]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)
