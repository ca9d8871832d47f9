import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

from cms import http_microcache  # noqa: E402  (reads the settings)

# GETs of the URLs apps declared (live-interview polls) are repeated from the worker's
# memory for a moment (see the module); every other request goes straight to Django.
application = http_microcache.wrap(get_wsgi_application())
