"""Real PDF, DOCX and XLSX files made on the fly, for screening and download tests."""

import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


def pdf_bytes(*lines):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 12)
    for index, line in enumerate(lines):
        page.drawString(72, 800 - 20 * index, line)
    page.save()
    return buffer.getvalue()


def docx_bytes(*paragraphs, table=()):
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_document(title, filename, data, collection=None):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=filename))
    if collection is not None:
        document.collection = collection
    document.save()
    return document
