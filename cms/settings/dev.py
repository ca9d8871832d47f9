"""Development and `make demo`: nothing to install; Celery runs against a broker in local files."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool, env_str

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
# `make demo` runs with DEBUG off (citizens see the site's own Chinese error pages, not Django's
# debug pages); WhiteNoise then serves the static files straight from the apps, no collectstatic.
WHITENOISE_USE_FINDERS = True

if not CELERY_BROKER_URL:  # noqa: F405
    # The embedded default: kombu's filesystem transport needs no server, so `make demo`
    # runs a real worker with beat next to runserver and scheduled publishing happens on time.
    CELERY_BROKER_URL = "filesystem://localhost/"  # a host named, or kombu warns that none was
    for _folder in ("queue", "processed", "control"):
        (VAR_DIR / "celery" / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
        # kombu keeps its exchange tables in ./control/ unless told otherwise.
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }

if not env_str("EMAIL_BACKEND"):
    # The demo's notifications (review steps, reminders) are kept as files in var/mail/, one
    # per message, instead of flooding the demo's log.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
