"""Wagtail's database search backend, made to understand Chinese.

Select it with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``.
Like Wagtail's own ``wagtail.search.backends.database`` it picks SQLite FTS5 or PostgreSQL
full-text search by the default connection; both are wrapped so that every indexed text
and every query goes through ``search.analysis.segment``. The admin's page search uses the
same backend, so editors get segmented search too.

modelsearch's ``add_items`` builds its module-level ``ObjectIndexer`` directly, so each
index class (sqlite.py, postgres.py) repeats that method with a segmenting indexer. Whatever
of modelsearch (pinned in requirements.txt) is not its documented API is used through
``modelsearch_compat.py`` alone, and ``tests/search/test_modelsearch_contract.py`` says
what an upgrade has changed.
"""

from django.db import connection

from .modelsearch_compat import sqlite_fts5_ready

_fts5_ready = False


def _sqlite_has_fts5():
    """Checked until true: before migrations have run the FTS table does not exist yet."""
    global _fts5_ready
    if not _fts5_ready:
        _fts5_ready = sqlite_fts5_ready()
    return _fts5_ready


def SearchBackend(params):  # noqa: N802 — Wagtail looks the backend up by this name
    """The segmenting backend for the default database: PostgreSQL or SQLite (FTS5)."""
    # Imported here: each module extends classes modelsearch defines for its own vendor only.
    if connection.vendor == "postgresql":
        from .postgres import SegmentingPostgresSearchBackend

        return SegmentingPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_has_fts5():
        from .sqlite import SegmentingSQLiteSearchBackend

        return SegmentingSQLiteSearchBackend(params)
    raise NotImplementedError(
        f"Gongkai's Chinese database search supports PostgreSQL and SQLite with FTS5, not {connection.vendor}."
    )
