"""区分处理 (Art 37): a released PDF with the withheld parts really gone, each with its legal reason.

Black boxes drawn over text are the classic leak: the text stays in the file, a reader copies it
out. So every page that carries a mark is rebuilt from pixels: rendered (``DPI``), the marked
areas painted opaque black with the legal ground printed small in white (the article of the 条例,
第十五条, drawn with a Chinese font of the server; ``Art.15`` where the server has none), and put
back as an image-only page: the label is pixels too, never text a reader could take for content.
Pages without a mark are copied as they are, so their text stays searchable, but without their
annotations, thumbnails and page metadata (text the page does not print) and without XObjects
their content never draws (shared resource dictionaries can carry other pages' forms). Nothing of
the source's document level is carried over: no metadata, outline, form fields, attachments or
JavaScript. Before the copy is stored, its text is read back and must contain none of the strings
that were marked by text.

Library: PDFium through ``pypdfium2`` finds the text's positions (``PdfTextPage.search``,
``get_charbox``) and renders pages; ``pypdf`` copies the untouched pages; ``reportlab`` and
Pillow make the image pages. PDFium is Google's PDF engine (BSD-3/Apache-2.0) and pypdfium2 is
Apache-2.0/BSD-3, as permissive as the rest of the stack. PyMuPDF, the usual choice for
redaction, is AGPL-3.0 (or a commercial licence): a public-sector product that other agencies
and their contractors redistribute and host under their own terms cannot carry that obligation.

A mark is ``{"page": 0-based int, "rect": [x0, y0, x1, y1] in PDF points (origin bottom left,
the page's own coordinates), "reason": a ``REASONS`` key}``; marks found by text also keep the
``"text"`` they cover, which is what the read-back check looks for. Marks live on the private
``ReleasedFile``; only the produced copy is ever released.
"""

import contextlib
import ctypes
import functools
import hashlib
import io
import json
import math
import re
import subprocess
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageDraw, ImageFont
from pypdf.generic import ContentStream, DictionaryObject, NameObject, TextStringObject
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ..catalogue.choices import NonDisclosureReason

#: Resolution of the rebuilt pages: legible print, a few hundred kB an A4 page.
DPI = 200
#: Points added around a box found by text, so no anti-aliased edge of a glyph survives.
PADDING = 1.0
#: How far a mark may stray past the page's edge (points) before it is refused.
EDGE_TOLERANCE = 1.0
PERSONAL_INFORMATION = "personal_information"
#: A CJK font PDF readers supply themselves, never embedded: the probe for the server's fonts.
PROBE_FONT = "STSong-Light"
#: The lawful reasons for withholding part of a file: report table 三(三)'s, and a third party's
#: personal information (the most common reason in practice, under Art 15 and 37).
REASONS = {
    **{member.value: member.label for member in NonDisclosureReason},
    PERSONAL_INFORMATION: gettext_lazy("Personal information of a third party"),
}
REASON_CHOICES = list(REASONS.items())
#: The article of the 政府信息公开条例 each reason rests on: Art 14 (state secrets, laws' prohibitions,
#: 三安全一稳定), Art 15 (third parties' rights, personal information), Art 16 (internal affairs, process
#: information, enforcement files). A 行政查询事项 is withheld under the law that governs the query, no article.
ARTICLES = {
    "state_secret": 14,
    "prohibited_by_law": 14,
    "security_stability": 14,
    "third_party": 15,
    PERSONAL_INFORMATION: 15,
    "internal_affairs": 16,
    "process_information": 16,
    "enforcement_file": 16,
    "query_matter": None,
}
ARTICLE_WORDS = {14: "第十四条", 15: "第十五条", 16: "第十六条"}
#: What a box says where the reason has no article.
NO_ARTICLE_LABEL = "不予公开"
#: Fonts with Chinese glyphs on common servers (Debian/Ubuntu packages fonts-wqy-zenhei, fonts-noto-cjk,
#: fonts-arphic-uming), tried before those fontconfig lists.
CJK_FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
#: The document's info key holding the fingerprint of the original and marks a copy was made from.
FINGERPRINT_KEY = "/GongkaiRedaction"
#: Page entries that hold text or pictures the page does not print.
UNPRINTED_PAGE_ENTRIES = ("/Annots", "/Thumb", "/PieceInfo", "/Metadata", "/AA", "/B")
#: Resources that have content of their own (and so may hold text), kept only when the page uses them.
PRUNED_RESOURCES = ("/XObject", "/Pattern", "/Shading")


