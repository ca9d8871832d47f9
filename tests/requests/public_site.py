"""Builders for the public side of the request desk: the agency's application page, what a citizen types, scans."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from PIL import Image
from pypdf import PdfWriter

from disclosure.models import RequestFormPage
from tests import factories

from .helpers import VALID_ID

#: A valid 统一社会信用代码 (GB 32100 check character).
VALID_CREDIT_CODE = "91330000MA2B3C4D5H"


def make_form_page(agency, live=True):
    page = RequestFormPage(title="依申请公开", slug="apply", office_contact="县政府办公室 0578-1234567", live=False)
    agency.add_child(instance=page)
    if live:
        factories.publish(page)
    page.refresh_from_db()
    return page


def png_bytes(size=(40, 30), noise=False):
    image = Image.new("RGB", size, "white")
    if noise:
        image = Image.frombytes("RGB", size, bytes((i * 7919) % 251 for i in range(size[0] * size[1] * 3)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scan(name="id.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, png_bytes() if content is None else content, content_type=content_type)


def form_data(**overrides):
    """What a natural person types: valid in every field, e-mail delivery."""
    data = {
        "category": "person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": VALID_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "青溪县人民路1号",
        "postcode": "323300",
        "description": "申请公开2025年城区道路改造工程的招标文件。",
        "reference": "",
        "delivery_form": "electronic",
        "delivery_channel": "email",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, page, proof=True, **overrides):
    data = form_data(**overrides)
    if proof is True:
        data["id_proof"] = scan()
    elif proof:
        data["id_proof"] = proof
    return client.post(page.url, data)


def shown(message):
    """A message as the page shows it: in the site's language, HTML-escaped."""
    with translation.override("zh-hans"):
        return escape(translation.gettext(str(message)))
