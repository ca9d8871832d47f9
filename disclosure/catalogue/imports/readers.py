"""Row sources for catalogue import: CSV (UTF-8 or GB18030), XLSX and JSON Lines.

Header cells (and JSON keys) name the columns by their key or by their Chinese heading
(``columns.SHEET``), so a file exported from the admin reads back as it is.

Each reader yields (row_number, dict) where row_number is what a person sees in the file
(the header is row 1 in CSV/XLSX, the first object is line 1 in JSONL).
"""

import csv
import io
import json
from pathlib import Path

from django.utils.translation import gettext as _

from ...encodings import decode
from .columns import COLUMNS, header_aliases, named


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, header)."""


def _clean_header(names, aliases=None):
    """Column keys of a header row: the English keys, or the Chinese headings an admin export writes."""
    aliases = aliases if aliases is not None else header_aliases()
    keys = []
    for name in names:
        text = str(name or "").strip().lstrip("\ufeff").strip()
        keys.append(aliases.get(text) or aliases.get(text.lower()) or text.lower())
    return keys


def _check_header(header):
    missing = [name for name in ("category", "title") if name not in header]
    if missing:
        raise ImportFileError(
            _("The header row lacks the column(s) %(names)s. Expected columns: %(expected)s.")
            % {"names": ", ".join(map(named, missing)), "expected": ", ".join(map(named, COLUMNS))}
        )


def _read_header(rows):
    try:
        header = _clean_header(next(rows))
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    _check_header(header)
    return header


def _decode(raw):
    text = decode(raw)
    if text is None:
        raise ImportFileError(_("The CSV file is neither UTF-8 nor GB18030 encoded."))
    return text


class CsvReader:
    def __init__(self, path):
        self.text = _decode(Path(path).read_bytes())

    def count(self):
        return max(sum(1 for _ in csv.reader(io.StringIO(self.text))) - 1, 0)

    def __iter__(self):
        reader = csv.reader(io.StringIO(self.text))
        header = _read_header(reader)
        for number, values in enumerate(reader, start=2):
            if any(value.strip() for value in values):
                yield number, dict(zip(header, values))


class XlsxReader:
    def __init__(self, path):
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self.workbook = load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, OSError, KeyError, ValueError) as exc:
            raise ImportFileError(_("The file is not a readable XLSX workbook: %(error)s") % {"error": exc}) from exc
        self.sheet = self.workbook.worksheets[0]

    def count(self):
        return max((self.sheet.max_row or 1) - 1, 0)

    def __iter__(self):
        rows = self.sheet.iter_rows(values_only=True)
        header = _read_header(rows)
        for number, values in enumerate(rows, start=2):
            if any(value not in (None, "") for value in values):
                yield number, {name: ("" if value is None else value) for name, value in zip(header, values)}


class JsonLinesReader:
    def __init__(self, path):
        self.lines = _decode(Path(path).read_bytes()).splitlines()

    def count(self):
        return sum(1 for line in self.lines if line.strip())

    def __iter__(self):
        aliases = header_aliases()
        for number, line in enumerate(self.lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    number,
                    ImportFileError(_("Line %(n)d is not valid JSON: %(error)s") % {"n": number, "error": exc.msg}),
                )
                continue
            if not isinstance(data, dict):
                yield number, ImportFileError(_("Line %(n)d is not a JSON object.") % {"n": number})
                continue
            keys = _clean_header(data, aliases)
            yield number, {key: ("" if value is None else value) for key, value in zip(keys, data.values())}


READERS = {".csv": CsvReader, ".xlsx": XlsxReader, ".jsonl": JsonLinesReader, ".ndjson": JsonLinesReader}


def open_rows(path):
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise ImportFileError(
            _("Unsupported file type “%(suffix)s”: use .csv, .xlsx or .jsonl.") % {"suffix": suffix or "?"}
        )
    if not Path(path).is_file():
        raise ImportFileError(_("File not found: %(path)s") % {"path": path})
    return READERS[suffix](path)
