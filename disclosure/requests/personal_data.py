"""The applicant's personal data as text, and how to take it out of a text.

Used where a request's words leave the applicant's file: a draft for proactive disclosure made
from a description (Art 44), and the notices kept after the retention period (which keep their
text but not the applicant's name, number and contacts). The applicant's own values are
replaced wherever they occur; identity numbers, mobile numbers and e-mail addresses are
replaced whoever's they are, found the way the pre-screening finds them.
"""

import re

from ..screening.personal_data import find_personal_data
from . import encryption

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Shorter values (a one-character name, an empty field) would replace parts of ordinary words.
MIN_LENGTH = 2


def personal_values(request):
    """Every personal value of ``request`` as written in it (the identity number decrypted)."""
    values = [
        request.applicant_name,
        request.legal_representative,
        request.contact_person,
        request.phone,
        request.email,
        request.address,
    ]
    if request.id_number_token:
        try:
            values.append(encryption.decrypt_text(request.id_number_token))
        except ValueError:
            pass  # a key no longer configured: the number cannot be in the clear anywhere either
    return sorted({value.strip() for value in values if value and len(value.strip()) >= MIN_LENGTH}, key=len)[::-1]


def scrub(text, values, replacement="×××"):
    """``text`` without ``values`` (longest first) and without any identity, mobile or e-mail."""
    if not text:
        return text
    for value in values:
        text = text.replace(value, replacement)
    for finding in find_personal_data(text, ""):
        text = text.replace(finding.match, replacement)
    return EMAIL.sub(replacement, text)
