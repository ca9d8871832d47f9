"""Applicants' identity numbers and proofs are encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).

Keys come from the environment (``GONGKAI_PERSONAL_DATA_KEYS``, comma-separated Fernet keys; the
first encrypts, all decrypt, so a key can be rotated without re-encrypting at once). Production
refuses to start without them; elsewhere a key is derived from ``SECRET_KEY`` so the demo runs
with nothing configured. A database dump alone then reveals no identity number.
"""

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac


def _keys():
    configured = [key.strip() for key in getattr(settings, "GONGKAI_PERSONAL_DATA_KEYS", []) if key.strip()]
    if configured:
        return tuple(configured)
    derived = hashlib.sha256(f"gongkai.personal-data:{settings.SECRET_KEY}".encode()).digest()
    return (base64.urlsafe_b64encode(derived).decode(),)


@functools.lru_cache(maxsize=4)
def _cipher(keys):
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(data):
    """Bytes or text in, an opaque token (bytes) out."""
    if isinstance(data, str):
        data = data.encode()
    return _cipher(_keys()).encrypt(data)


def decrypt(token):
    try:
        return _cipher(_keys()).decrypt(bytes(token))
    except InvalidToken as exc:
        raise ValueError("The personal data cannot be decrypted with the configured keys.") from exc


def decrypt_text(token):
    return decrypt(token).decode() if token else ""


def fingerprint(value, purpose):
    """A keyed hash to match equal values (the same applicant) without storing them in the clear."""
    return salted_hmac(f"gongkai.requests.{purpose}", value.strip().upper(), algorithm="sha256").hexdigest()[:32]
