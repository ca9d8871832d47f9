"""Row sources for catalogue import: CSV (UTF-8 or GB18030), XLSX and JSON Lines.

Header cells (and JSON keys) name the columns by their key or by their Chinese heading
(``columns.SHEET``), so a file exported from the admin reads back as it is.

Each reader yields (row_number, dict) where row_number is what a person sees in the file
(the header is row 1 in CSV/XLSX, the first object is line 1 in JSONL). Readers work on the
file's bytes: the command reads them from a path (``open_rows``), the admin from the upload
it keeps with the import job (``FileContent``).
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _

from ...encodings import decode
from .columns import COLUMNS, header_aliases, named


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, header)."""


#: The longest CSV cell read: the upload limit (``uploads.MAX_BYTES``), no cell of an accepted file
#: being longer. csv's own limit (131,072 characters) refuses a long 正文 with an error of its own.
CSV_CELL_LIMIT = 20 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CSV_CELL_LIMIT))


def too_many_rows(limit):
    return ImportFileError(
        _("The file has more than %(limit)s rows: split it into several files.") % {"limit": f"{limit:,}"}
    )


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


def _broken_csv(reader):
    return ImportFileError(
        _("The CSV file cannot be read at line %(n)d: check its quotation marks and line breaks.")
        % {"n": reader.line_num}
    )


class CsvReader:
    def __init__(self, content, max_rows=None):
        self.text = _decode(content)

    def count(self):
        reader = csv.reader(io.StringIO(self.text))
        try:
            return max(sum(1 for _ in reader) - 1, 0)
        except csv.Error as exc:
            raise _broken_csv(reader) from exc

    def __iter__(self):
        reader = csv.reader(io.StringIO(self.text))
        try:
            header = _read_header(reader)
            for number, values in enumerate(reader, start=2):
                if any(value.strip() for value in values):
                    yield number, dict(zip(header, values))
        except csv.Error as exc:
            raise _broken_csv(reader) from exc


# What openpyxl raises on a file that is not a workbook, or one damaged inside (the XML of a sheet
# is read only as its rows are).
BROKEN_WORKBOOK = (zipfile.BadZipFile, ParseError, OSError, EOFError, KeyError, ValueError, TypeError, IndexError)


def _broken_workbook(exc):
    return ImportFileError(_("The file is not a readable XLSX workbook: %(error)s") % {"error": exc})


class XlsxReader:
    """A workbook's first sheet, read row by row (read-only: a large workbook is never all in memory).

    Its size is what the sheet's ``<dimension>`` claims, which whatever wrote the file may have
    left out or got wrong: the rows are read regardless of it, and ``max_rows`` is enforced as
    they are read.
    """

    def __init__(self, content, max_rows=None):
        self.max_rows = max_rows
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self.workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            self.sheet = self.workbook.worksheets[0]
            self.claimed_rows = self.sheet.max_row
        except (InvalidFileException, *BROKEN_WORKBOOK) as exc:
            raise _broken_workbook(exc) from exc
        self.sheet.reset_dimensions()  # else read-only openpyxl stops at the claimed size

    def count(self):
        """The rows the workbook claims to have: an estimate."""
        return max((self.claimed_rows or 1) - 1, 0)

    def __iter__(self):
        try:
            rows = self.sheet.iter_rows(values_only=True)
            header = _read_header(rows)
            for number, values in enumerate(rows, start=2):
                if self.max_rows is not None and number - 1 > self.max_rows:
                    raise too_many_rows(self.max_rows)
                if any(value not in (None, "") for value in values):
                    yield number, {name: ("" if value is None else value) for name, value in zip(header, values)}
        except BROKEN_WORKBOOK as exc:
            raise _broken_workbook(exc) from exc


class JsonLinesReader:
    def __init__(self, content, max_rows=None):
        self.lines = _decode(content).splitlines()

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
            except RecursionError:
                yield number, ImportFileError(_("Line %(n)d is nested too deeply to be read.") % {"n": number})
                continue
            if not isinstance(data, dict):
                yield number, ImportFileError(_("Line %(n)d is not a JSON object.") % {"n": number})
                continue
            keys = _clean_header(data, aliases)
            yield number, {key: ("" if value is None else value) for key, value in zip(keys, data.values())}


#: The formats read, by name; a file's suffix names its format.
READERS = {"csv": CsvReader, "xlsx": XlsxReader, "jsonl": JsonLinesReader}
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True)
class FileContent:
    """A file already read into memory (an upload), with the format it was recognised as."""

    name: str
    content: bytes
    file_format: str


def format_of(name):
    """The format a file name's suffix names; an ``ImportFileError`` for any other."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFileError(
            _("Unsupported file type “%(suffix)s”: use .csv, .xlsx or .jsonl.") % {"suffix": suffix or "?"}
        )
    return SUFFIXES[suffix]


def open_rows(source, max_rows=None):
    """The rows of a file given by its path, or of a ``FileContent``.

    ``max_rows``: a workbook with more rows is refused as they are read (a CSV or JSONL file's
    ``count()`` is exact; a workbook's only what it claims).
    """
    if isinstance(source, FileContent):
        return READERS[source.file_format](source.content, max_rows=max_rows)
    file_format = format_of(source)
    if not Path(source).is_file():
        raise ImportFileError(_("File not found: %(path)s") % {"path": source})
    return READERS[file_format](Path(source).read_bytes(), max_rows=max_rows)
