"""modelsearch's internals, used here and nowhere else.

The database backends go beyond what modelsearch (pinned in requirements.txt) documents:
they extend its database backend classes, write its index tables in bulk, count without
its second full-text match and hand it query strings they have built. Every such use is
a small function or class in this module saying why it is needed; the rest of the backend
imports no other modelsearch module but the public ``modelsearch.query`` and
``modelsearch.index``. ``tests/search/test_modelsearch_contract.py`` fails, naming the
pinned version, when an upgrade changes any of it.

modelsearch defines its index models for the default database's vendor (as
``modelsearch.abstract_models`` does), so only that vendor's backend module can be
imported — the SQLite one looks up an FTS5 model that exists only on SQLite — and only
that vendor's section of names below is defined.
"""

from django.db import connection
from django.db.models import Value
from django.db.models.sql import InsertQuery
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

# The model both vendors' index rows live in (modelsearch's backend modules look it up so).
IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

if connection.vendor == "postgresql":
    from modelsearch.backends.database.postgres import postgres as _postgres

    # The classes the PostgreSQL backend extends.
    PostgresObjectIndexer = _postgres.ObjectIndexer
    PostgresIndex = _postgres.PostgresIndex
    PostgresSearchQueryCompiler = _postgres.PostgresSearchQueryCompiler
    PostgresAutocompleteQueryCompiler = _postgres.PostgresAutocompleteQueryCompiler
    PostgresSearchResults = _postgres.PostgresSearchResults
    PostgresSearchBackend = _postgres.PostgresSearchBackend

elif connection.vendor == "sqlite" and fts5_available():
    from modelsearch.backends.database.sqlite import query as _sqlite_query
    from modelsearch.backends.database.sqlite import sqlite as _sqlite

    # The classes the SQLite backend extends.
    SQLiteObjectIndexer = _sqlite.ObjectIndexer
    SQLiteIndex = _sqlite.SQLiteIndex
    SQLiteSearchQueryCompiler = _sqlite.SQLiteSearchQueryCompiler
    SQLiteAutocompleteQueryCompiler = _sqlite.SQLiteAutocompleteQueryCompiler
    SQLiteSearchResults = _sqlite.SQLiteSearchResults
    SQLiteSearchBackend = _sqlite.SQLiteSearchBackend
    SQLiteFTSIndexEntry = _sqlite.SQLiteFTSIndexEntry


# Every database


def entry_content_type_pk(model):
    """The content type ``model``'s index rows are written under: modelsearch's queries and
    deletes look rows up by it, so it must be modelsearch's own rule."""
    return get_content_type_pk(model)


def descendant_content_type_pks(model):
    """The content types a search of ``model`` reads rows of (it and its subclasses), as
    modelsearch's own queries filter them."""
    return get_descendants_content_types_pks(model)


def index_entries():
    """modelsearch's index rows: the ranking matches and scores them directly, and title norms
    are refreshed for the rows just written only."""
    return IndexEntry._default_manager.all()


def sqlite_fts5_ready():
    """Whether SQLite has FTS5 and modelsearch's FTS table exists (it does not before
    migrations have run). modelsearch keeps this check in a module of its SQLite backend."""
    return fts5_available() and fts_table_exists()


def filterable_field(compiler, field_name):
    """modelsearch's ``FilterField`` for ``field_name`` on the searched model, or None.

    Counting several facets in one statement must refuse the fields modelsearch's ``facet()``
    refuses; only its private ``_get_filterable_field`` says which those are.
    """
    return compiler._get_filterable_field(field_name)


class CountHook:
    """For a results class: ``count()`` answered by the class's ``count_matches()``.

    modelsearch's ``count()`` caches what the private ``_do_count()`` returns, and its
    database backends count the whole ranked queryset there (a second full-text match);
    overriding it is the only way to count from the backend's own match.
    """

    def _do_count(self):
        return self.count_matches()

    def library_count(self):
        """modelsearch's own count, for the queries ``count_matches`` leaves to it."""
        return super()._do_count()


# PostgreSQL


def postgres_write_entries(write_connection, content_type_pk, rows):
    """Insert or replace index rows in one statement.

    modelsearch's ``add_items`` writes with its own indexer and always fills the raw texts
    (see ``SegmentingPostgresIndex``), so the backend writes modelsearch's table itself:
    the statement is modelsearch's, with its columns and its unique key, and the vectors are
    compiled as Django's insert compiler compiles a ``SearchVector`` for ``IndexEntry``.
    ``rows`` are ``(object id, title vector, autocomplete vector, body vector, title text,
    body text)``.
    """
    compiler = InsertQuery(IndexEntry).get_compiler(connection=write_connection)
    values, params = [], []
    for object_id, title, autocomplete, body, title_text, body_text in rows:
        params.extend((content_type_pk, object_id))
        vectors = []
        for field_name, vector in (("title", title), ("autocomplete", autocomplete), ("body", body)):
            value = compiler.prepare_value(IndexEntry._meta.get_field(field_name), vector)
            sql, value_params = value.as_sql(compiler, write_connection)
            vectors.append(sql)
            params.extend(value_params)
        params.extend((title_text, body_text))
        values.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
    with write_connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            (VALUES {", ".join(values)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            params,
        )


# SQLite


def sqlite_write_entries(content_type_pk, data):
    """Update the index rows of ``data`` ({object id: (title, autocomplete, body)}) that exist
    and create the rest, as modelsearch's ``add_items`` does (it cannot be given the
    segmenting indexer). modelsearch's FTS5 table follows through the triggers its migration
    put on ``IndexEntry``."""
    entries = index_entries().filter(content_type_id=content_type_pk)
    existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
    for object_id in existing:
        title, autocomplete, body = data[object_id]
        entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
    index_entries().bulk_create(
        [
            IndexEntry(
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


def sqlite_raw_query(text):
    """An already-built FTS5 query string as modelsearch's query expression, so that
    modelsearch can combine it (And, Or) with others: its own lexemes quote each word and
    do not parenthesise."""
    return _sqlite_query.SearchQueryExpression(Value(text))


def sqlite_matching_rows(compiler, config):
    """The FTS5 rows matching the compiler's query, unranked.

    modelsearch's ``search()`` filters the searched model by them and scores every object in
    a correlated subquery; the ranking starts from these rows instead, which takes
    modelsearch's FTS model, its query normalisation and its ``MATCH`` lookup.
    """
    search_query = compiler.build_search_query(_sqlite_query.normalize(compiler.query), config=config)
    if search_query is None:
        return SQLiteFTSIndexEntry.objects.none()
    return SQLiteFTSIndexEntry.objects.filter(_sqlite_query.MatchExpression(compiler.FTS_TABLE_FIELDS, search_query))


def sqlite_rank(compiler, config):
    """modelsearch's ``bm25()`` score of a matched FTS5 row (the title weighted by its norm,
    plus the body); only its private ``_build_rank_expression`` builds it."""
    return compiler._build_rank_expression(compiler.get_search_vectors(), config)
