"""The 查询码: a random secret the applicant gets once, stored only as a keyed hash.

12 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 60 bits, beyond
guessing even without the rate limit the status look-up also applies. Compared in constant time.
"""

import hmac
import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12


def new_query_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code):
    return "".join(code.split()).upper().replace("-", "")


def digest(code):
    return salted_hmac("gongkai.requests.query-code", normalise(code), algorithm="sha256").hexdigest()


def matches(code, stored_digest):
    return hmac.compare_digest(digest(code), stored_digest or "")


def display(code):
    """Shown to the applicant in groups of four, easier to copy down: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
