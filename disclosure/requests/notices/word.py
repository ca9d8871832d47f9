"""A notice as a Word file (python-docx), for agencies that print and stamp it or file it in their OA.

Chinese text needs its font named in ``w:eastAsia``: python-docx sets only the Latin font.
"""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .document import BODY_PT, LINE_PT, MARGINS_MM, TITLE_PT

FONT = "宋体"


def _font(run_or_style, size):
    run_or_style.font.name = FONT
    run_or_style.font.size = Pt(size)
    properties = run_or_style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def _paragraph(word, text, size=BODY_PT, align=None, indent=False):
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(LINE_PT if size == BODY_PT else size * 1.5)
    paragraph.paragraph_format.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * size)
    _font(paragraph.add_run(text), size)
    return paragraph


def render_docx(document):
    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    _font(word.styles["Normal"], BODY_PT)
    word.core_properties.title = document.title
    word.core_properties.author = document.agency_name
    _paragraph(word, document.title, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(word, document.number, align=WD_ALIGN_PARAGRAPH.RIGHT)
    last = None
    for index, text in enumerate(document.paragraphs):
        last = _paragraph(word, text, indent=not document.is_addressee(index), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    # The last paragraph, the blank line and the agency keep with the next: the signature is not left alone.
    if last is not None:
        last.paragraph_format.keep_with_next = True
    _paragraph(word, "").paragraph_format.keep_with_next = True
    for text in (document.agency_name, document.date_text):
        signature = _paragraph(word, text, align=WD_ALIGN_PARAGRAPH.RIGHT)
        signature.paragraph_format.right_indent = Pt(BODY_PT)
        signature.paragraph_format.keep_with_next = text == document.agency_name
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
