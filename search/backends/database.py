"""Wagtail's database search backend, made to understand Chinese.

Select it with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``.
Like Wagtail's own ``wagtail.search.backends.database`` it picks SQLite FTS5 or PostgreSQL
full-text search by the default connection; both are wrapped so that every indexed text
and every query goes through ``search.analysis.segment``. The admin's page search uses the
same backend, so editors get segmented search too.

modelsearch's ``add_items`` builds its module-level ``ObjectIndexer`` directly, so each
index class below repeats that method with a segmenting indexer; keep them in step with
modelsearch when upgrading (pinned in requirements.txt).
"""

from django.db import connection
from django.db.models.sql import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.postgres import query as pg_query
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from ..analysis.segment import index_text, query_alternatives


def fts_query(query_string, operator, *, and_, or_, quote, prefix_mark):
    """The engine query for segmented ``query_string``: each word as itself or as all its parts.

    Returns None when nothing searchable is left (only punctuation or function words).
    """
    alternatives = query_alternatives(query_string)
    if not alternatives:
        return None
    joiner = f" {and_} " if operator.lower() == "and" else f" {or_} "
    clauses = []
    for index, ways in enumerate(alternatives):
        last = index == len(alternatives) - 1
        rendered = []
        for way in ways:
            tokens = [
                quote(token) + (prefix_mark if last and prefix_mark and position == len(way) - 1 else "")
                for position, token in enumerate(way)
            ]
            rendered.append(tokens[0] if len(tokens) == 1 else "(" + f" {and_} ".join(tokens) + ")")
        clauses.append(rendered[0] if len(rendered) == 1 else "(" + f" {or_} ".join(rendered) + ")")
    return "(" + joiner.join(clauses) + ")"


# --- SQLite FTS5 -------------------------------------------------------------------------


class SegmentingSQLiteIndexer(sqlite.ObjectIndexer):
    def prepare_value(self, value):
        return index_text(super().prepare_value(value))


class SQLiteRawQuery(sqlite_query.Lexeme):
    """An already-built FTS5 query string (modelsearch's lexemes don't parenthesise)."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


def _fts5_quote(token):
    return '"' + token.replace('"', '""') + '"'


class SegmentingSQLiteIndex(sqlite.SQLiteIndex):
    indexer_class = SegmentingSQLiteIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            [
                sqlite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class SQLiteQueryMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            text = fts_query(
                query.query_string,
                query.operator,
                and_="AND",
                or_="OR",
                quote=_fts5_quote,
                prefix_mark="*" if self.LAST_TERM_IS_PREFIX else "",
            )
            return sqlite_query.SearchQueryExpression(SQLiteRawQuery(text)) if text else None
        return super().build_search_query_content(query, config)


class SegmentingSQLiteQueryCompiler(SQLiteQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SegmentingSQLiteAutocompleteCompiler(SQLiteQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SegmentingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SegmentingSQLiteQueryCompiler
    autocomplete_query_compiler_class = SegmentingSQLiteAutocompleteCompiler
    index_class = SegmentingSQLiteIndex


# --- PostgreSQL ----------------------------------------------------------------------------


class SegmentingPostgresIndexer(pg.ObjectIndexer):
    def prepare_value(self, value):
        return index_text(super().prepare_value(value))


class PostgresRawQuery(pg_query.Lexeme):
    """An already-built ``to_tsquery`` string; inversion (NOT) wraps the whole group."""

    def as_sql(self, compiler, connection):
        return "%s", [f"!{self.value}" if self.invert else self.value]


def _tsquery_quote(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


class SegmentingPostgresIndex(pg.PostgresIndex):
    indexer_class = SegmentingPostgresIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for field_name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(pg.IndexEntry._meta.get_field(field_name), getattr(indexer, field_name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {pg.IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class PostgresQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            text = fts_query(
                query.query_string,
                query.operator,
                and_="&",
                or_="|",
                quote=_tsquery_quote,
                prefix_mark=":*" if self.LAST_TERM_IS_PREFIX else "",
            )
            if not text:
                return None
            return pg.SearchQuery(PostgresRawQuery(text, invert=invert), search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class SegmentingPostgresQueryCompiler(PostgresQueryMixin, pg.PostgresSearchQueryCompiler):
    pass


class SegmentingPostgresAutocompleteCompiler(PostgresQueryMixin, pg.PostgresAutocompleteQueryCompiler):
    pass


class SegmentingPostgresSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = SegmentingPostgresQueryCompiler
    autocomplete_query_compiler_class = SegmentingPostgresAutocompleteCompiler
    index_class = SegmentingPostgresIndex

    def __init__(self, params):
        # 'simple': no English stemming or stop words; segmentation has already made the words.
        super().__init__({"SEARCH_CONFIG": "simple", **params})


_fts5_ready = False


def _sqlite_has_fts5():
    """Checked until true: before migrations have run the FTS table does not exist yet."""
    global _fts5_ready
    if not _fts5_ready:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _fts5_ready = fts5_available() and fts_table_exists()
    return _fts5_ready


def SearchBackend(params):  # noqa: N802 — Wagtail looks the backend up by this name
    """The segmenting backend for the default database: PostgreSQL or SQLite (FTS5)."""
    if connection.vendor == "postgresql":
        return SegmentingPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_has_fts5():
        return SegmentingSQLiteSearchBackend(params)
    raise NotImplementedError(
        f"Gongkai's Chinese database search supports PostgreSQL and SQLite with FTS5, not {connection.vendor}."
    )
