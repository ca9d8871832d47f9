import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

django_application = get_wsgi_application()

from online_interview.live.shortcut import LiveFeedShortcut  # noqa: E402  (needs the app registry)

# Live-interview polls are answered from the worker's one-second responses (see the module).
application = LiveFeedShortcut(django_application)
