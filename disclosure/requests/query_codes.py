"""The 查询码: a random secret the applicant gets once, stored only as a keyed hash.

12 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, U/V): about 57 bits, beyond
guessing even without the rate limit the status look-up also applies. Compared in constant time.
"""

import hmac
import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRTWXY"
LENGTH = 12


def new_query_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


#: What an applicant may copy down for a character the alphabet leaves out.
LOOK_ALIKES = str.maketrans({"S": "5", "Z": "2", "O": "0", "I": "1", "L": "1"})


def normalise(code):
    return "".join(code.split()).upper().replace("-", "").translate(LOOK_ALIKES)


def digest(code):
    return salted_hmac("gongkai.requests.query-code", normalise(code), algorithm="sha256").hexdigest()


def matches(code, stored_digest):
    return hmac.compare_digest(digest(code), stored_digest or "")


def display(code):
    """Shown to the applicant in groups of four, easier to copy down: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
