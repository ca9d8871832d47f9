"""A notice as PDF, with reportlab and its built-in CID font STSong-Light.

A CID font built into every PDF reader needs no font file on the server and none embedded in the
PDF; the text stays extractable (the applicant can copy it, a screen reader can read it).

Lines break the Chinese way, between any two characters but where ``line_breaking`` forbids it
(no comma at the start of a line). The signature (agency and date) stays on the page of the last
paragraph.
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from .document import BODY_PT, LINE_PT, MARGINS_MM, TITLE_PT
from .line_breaking import break_lines

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class NoticeParagraph(Paragraph):
    """A paragraph of plain text in one font (all a notice has), broken into lines by ``break_lines``."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]  # noqa: N806
        if len(self.frags) != 1 or getattr(self, "_splitpara", 0) or not hasattr(self.frags[0], "text"):
            return super().breakLinesCJK(maxWidths)
        frag = self.frags[0]
        lines = [(space, [line]) for space, line in break_lines(frag.text, maxWidths, frag.fontName, frag.fontSize)]
        return frag.clone(kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize)


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
    story = [NoticeParagraph(escape(document.title), TITLE)]
    if document.number:
        story.append(NoticeParagraph(escape(document.number), NUMBER))
    else:
        story.append(Spacer(1, LINE_PT / 2))
    body = [
        NoticeParagraph(escape(text), ADDRESSEE if document.is_addressee(index) else BODY)
        for index, text in enumerate(document.paragraphs)
    ]
    signature = [
        Spacer(1, LINE_PT * 1.5),
        NoticeParagraph(escape(document.agency_name), SIGNATURE),
        NoticeParagraph(escape(document.date_text), SIGNATURE),
    ]
    # A signature alone on a page signs nothing: it goes with the last paragraph.
    story += [*body[:-1], KeepTogether(body[-1:] + signature)]
    pdf.build(story)
    return buffer.getvalue()
