"""The identity proof an applicant uploads: a JPEG, PNG or PDF, recognised by its content.

The browser's file name and declared type are the applicant's (or a robot's) word, so neither is
trusted: the first bytes say what the file is (``filetype``), and the file must then open as what
it claims — Pillow decodes the image, pypdf reads the PDF's pages. A scan that passes is stored
encrypted (``intake``) with the type found here, so the desk never serves it as something else.
"""

import io
import warnings

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .. import conf

#: What a scan of an identity document may be, by the type its content shows.
ACCEPTED_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/pdf": "PDF",
}
#: A phone photo has about 12–50 million pixels; beyond this a picture is a decompression bomb.
MAX_PIXELS = 80_000_000
#: Enough of the file for ``filetype`` to recognise every type it knows.
HEAD_BYTES = 8192


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _check_image(data, expected_format):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != expected_format:
                    raise ValueError(image.format)
                if image.width * image.height > MAX_PIXELS:
                    raise Image.DecompressionBombError(image.size)
                image.verify()
            # verify() checks the structure without decoding; a truncated scan fails only on load().
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(
            _("The picture is too large (too many pixels). Please send a smaller scan or photo."), "too_many_pixels"
        )
    except Exception:  # Pillow raises many kinds of error on a damaged file; each means the same here.
        _refuse(_("The picture could not be opened: the file may be damaged. Please choose it again."), "damaged")


def _check_pdf(data):
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _refuse(_("The PDF is protected by a password. Please send it without the password."), "encrypted")
        if len(reader.pages) < 1:
            _refuse(_("The PDF has no pages."), "empty_pdf")
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        _refuse(_("The PDF could not be opened: the file may be damaged. Please choose it again."), "damaged")


def check_identity_proof(uploaded):
    """Return ``uploaded`` (rewound, ``content_type`` set from its content) or raise a ValidationError."""
    limit = conf.get("REQUEST_ID_PROOF_MAX_BYTES")
    if uploaded.size == 0:
        _refuse(_("The file is empty. Please choose the scan again."), "empty")
    if uploaded.size > limit:
        _refuse(
            _("The file is %(size)s; the largest accepted is %(limit)s. Please send a smaller scan."),
            "too_big",
            size=filesizeformat(uploaded.size),
            limit=filesizeformat(limit),
        )
    uploaded.seek(0)
    data = uploaded.read()
    kind = filetype.guess(data[:HEAD_BYTES])
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        _refuse(
            _("Only a JPEG or PNG picture or a PDF file is accepted; this file is not one, whatever its name."),
            "type",
        )
    if kind.mime == "application/pdf":
        _check_pdf(data)
    else:
        _check_image(data, ACCEPTED_TYPES[kind.mime])
    uploaded.seek(0)
    uploaded.content_type = kind.mime
    return uploaded
