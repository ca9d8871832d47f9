"""A notice as PDF, with reportlab and its built-in CID font STSong-Light.

A CID font built into every PDF reader needs no font file on the server and none embedded in the
PDF; the text stays extractable (the applicant can copy it, a screen reader can read it).
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .document import BODY_PT, LINE_PT, MARGINS_MM, TITLE_PT

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_BASE = ParagraphStyle("notice", fontName=FONT, fontSize=BODY_PT, leading=LINE_PT, wordWrap="CJK")
TITLE = ParagraphStyle("title", parent=_BASE, fontSize=TITLE_PT, leading=TITLE_PT * 1.5, alignment=TA_CENTER)
NUMBER = ParagraphStyle("number", parent=_BASE, alignment=TA_RIGHT, spaceAfter=LINE_PT / 2)
ADDRESSEE = ParagraphStyle("addressee", parent=_BASE)
BODY = ParagraphStyle("body", parent=_BASE, firstLineIndent=2 * BODY_PT, alignment=TA_JUSTIFY)
SIGNATURE = ParagraphStyle("signature", parent=_BASE, alignment=TA_RIGHT, rightIndent=BODY_PT)


def render_pdf(document):
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGINS_MM["top"] * mm,
        bottomMargin=MARGINS_MM["bottom"] * mm,
        leftMargin=MARGINS_MM["left"] * mm,
        rightMargin=MARGINS_MM["right"] * mm,
        title=document.title,
        author=document.agency_name,
        creator="Gongkai",
    )
    story = [Paragraph(escape(document.title), TITLE)]
    if document.number:
        story.append(Paragraph(escape(document.number), NUMBER))
    else:
        story.append(Spacer(1, LINE_PT / 2))
    for index, text in enumerate(document.paragraphs):
        story.append(Paragraph(escape(text), ADDRESSEE if document.is_addressee(index) else BODY))
    story += [
        Spacer(1, LINE_PT * 1.5),
        Paragraph(escape(document.agency_name), SIGNATURE),
        Paragraph(escape(document.date_text), SIGNATURE),
    ]
    pdf.build(story)
    return buffer.getvalue()
