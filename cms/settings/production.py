"""Production: every secret and service address must come from the environment.

`manage.py check --deploy` passes with these settings; the two checks silenced below are
decisions for whoever owns the whole domain, explained where they are silenced.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool, env_str

DEBUG = False
if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production (PostgreSQL)")
if not os.environ.get("REDIS_URL"):
    # Rate limits, login throttling and the live feed's state are counted in the cache: a
    # per-process cache would let every gunicorn worker count on its own.
    raise ImproperlyConfigured("REDIS_URL must be set in production (the shared cache for rate limits)")

if not os.environ.get("GONGKAI_PERSONAL_DATA_KEYS"):
    # A database dump must not reveal applicants' identity numbers: the key lives elsewhere.
    raise ImproperlyConfigured(
        "GONGKAI_PERSONAL_DATA_KEYS must be set in production (Fernet keys: "
        'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")'
    )

# Behind nginx (deploy/nginx/gongkai.conf), which says whether the visitor used HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = []
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    # A disclosure site (xxgk.example.gov.cn) cannot promise HTTPS for the other hosts of its
    # domain, run by other agencies; SECURE_HSTS_INCLUDE_SUBDOMAINS=true where it can.
    SILENCED_SYSTEM_CHECKS.append("security.W005")
if not SECURE_HSTS_PRELOAD:
    # Preloading asks browsers to hard-code the whole domain: the domain owner's decision.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# beat keeps its schedule here (CELERY_BEAT_SCHEDULE_FILENAME).
VAR_DIR.mkdir(parents=True, exist_ok=True)
