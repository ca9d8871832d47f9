import os

from django.core.wsgi import get_wsgi_application

from cms import http_microcache

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

# GETs of the URLs apps declared (live-interview polls) are repeated from the worker's
# memory for a moment (see the module); every other request goes straight to Django.
application = http_microcache.wrap(get_wsgi_application())
