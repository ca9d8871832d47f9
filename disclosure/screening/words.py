"""The admin-managed sensitive-word list, compiled once and rebuilt when the list changes."""

import re
import time

from django.core.cache import cache

from .findings import Finding
from .models import SensitiveWord

_CACHE_KEY = "gongkai:sensitive-words:version"
_compiled = {"version": None, "pattern": None, "notes": {}}


def invalidate():
    cache.set(_CACHE_KEY, time.time_ns(), None)
    forget_version()


def forget_version():
    """Ask the shared cache next time (this process sees its own changes at once)."""
    _compiled["checked_at"] = None


_VERSION_CHECK_SECONDS = 1.0  # how stale this process's idea of the list's version may get


def _current_version():
    """The list's version from the shared cache, asked at most once a second per process."""
    now = time.monotonic()
    checked = _compiled.get("checked_at")
    if checked is not None and checked > now - _VERSION_CHECK_SECONDS:
        return _compiled["version"]
    version = cache.get(_CACHE_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(_CACHE_KEY, version, None)
    _compiled["checked_at"] = now
    return version


def _pattern():
    version = _current_version()
    if version != _compiled["version"]:
        words = list(SensitiveWord.objects.filter(active=True).values_list("word", "note"))
        # Longest first, so 最低生活保障金 wins over 保障 when both are listed.
        ordered = sorted((w for w, _n in words if w.strip()), key=len, reverse=True)
        _compiled.update(
            version=version,
            pattern=re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None,
            notes=dict(words),
        )
    return _compiled["pattern"]


def find_sensitive_words(text, source):
    pattern = _pattern()
    if pattern is None:
        return []
    return [
        Finding.at("sensitive_word", source, text, m.start(), m.end(), note=_compiled["notes"].get(m.group(), ""))
        for m in pattern.finditer(text)
    ]
