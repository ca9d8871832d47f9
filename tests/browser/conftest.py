"""Browser tests (Playwright + Debian's chromium).

The browser is started per test, after the database fixtures: Playwright's sync API runs
code in a greenlet with its own context variables, where Django hands out new connection
objects — without the serialized data that transactional tests restore from. A browser
kept for the whole session made every later test start from an empty database.
"""

import os
import shutil

import pytest
from django.db import connections

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
# the same thread are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser(live_server):
    path = chromium_path()
    if not path:
        message = "Debian's chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("GONGKAI_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
        # Connections opened in Playwright's context would keep the test database busy.
        connections.close_all()
