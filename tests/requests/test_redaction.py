"""区分处理: the released copy really contains none of the withheld text — not in what a reader
extracts, not in any content stream or form — while unmarked pages keep theirs and the original
stays private and unchanged."""

import io
import re

import pypdf
import pypdfium2
import pytest
from pypdf.annotations import FreeText
from pypdf.generic import ByteStringObject, ContentStream, IndirectObject, NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from disclosure.requests import redaction
from disclosure.requests.models import ReleasedFile
from disclosure.requests.redaction import RedactionRefused, marks_for_text, redact

from .helpers import VALID_ID, day, handler_of, registered

pytestmark = pytest.mark.django_db(transaction=False)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
NAME = "李四"
ORDINARY_1 = "青溪县城区道路改造工程招标文件"
ORDINARY_2 = "第二页工程概况与技术要求"
WITHHELD = (NAME, VALID_ID)


def make_pdf(pages, rotate=0, shared_form_on=None, comment_on=None):
    """A PDF of ``pages`` (lists of text lines) in the CID font; ``shared_form_on`` draws a form
    XObject holding the name on that page only; ``comment_on`` adds a comment naming them there."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if shared_form_on is not None:
        pdf.beginForm("stamp")
        pdf.setFont(FONT, 12)
        pdf.drawString(72, 100, f"经办人{NAME}")
        pdf.endForm()
    for number, lines in enumerate(pages):
        pdf.setFont(FONT, 14)
        for row, line in enumerate(lines):
            pdf.drawString(72, 760 - row * 30, line)
        if number == shared_form_on:
            pdf.doForm("stamp")
        pdf.showPage()
    pdf.save()
    if not (rotate or shared_form_on is not None or comment_on is not None):
        return buffer.getvalue()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(buffer))
    if comment_on is not None:
        writer.add_annotation(comment_on, FreeText(text=f"请核实{NAME}的身份", rect=(300, 300, 500, 340)))
    for page in writer.pages:
        if rotate:
            page.rotate(rotate)
        if shared_form_on is not None:
            # One resource dictionary for every page, as many producers write it: the form drawn
            # on one page is listed in the resources of all.
            page[NameObject("/Resources")] = writer.pages[shared_form_on]["/Resources"]
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def two_page_pdf():
    return make_pdf(
        [
            [f"申请人：{NAME}", f"身份证号：{VALID_ID}", ORDINARY_1],
            [ORDINARY_2, "本页不含个人信息。"],
        ]
    )


def compact(text):
    return re.sub(r"\s+", "", text)


def texts_by_page(content):
    """Each page's text as (pypdf, PDFium) read it."""
    by_pypdf = [compact(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(content)).pages]
    by_pdfium = [compact(page.get_textpage().get_text_range()) for page in pypdfium2.PdfDocument(content)]
    return list(zip(by_pypdf, by_pdfium, strict=True))


def resolved(value):
    return value.get_object() if hasattr(value, "get_object") else value


def _streams(reader):
    """Every content stream of every page and every XObject reachable from a page, decoded."""
    seen = set()

    def walk(resources):
        xobjects = resolved(resolved(resources or {}).get("/XObject")) or {}
        for reference in xobjects.values():
            key = getattr(reference, "idnum", id(reference))
            if key in seen:
                continue
            seen.add(key)
            stream = reference.get_object()
            yield stream
            yield from walk(stream.get("/Resources"))

    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            yield contents
        yield from walk(page.get("/Resources"))


def string_operands(stream, reader):
    """The bytes of every string a content stream shows (text is UTF-16BE in a CID font)."""
    if stream.get("/Subtype") == "/Image":
        return b""
    found = b""
    for operands, _operator in ContentStream(stream, reader).operations:
        for operand in operands if isinstance(operands, list) else []:
            items = operand if isinstance(operand, list) else [operand]
            for item in items:
                if isinstance(item, ByteStringObject):
                    found += bytes(item)
                elif isinstance(item, TextStringObject):
                    found += item.original_bytes
    return found


def string_objects(reader):
    """Every string object of the file (annotations, metadata, outlines, form fields…), decoded."""
    found, seen = [], set()

    def walk(value):
        if isinstance(value, IndirectObject):
            if value.idnum in seen:
                return
            seen.add(value.idnum)
            value = value.get_object()
        if isinstance(value, (TextStringObject, ByteStringObject)):
            found.append(str(value) if isinstance(value, TextStringObject) else bytes(value).decode("latin-1"))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(reader.trailer)
    return "".join(found)