def article(reason):
    """The article ``reason`` rests on in Chinese (第十五条), "" for none."""
    return ARTICLE_WORDS.get(ARTICLES.get(reason), "")


def reason_label(reason):
    """The reason as the handler chose it (report table 三's words), with its article: 保护第三方合法权益（第十五条）."""
    label = REASONS.get(reason)
    if label is None:
        return reason or ""
    return f"{label}（{article(reason)}）" if article(reason) else str(label)


class RedactionRefused(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# Opening -------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _opened(pdf_bytes):
    """(pypdf reader, PDFium document) of a PDF that is neither damaged nor encrypted."""
    pdf_bytes = bytes(pdf_bytes or b"")
    if b"%PDF-" not in pdf_bytes[:1024]:
        raise RedactionRefused(_("Only PDF files can be redacted: convert the document to PDF first."), "file")
    try:
        reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises several kinds on damaged files
        raise RedactionRefused(_("The PDF cannot be read: %(error)s") % {"error": exc}, "file") from exc
    if encrypted:
        raise RedactionRefused(
            _("The PDF is encrypted or password-protected: ask for an unprotected copy and upload that."), "file"
        )
    try:
        document = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise RedactionRefused(_("The PDF cannot be read: %(error)s") % {"error": exc}, "file") from exc
    try:
        yield reader, document
    finally:
        document.close()


def page_box(pdf_bytes, page):
    """The visible box (left, bottom, right, top) of page ``page`` (from 0), in PDF points."""
    with _opened(pdf_bytes) as (_reader, document):
        if not 0 <= page < len(document):
            raise RedactionRefused(_("The file has %(count)d pages.") % {"count": len(document)}, "page")
        return tuple(document[page].get_cropbox())


# Finding text --------------------------------------------------------------------------------------


def _line_boxes(textpage, first, count):
    """One box per line of the characters ``first``… (a match may wrap onto the next line)."""
    boxes = []
    for index in range(first, first + count):
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if right - left <= 0 and top - bottom <= 0:
            continue  # a line break PDFium inserted, not a glyph
        middle = (bottom + top) / 2
        if boxes and boxes[-1][1] <= middle <= boxes[-1][3]:
            box = boxes[-1]
            boxes[-1] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        else:
            boxes.append([left, bottom, right, top])
    return boxes


def _clip(rect, page_box):
    left, bottom, right, top = page_box
    return [
        round(max(rect[0] - PADDING, left), 2),
        round(max(rect[1] - PADDING, bottom), 2),
        round(min(rect[2] + PADDING, right), 2),
        round(min(rect[3] + PADDING, top), 2),
    ]


def marks_for_text(pdf_bytes, text, reason):
    """A mark for every occurrence of ``text`` on every page (case-insensitive), with ``reason``."""
    _check_reason(reason)
    if not text or not text.strip():
        raise RedactionRefused(_("Give the text to withhold."), "text")
    marks = []
    with _opened(pdf_bytes) as (_reader, document):
        for page_number, page in enumerate(document):
            textpage = page.get_textpage()
            searcher = textpage.search(text.strip())
            while (match := searcher.get_next()) is not None:
                for box in _line_boxes(textpage, *match):
                    rect = _clip(box, page.get_cropbox())
                    marks.append({"page": page_number, "rect": rect, "reason": reason, "text": text.strip()})
    return marks


# Checking marks --------------------------------------------------------------------------------------


def _check_reason(reason):
    if reason not in REASONS:
        raise RedactionRefused(
            _("“%(reason)s” is not a lawful reason for withholding; choose one of: %(reasons)s.")
            % {"reason": reason, "reasons": ", ".join(REASONS)},
            "reason",
        )


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def validate_marks(pdf_bytes, marks):
    """Refuse marks that name no lawful reason, no existing page, or an area not on the page."""
    with _opened(pdf_bytes) as (_reader, document):
        _validate(document, marks)


def _validate(document, marks):
    if not isinstance(marks, list) or not marks:
        raise RedactionRefused(_("Mark at least one area to withhold."), "redactions")
    for number, mark in enumerate(marks, start=1):
        if not isinstance(mark, dict):
            raise RedactionRefused(_("Mark %(n)d is not an area.") % {"n": number}, "redactions")
        _check_reason(mark.get("reason"))
        page = mark.get("page")
        if not isinstance(page, int) or isinstance(page, bool) or not 0 <= page < len(document):
            raise RedactionRefused(
                _("Mark %(n)d names page %(page)s; the file has %(count)d pages.")
                % {"n": number, "page": page, "count": len(document)},
                "redactions",
            )
        rect = mark.get("rect")
        if not (isinstance(rect, (list, tuple)) and len(rect) == 4 and all(_number(v) for v in rect)):
            raise RedactionRefused(_("Mark %(n)d has no valid rectangle.") % {"n": number}, "redactions")
        x0, y0, x1, y1 = rect
        if x0 >= x1 or y0 >= y1:
            raise RedactionRefused(_("Mark %(n)d is empty.") % {"n": number}, "redactions")
        left, bottom, right, top = document[page].get_cropbox()
        t = EDGE_TOLERANCE
        if x0 < left - t or y0 < bottom - t or x1 > right + t or y1 > top + t:
            raise RedactionRefused(
                _("Mark %(n)d lies outside page %(page)d (%(width)d × %(height)d points).")
                % {"n": number, "page": page + 1, "width": right - left, "height": top - bottom},
                "redactions",
            )


# Producing the copy ----------------------------------------------------------------------------------


def _to_pixels(page, size, x, y):
    """PDF point (x, y) of ``page`` → pixel of its rendering at ``size`` (PDFium's own mapping, so the
    page's rotation and crop box are taken into account exactly as when rendering)."""
    device_x, device_y = ctypes.c_int(), ctypes.c_int()
    pdfium_raw.FPDF_PageToDevice(page.raw, 0, 0, size[0], size[1], 0, x, y, device_x, device_y)
    return device_x.value, device_y.value


def _covers_chinese(path):
    try:
        font = ImageFont.truetype(path, 20)
    except OSError:
        return False
    # A font without the glyph draws its "missing" box: the same picture for any two such characters.
    pictures = []
    for character in ("第", "\U0010fffd"):
        image = Image.new("L", (40, 40))
        ImageDraw.Draw(image).text((5, 5), character, fill=255, font=font)
        pictures.append(image.tobytes())
    return pictures[0] != pictures[1]


@functools.cache
def cjk_font_path():
    """A TrueType/OpenType file with Chinese glyphs on this server, or None. ``fc-match`` always answers
    (with a Latin font when it has no better), so only the fonts fontconfig lists for ``:lang=zh`` count."""
    candidates = []
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
        candidates = sorted(line.split(":")[0].strip() for line in listed.splitlines() if line.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    for path in (*CJK_FONT_PATHS, *candidates):
        if Path(path).is_file() and _covers_chinese(path):
            return path
    return None


def box_label(reason):
    """What the box over a withheld part says: the article (第十五条), 不予公开 without one; in ASCII (Art.15,
    Withheld) only on a server with no Chinese font, where Chinese would print as empty boxes."""
    if cjk_font_path():
        return article(reason) or NO_ARTICLE_LABEL
    number = ARTICLES.get(reason)
    return f"Art.{number}" if number else "Withheld"


def _font(size):
    path = cjk_font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def _label(draw, box, text):
    """``text`` in white, as large as fits (down to 4 points, still legible), or none if the box is too small."""
    width, height = box[2] - box[0], box[3] - box[1]
    for size in (int(DPI / 72 * 7), int(DPI / 72 * 5), int(DPI / 72 * 4)):
        font = _font(size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        if right - left + 4 <= width and bottom - top + 2 <= height:
            draw.text((box[0] + 2 - left, box[1] + (height - (bottom - top)) / 2 - top), text, fill="white", font=font)
            return


def _rasterised(page, marks):
    """The page as pixels with its marks painted over."""
    image = page.render(scale=DPI / 72).to_pil().convert("RGB")
    draw = ImageDraw.Draw(image)
    for mark in marks:
        x0, y0, x1, y1 = mark["rect"]
        corners = [_to_pixels(page, image.size, x, y) for x in (x0, x1) for y in (y0, y1)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        box = (min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1)
        draw.rectangle(box, fill="black")
        _label(draw, box, box_label(mark["reason"]))
    return image


def _image_pages(document, marked):
    """A PDF of the marked pages, image-only, each at its page's displayed size, in page order."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=1)
    for page_number in sorted(marked):
        page = document[page_number]
        width, height = page.get_size()
        pdf.setPageSize((width, height))
        pdf.drawImage(ImageReader(_rasterised(page, marked[page_number])), 0, 0, width=width, height=height)
        pdf.showPage()
    pdf.save()
    return pypdf.PdfReader(io.BytesIO(buffer.getvalue()))


def _names(value):
    if isinstance(value, NameObject):
        yield str(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _names(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _names(item)


def _resource_names_used(page, reader):
    """Every name the page's content stream mentions: the resources it can draw are among them."""
    contents = page.get_contents()
    if contents is None:
        return set()
    return {name for operands, _operator in ContentStream(contents, reader).operations for name in _names(operands)}


def _stripped(page, reader):
    """An unmarked page without what it does not print: its unprinted entries, and the forms, images,
    patterns and shadings its resources list but its content never uses (the copy's resources are new
    dictionaries: a resource dictionary shared with other pages stays as it was)."""
    for entry in UNPRINTED_PAGE_ENTRIES:
        if entry in page:
            del page[entry]
    resources = page.get("/Resources")
    if resources is None:
        return page
    resources = resources.get_object()
    used = _resource_names_used(page, reader)
    copy = DictionaryObject(resources.items())
    for category in PRUNED_RESOURCES:
        if category in resources:
            listed = resources[category].get_object()
            copy[NameObject(category)] = DictionaryObject({name: ref for name, ref in listed.items() if name in used})
    page[NameObject("/Resources")] = copy
    return page


def _compact(text):
    return re.sub(r"\s+", "", text).casefold()


def _check_read_back(output, marks):
    """The copy's text must contain none of the strings marked by text (a page not marked where the
    text also appears would otherwise release it)."""
    withheld = {mark["text"] for mark in marks if mark.get("text")}
    if not withheld:
        return
    with _opened(output) as (_reader, document):
        for page_number, page in enumerate(document):
            text = _compact(page.get_textpage().get_text_range())
            for value in withheld:
                if _compact(value) in text:
                    raise RedactionRefused(
                        _("“%(text)s” still appears on page %(page)d: mark it there too.")
                        % {"text": value, "page": page_number + 1},
                        "redactions",
                    )


@functools.cache
def server_draws_unembedded_chinese():
    """Whether PDFium finds a Chinese font on this server for text whose font the PDF does not embed
    (STSong-Light and the like: readers bring their own, a server needs e.g. fonts-noto-cjk)."""
    buffer = io.BytesIO()
    probe = canvas.Canvas(buffer, pagesize=(120, 60))
    pdfmetrics.registerFont(UnicodeCIDFont(PROBE_FONT))
    probe.setFont(PROBE_FONT, 40)
    probe.drawString(10, 12, "中文")
    probe.save()
    with _opened(buffer.getvalue()) as (_reader, document):
        image = document[0].render(scale=1).to_pil().convert("L")
    return image.getextrema()[0] < 128


def _fonts_not_embedded(resources, depth=0):
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        described = font
        if font.get("/Subtype") == "/Type0" and font.get("/DescendantFonts"):
            described = font["/DescendantFonts"].get_object()[0].get_object()
        descriptor = described.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            yield str(font.get("/BaseFont", "?"))
    if depth < 5:
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from _fonts_not_embedded(xobject.get("/Resources"), depth + 1)


def rendering_warnings(pdf_bytes, marks):
    """What the handler should check in the redacted copy before releasing it: marked pages whose
    text uses fonts the PDF does not embed, when this server has no Chinese font to draw them with
    (the rebuilt page would show blanks where that text was; nothing would leak)."""
    if server_draws_unembedded_chinese():
        return []
    warnings = []
    with _opened(pdf_bytes) as (reader, _document):
        for page_number in sorted({mark["page"] for mark in marks}):
            fonts = sorted(set(_fonts_not_embedded(reader.pages[page_number].get("/Resources"))))
            if fonts:
                warnings.append(
                    _(
                        "Page %(page)d uses fonts the file does not embed (%(fonts)s) and this server has no "
                        "Chinese font to draw them: check that the redacted page still shows its text, or "
                        "export the document with embedded fonts."
                    )
                    % {"page": page_number + 1, "fonts": ", ".join(fonts)}
                )
    return warnings


def fingerprint(original, marks):
    """What a redacted copy was made from: the original's bytes and the marks."""
    digest = hashlib.sha256(bytes(original))
    digest.update(json.dumps(marks, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def redacted_pdf(pdf_bytes, marks):
    """The released copy of ``pdf_bytes`` with ``marks`` withheld (bytes); ``pdf_bytes`` is not changed."""
    with _opened(pdf_bytes) as (reader, document):
        _validate(document, marks)
        marked = {}
        for mark in marks:
            marked.setdefault(mark["page"], []).append(mark)
        images = _image_pages(document, marked)
    writer = pypdf.PdfWriter()
    image_pages = iter(images.pages)
    for page_number, page in enumerate(reader.pages):
        writer.add_page(next(image_pages) if page_number in marked else _stripped(page, reader))
    writer.add_metadata({FINGERPRINT_KEY: TextStringObject(fingerprint(pdf_bytes, marks))})
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    buffer = io.BytesIO()
    writer.write(buffer)
    output = buffer.getvalue()
    _check_read_back(output, marks)
    return output


def is_current(released_file):
    """Whether the stored redacted copy was made from the file's present original and marks."""
    if not released_file.redacted:
        return False
    try:
        info = pypdf.PdfReader(io.BytesIO(bytes(released_file.redacted))).metadata or {}
    except Exception:
        return False
    return info.get(FINGERPRINT_KEY) == fingerprint(released_file.original, released_file.redactions)


@transaction.atomic
def redact(released_file, actor):
    """Produce and store the released copy of ``released_file`` from its marks; the original is kept
    private and unchanged."""
    if released_file.content_type and released_file.content_type != "application/pdf":
        raise RedactionRefused(_("Only PDF files can be redacted: convert the document to PDF first."), "file")
    released_file.redacted = redacted_pdf(bytes(released_file.original), released_file.redactions)
    released_file.redacted_at = timezone.now()
    released_file.redacted_by = actor
    released_file.save(update_fields=["redacted", "redacted_at", "redacted_by"])
    return released_file
