"""Plain text of an uploaded document (PDF, DOCX, XLSX, TXT/CSV), for screening and search.

Extraction is cached by the file's hash: a document is read once however often it is
screened or indexed.
"""

import io

from django.core.cache import cache

from .encodings import decode

MAX_CHARS = 500_000
CACHE_SECONDS = 7 * 24 * 3600


class UnreadableDocument(Exception):
    """The file is damaged, encrypted or not what its extension says."""


def _pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise UnreadableDocument("encrypted PDF")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for section in document.sections:
        parts.extend(paragraph.text for paragraph in section.header.paragraphs)
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                lines.append("\t".join(cells))
    workbook.close()
    return "\n".join(lines)


def _plain(data):
    text = decode(data)
    if text is None:
        raise UnreadableDocument("unknown text encoding")
    return text


READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "txt": _plain, "csv": _plain}


def supported(document):
    return document.file_extension.lower() in READERS


def extract_bytes(data, extension):
    reader = READERS.get(extension.lower())
    if reader is None:
        return ""
    try:
        return reader(data)[:MAX_CHARS]
    except UnreadableDocument:
        raise
    except Exception as error:
        # pypdf, python-docx and openpyxl each raise their own types for damaged files;
        # to the caller they all mean the same thing.
        raise UnreadableDocument(str(error)) from error


def document_text(document):
    """The document's text ('' for formats we do not read). Raises UnreadableDocument."""
    if not supported(document):
        return ""
    key = f"gongkai:document-text:{document.file_hash or document.pk}:{document.file_extension}"
    text = cache.get(key)
    if text is None:
        with document.open_file() as handle:
            data = handle.read()
        text = extract_bytes(data, document.file_extension)
        cache.set(key, text, CACHE_SECONDS)
    return text