def leaks(content):
    """The withheld strings found anywhere in the file, in any of the forms text takes in a PDF."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    strings = string_objects(reader)
    decoded, shown = b"", b""
    for stream in _streams(reader):
        data = stream.get_data()
        decoded += data
        shown += string_operands(stream, reader)
    texts = "".join(a + b for a, b in texts_by_page(content))
    found = set()
    for value in WITHHELD:
        utf16 = value.encode("utf-16-be")
        forms = [value.encode(), utf16, utf16.hex().encode(), utf16.hex().upper().encode()]
        if (
            value in texts
            or value in strings
            or any(form in decoded or form in shown or form in content for form in forms)
        ):
            found.add(value)
    return found


@pytest.fixture
def request_(agency):
    return registered(agency, handler_of(agency), day("2025-09-26"))


def released(request_, content, marks=(), **fields):
    return ReleasedFile.objects.create(
        request=request_,
        title="招标文件",
        original=content,
        original_name="招标文件.pdf",
        content_type="application/pdf",
        redactions=list(marks),
        **fields,
    )


def test_the_checks_find_the_withheld_text_in_the_original():
    assert leaks(two_page_pdf()) == set(WITHHELD)


def test_marks_for_text_find_every_occurrence_with_its_page_and_box():
    marks = marks_for_text(two_page_pdf(), NAME, "personal_information")
    assert len(marks) == 1
    (mark,) = marks
    assert mark["page"] == 0 and mark["reason"] == "personal_information" and mark["text"] == NAME
    x0, y0, x1, y1 = mark["rect"]
    assert 72 < x0 < x1 < 200 and y0 < 760 < y1  # "申请人：" then the name, on the first baseline
    assert marks_for_text(two_page_pdf(), "王五", "personal_information") == []


def test_redacting_by_text_leaves_no_withheld_text_and_keeps_the_unmarked_page(request_, agency):
    original = two_page_pdf()
    marks = marks_for_text(original, NAME, "personal_information") + marks_for_text(
        original, VALID_ID, "personal_information"
    )
    file = released(request_, original, marks)
    actor = handler_of(agency)
    redact(file, actor)
    file.refresh_from_db()
    output = bytes(file.redacted)
    assert leaks(output) == set()
    (marked_pypdf, marked_pdfium), (kept_pypdf, kept_pdfium) = texts_by_page(output)
    assert marked_pypdf == marked_pdfium == ""  # the marked page is pixels only
    assert ORDINARY_2 in kept_pypdf and ORDINARY_2 in kept_pdfium
    assert bytes(file.original) == original
    assert file.released_content() == output != original
    assert file.redacted_by == actor and file.redacted_at is not None
    assert redaction.is_current(file)


def test_the_marked_page_is_painted_black_where_the_text_was(request_):
    original = two_page_pdf()
    marks = marks_for_text(original, VALID_ID, "personal_information")
    file = redact(released(request_, original, marks), None)
    scale = redaction.DPI / 72
    image = pypdfium2.PdfDocument(bytes(file.redacted))[0].render(scale=scale).to_pil().convert("L")
    x0, y0, x1, y1 = marks[0]["rect"]
    middle_y = (A4[1] - (y0 + y1) / 2) * scale
    dark = [image.getpixel(((x0 + (x1 - x0) * f) * scale, middle_y)) for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
    assert max(dark) < 40 or sum(value < 40 for value in dark) >= 3  # black (white label letters aside)
    assert image.getpixel((300 * scale, (A4[1] - 500) * scale)) > 200  # the rest of the page stays white


def test_an_area_marked_by_rectangle_removes_the_text_under_it(request_):
    original = two_page_pdf()
    area = {"page": 1, "rect": [60, 750, 400, 780], "reason": "process_information"}
    file = redact(released(request_, original, [area]), None)
    pages = texts_by_page(bytes(file.redacted))
    assert all(ORDINARY_2 not in text for text in pages[1])
    assert all(ORDINARY_1 in text for text in pages[0])  # the unmarked page keeps its text…
    assert NAME in pages[0][0]  # …all of it: only what was marked is withheld


@pytest.mark.parametrize(
    "mark",
    [
        {"page": 0, "rect": [70, 750, 200, 780], "reason": "dislike"},
        {"page": 0, "rect": [70, 750, 200, 780], "reason": ""},
        {"page": 0, "rect": [70, 750, 200, 780]},
    ],
)
def test_a_mark_without_a_lawful_reason_is_refused(request_, mark):
    file = released(request_, two_page_pdf(), [mark])
    with pytest.raises(RedactionRefused) as refused:
        redact(file, None)
    assert refused.value.field == "reason"
    file.refresh_from_db()
    assert file.redacted is None and file.released_content() is None  # nothing is released unredacted
    with pytest.raises(RedactionRefused):
        marks_for_text(two_page_pdf(), NAME, "dislike")


@pytest.mark.parametrize(
    ("mark", "message"),
    [
        ({"page": 0, "rect": [0, 0, 700, 900], "reason": "state_secret"}, "超出第 1 页"),
        ({"page": 0, "rect": [-50, 100, 100, 200], "reason": "state_secret"}, "超出第 1 页"),
        ({"page": 2, "rect": [0, 0, 10, 10], "reason": "state_secret"}, "只有 2 页"),
        ({"page": "0", "rect": [0, 0, 10, 10], "reason": "state_secret"}, "只有 2 页"),
        ({"page": 0, "rect": [100, 100, 100, 200], "reason": "state_secret"}, "为空"),
        ({"page": 0, "rect": [100, 100, "x", 200], "reason": "state_secret"}, "矩形"),
        ({"page": 0, "rect": [100, 100, float("nan"), 200], "reason": "state_secret"}, "矩形"),
    ],
)
def test_a_mark_off_the_page_is_refused(mark, message):
    with pytest.raises(RedactionRefused) as refused:
        redaction.redacted_pdf(two_page_pdf(), [mark])
    assert message in refused.value.message


def test_no_marks_nothing_to_redact(request_):
    with pytest.raises(RedactionRefused):
        redact(released(request_, two_page_pdf(), []), None)
    off_page = [{"page": 0, "rect": [0, 0, 700, 900], "reason": "state_secret"}]
    with pytest.raises(RedactionRefused):
        redact(released(request_, two_page_pdf(), off_page), None)


def test_non_pdf_and_encrypted_files_are_refused_with_a_reason(request_):
    with pytest.raises(RedactionRefused) as refused:
        redaction.redacted_pdf(b"PK\x03\x04 a word file", [])
    assert "PDF" in refused.value.message
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(two_page_pdf())))
    writer.encrypt(user_password="", owner_password="secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(RedactionRefused) as refused:
        marks_for_text(buffer.getvalue(), NAME, "personal_information")
    assert "加密" in refused.value.message
    word = released(request_, b"%PDF-1.4 fake", [{"page": 0, "rect": [0, 0, 1, 1], "reason": "state_secret"}])
    word.content_type = "application/msword"
    with pytest.raises(RedactionRefused):
        redact(word, None)


def test_text_left_on_an_unmarked_page_stops_the_release(request_):
    original = make_pdf([[f"申请人：{NAME}"], [f"联系人：{NAME}"]])
    marks = [mark for mark in marks_for_text(original, NAME, "personal_information") if mark["page"] == 0]
    with pytest.raises(RedactionRefused) as refused:
        redact(released(request_, original, marks), None)
    assert "第 2 页" in refused.value.message


def test_a_form_shared_by_the_pages_does_not_travel_with_an_unmarked_page(request_):
    original = make_pdf([[ORDINARY_1], [ORDINARY_2]], shared_form_on=0)
    assert NAME in leaks_in_page_resources(original, 1)  # reportlab shares its forms with every page
    marks = [{"page": 0, "rect": [60, 90, 250, 120], "reason": "personal_information", "text": NAME}]
    file = redact(released(request_, original, marks), None)
    assert NAME not in leaks_in_page_resources(bytes(file.redacted), 1)
    assert leaks(bytes(file.redacted)) == set()
    assert ORDINARY_2 in texts_by_page(bytes(file.redacted))[1][0]


def leaks_in_page_resources(content, page_number):
    reader = pypdf.PdfReader(io.BytesIO(content))
    page = reader.pages[page_number]
    xobjects = resolved(resolved(page["/Resources"]).get("/XObject")) or {}
    shown = b"".join(string_operands(ref.get_object(), reader) for ref in xobjects.values())
    return NAME if NAME.encode("utf-16-be") in shown else ""


def test_a_rotated_page_is_painted_where_the_text_is_shown(request_):
    original = make_pdf([[f"申请人：{NAME}", ORDINARY_1]], rotate=90)
    marks = marks_for_text(original, NAME, "personal_information")
    file = redact(released(request_, original, marks), None)
    output = pypdfium2.PdfDocument(bytes(file.redacted))
    source = pypdfium2.PdfDocument(original)
    assert output[0].get_size() == pytest.approx(source[0].get_size(), abs=0.5)  # landscape as displayed
    assert leaks(bytes(file.redacted)) == set()
    image = output[0].render(scale=redaction.DPI / 72).to_pil().convert("L")
    # Turned 90° clockwise, the point (x, y) of the page is shown at (y, x) from the top left.
    x0, y0, x1, y1 = marks[0]["rect"]
    scale = redaction.DPI / 72
    for x in (x0 + 2, x1 - 2):  # its ends (the label of the article is printed across the middle)
        assert image.getpixel(((y0 + 2) * scale, x * scale)) < 40
        assert image.getpixel(((y1 - 2) * scale, x * scale)) < 40
    assert image.getpixel(((y0 - 60) * scale, x0 * scale)) > 200


def test_changing_the_marks_makes_the_copy_stale(request_):
    original = two_page_pdf()
    file = redact(released(request_, original, marks_for_text(original, NAME, "personal_information")), None)
    assert redaction.is_current(file)
    file.redactions = file.redactions + marks_for_text(original, VALID_ID, "personal_information")
    file.save()
    assert not redaction.is_current(file)


def test_pages_in_fonts_the_server_cannot_draw_are_pointed_out(monkeypatch):
    original = two_page_pdf()
    marks = marks_for_text(original, NAME, "personal_information")
    monkeypatch.setattr(redaction, "server_draws_unembedded_chinese", lambda: False)
    (warning,) = redaction.rendering_warnings(original, marks)
    assert "第 1 页" in warning and "STSong-Light" in warning
    monkeypatch.setattr(redaction, "server_draws_unembedded_chinese", lambda: True)
    assert redaction.rendering_warnings(original, marks) == []


def test_comments_on_an_unmarked_page_are_not_released(request_):
    original = make_pdf([[f"申请人：{NAME}"], [ORDINARY_2]], comment_on=1)
    assert NAME in string_objects(pypdf.PdfReader(io.BytesIO(original)))
    file = redact(released(request_, original, marks_for_text(original, NAME, "personal_information")), None)
    assert leaks(bytes(file.redacted)) == set()
    assert "/Annots" not in pypdf.PdfReader(io.BytesIO(bytes(file.redacted))).pages[1]


def _glyphs(image):
    """The white glyphs drawn in a black box, as separate pictures from left to right."""
    width, height = image.size
    inked = [any(image.getpixel((x, y)) > 128 for y in range(height)) for x in range(width)]
    runs, start = [], None
    for x, ink in enumerate([*inked, False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            runs.append(image.crop((start, 0, x, height)).tobytes())
            start = None
    return runs


@pytest.mark.skipif(redaction.cjk_font_path() is None, reason="no Chinese font on this server")
def test_the_box_names_the_article_in_chinese_drawn_as_pixels(request_):
    box = {"page": 1, "rect": [60, 600, 400, 640], "reason": "third_party"}
    file = redact(released(request_, two_page_pdf(), [box]), None)
    scale = redaction.DPI / 72
    image = pypdfium2.PdfDocument(bytes(file.redacted))[1].render(scale=scale).to_pil().convert("L")
    inside = image.crop((62 * scale, (A4[1] - 638) * scale, 398 * scale, (A4[1] - 602) * scale))
    glyphs = _glyphs(inside)
    # 第十五条: four glyphs, all different (a font without them would draw four identical empty boxes),
    # not the eleven letters of the code “third_party”.
    assert len(glyphs) == 4 and len(set(glyphs)) == 4
    assert all(text == "" for pair in texts_by_page(bytes(file.redacted))[1:] for text in pair)  # pixels, not text


def test_each_reason_prints_its_article_and_ascii_only_without_a_chinese_font(monkeypatch):
    monkeypatch.setattr(redaction, "cjk_font_path", lambda: "/usr/share/fonts/some-cjk.ttc")
    labels = {reason: redaction.box_label(reason) for reason in redaction.REASONS}
    assert labels == {
        "state_secret": "第十四条",
        "prohibited_by_law": "第十四条",
        "security_stability": "第十四条",
        "third_party": "第十五条",
        "internal_affairs": "第十六条",
        "process_information": "第十六条",
        "enforcement_file": "第十六条",
        "query_matter": "不予公开",
        "personal_information": "第十五条",
    }
    monkeypatch.setattr(redaction, "cjk_font_path", lambda: None)
    assert (redaction.box_label("personal_information"), redaction.box_label("query_matter")) == ("Art.15", "Withheld")
