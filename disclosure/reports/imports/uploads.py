"""What an editor uploads or pastes, checked before anything reads it: its size, and what it really is.

The file's name is not trusted: an XLSX is a zip holding ``xl/workbook.xml`` (whose unpacked
size is bounded too), an HTML page is text — UTF-8, or GBK/GB18030 as many government sites
still serve — with a ``<table>``. Old ``.xls`` files and PDFs are told apart so the refusal can
say what to do instead.
"""

import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from ...encodings import decode
from ..errors import ReportRefused
from .pages import read_page
from .workbooks import BrokenWorkbook, read_workbook

#: The largest file accepted (a report page is some 100 KB; a workbook less).
MAX_BYTES = 5 * 1024 * 1024
#: The largest a workbook may unpack to (openpyxl holds it all in memory, many times over).
MAX_UNPACKED_BYTES = 10 * 1024 * 1024

ZIP, OLE, PDF = b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF"
FIELD = "file"


@dataclass
class Document:
    tables: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # the page's text outside its tables (HTML only)
    title: str = ""  # the page's heading or the workbook's title: whose report, which year


def _too_large():
    return ReportRefused(
        _("The file is larger than %(size)d MB; a report page or workbook is far smaller.")
        % {"size": MAX_BYTES // (1024 * 1024)},
        FIELD,
    )


def _content(upload_or_text):
    """The bytes (or, for pasted HTML, the text) of what was given, refusing more than ``MAX_BYTES``."""
    if isinstance(upload_or_text, str):
        if len(upload_or_text.encode("utf-8")) > MAX_BYTES:
            raise _too_large()
        return upload_or_text
    if isinstance(upload_or_text, (bytes, bytearray)):
        content = bytes(upload_or_text)
    elif isinstance(upload_or_text, os.PathLike):
        path = Path(upload_or_text)
        if not path.is_file():
            raise ReportRefused(_("File not found: %(path)s") % {"path": path}, FIELD)
        if path.stat().st_size > MAX_BYTES:
            raise _too_large()
        content = path.read_bytes()
    else:
        if hasattr(upload_or_text, "seek"):
            upload_or_text.seek(0)
        content = upload_or_text.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise _too_large()
    return content


def _workbook(content):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        names = None
    if not names or "xl/workbook.xml" not in {info.filename for info in names}:
        raise ReportRefused(_("The file is a zip archive but not an XLSX workbook."), FIELD)
    if sum(info.file_size for info in names) > MAX_UNPACKED_BYTES:
        raise _too_large()
    try:
        tables, title = read_workbook(content)
        return Document(tables=tables, title=title)
    except BrokenWorkbook:
        raise ReportRefused(_("The XLSX workbook is damaged and cannot be read."), FIELD) from None


def read_document(upload_or_text, anchor):
    """The tables (and, for a page, the text lines) of an uploaded file or pasted HTML."""
    content = _content(upload_or_text)
    if isinstance(content, bytes):
        if content.startswith(ZIP):
            return _workbook(content)
        if content.startswith(OLE):
            raise ReportRefused(_("This is an old Excel (.xls) file: save it as .xlsx and upload it again."), FIELD)
        if content.startswith(PDF):
            raise ReportRefused(
                _("A PDF cannot be read: upload the report's web page (saved as HTML) or an XLSX workbook."), FIELD
            )
        text = None if b"\x00" in content else decode(content)
        if text is None:
            raise ReportRefused(
                _("The file is neither an XLSX workbook nor an HTML page in UTF-8 or GBK (GB18030)."), FIELD
            )
        content = text
    if "<table" not in content.lower():
        raise ReportRefused(
            _("No table was found: upload the report's web page with its tables, or an XLSX workbook."), FIELD
        )
    page = read_page(content, anchor)
    return Document(tables=page.tables, lines=page.lines, title=page.title)
