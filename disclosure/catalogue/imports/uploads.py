"""A catalogue file uploaded in the admin, checked before anything parses it: its size and what it really is.

The browser's file name is only half trusted: a zip holding ``xl/workbook.xml`` is an XLSX whatever
it is called (and its unpacked size is bounded: a small zip can unpack to gigabytes), an old
``.xls`` or a PDF is told apart so the refusal can say what to do instead, and anything else must
be text named ``.csv`` or ``.jsonl``. Whether the text is UTF-8 or GB18030 and has the required
columns is the readers' to say, in the dry run.
"""

import io
import zipfile
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .models import FileFormat
from .readers import FileContent, ImportFileError, format_of

#: The largest file accepted: some 20,000 rows with their bodies.
MAX_BYTES = 20 * 1024 * 1024
#: The most rows a file may have: its dry run runs while the editor waits (some 6 s for 20,000 rows).
MAX_ROWS = 20_000
#: The largest an XLSX may unpack to.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

ZIP, OLE, PDF = b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF"


def _too_large():
    return ImportFileError(
        _("The file is larger than %(limit)s: split it into several files.") % {"limit": filesizeformat(MAX_BYTES)}
    )


def _xlsx(content):
    try:
        entries = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError):
        entries = []
    if "xl/workbook.xml" not in {entry.filename for entry in entries}:
        raise ImportFileError(_("The file is a zip archive but not an XLSX workbook."))
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _too_large()
    return FileFormat.XLSX


def _format(name, content):
    if content.startswith(ZIP):
        return _xlsx(content)
    if content.startswith(OLE):
        raise ImportFileError(_("This is an old Excel (.xls) file: save it as .xlsx (or CSV) and upload it again."))
    if content.startswith(PDF):
        raise ImportFileError(_("A PDF cannot be imported: upload a CSV, XLSX or JSONL file."))
    file_format = format_of(name)
    if file_format == FileFormat.XLSX:
        raise ImportFileError(_("The file is named .xlsx but is not an XLSX workbook: it may be damaged."))
    if b"\x00" in content:
        raise ImportFileError(_("The file is not a text file: save it as CSV (UTF-8) or XLSX."))
    return file_format


def read_upload(upload):
    """The upload as a ``FileContent`` of the format its content shows; an ``ImportFileError`` otherwise."""
    if upload.size == 0:
        raise ImportFileError(_("The file is empty."))
    if upload.size > MAX_BYTES:
        raise _too_large()
    upload.seek(0)
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise _too_large()
    name = Path(upload.name or "").name[:255]
    return FileContent(name=name, content=content, file_format=_format(name, content))
