"""Project-wide guard rails: migrations are complete, every string is translated.

The demo county is built and checked in test_demo_coherence.py.
"""

from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("locale/zh_Hans/LC_MESSAGES/django.po")
)


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_string_has_a_chinese_translation_and_is_compiled(path):
    po = polib.pofile(str(path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    mo = path.with_suffix(".mo")
    assert mo.exists() and {e.msgid for e in polib.mofile(str(mo))} >= {e.msgid for e in po.translated_entries()}


def test_there_are_catalogues_for_each_app():
    assert {p.relative_to(ROOT).parts[0] for p in CATALOGUES} == {
        "cms",
        "disclosure",
        "search",
        "online_interview",
        "locale",
    }
