"""Real PDF, DOCX and XLSX files with Chinese text, made on the fly for the demo and the tests.

The platform reads attachments back (``disclosure/document_text.py``) for search and
secrecy screening, so what is written here must come back out as text: PDFs use
reportlab's built-in CID font STSong-Light, which pypdf maps back to Unicode (a font
embedded as glyph outlines would not). Files carry no timestamps of their own, so the same
call gives the same bytes.
"""

import datetime
import io

PDF_FONT = "STSong-Light"
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 72
# Where a long line may be broken: after a Chinese punctuation mark, so that words stay whole
# on one line and a search for them still finds the extracted text.
BREAK_AFTER = "，。；：、！？）》”"
FIXED_DATE = datetime.datetime(2026, 1, 1)


def _register_pdf_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))


def _wrap(text, size, width):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = []
    while stringWidth(text, PDF_FONT, size) > width:
        cut = 1
        while cut < len(text) and stringWidth(text[: cut + 1], PDF_FONT, size) <= width:
            cut += 1
        breaks = [i + 1 for i in range(cut // 2, cut) if text[i] in BREAK_AFTER]
        cut = breaks[-1] if breaks else cut
        lines.append(text[:cut])
        text = text[cut:]
    lines.append(text)
    return lines


def pdf_bytes(*lines, title=None, size=12):
    """A PDF with ``title`` (centred, larger) and one paragraph per line, wrapped and paginated."""
    from reportlab.pdfgen import canvas

    _register_pdf_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)
    page.setTitle(title or "")
    y = PAGE_HEIGHT - MARGIN
    if title:
        page.setFont(PDF_FONT, size + 6)
        for line in _wrap(title, size + 6, PAGE_WIDTH - 2 * MARGIN):
            page.drawCentredString(PAGE_WIDTH / 2, y, line)
            y -= (size + 6) * 1.6
        y -= size
    page.setFont(PDF_FONT, size)
    for paragraph in lines:
        for line in _wrap(paragraph, size, PAGE_WIDTH - 2 * MARGIN):
            if y < MARGIN:
                page.showPage()
                page.setFont(PDF_FONT, size)
                y = PAGE_HEIGHT - MARGIN
            page.drawString(MARGIN, y, line)
            y -= size * 1.8
    page.save()
    return buffer.getvalue()


def docx_bytes(*paragraphs, table=(), title=None):
    """A DOCX with an optional heading, the paragraphs, then ``table`` (rows of strings) if given."""
    import docx

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = FIXED_DATE
    if title:
        document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        grid.style = "Table Grid"
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows, sheet_title=None):
    """An XLSX with one sheet of ``rows`` (named ``sheet_title`` if given)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.created = workbook.properties.modified = FIXED_DATE
    sheet = workbook.active
    if sheet_title:
        sheet.title = sheet_title[:31]
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def stored_document(title, filename, data, collection=None):
    """A Wagtail document holding ``data``, with its size and hash set as an upload would."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.utils.file import hash_filelike

    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=filename))
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    if collection is not None:
        document.collection = collection
    document.save()
    return document
