"""What the database backends rely on in modelsearch beyond its documented API.

``search/backends/database/modelsearch_compat.py`` is the one module that uses these
internals. When a test here fails after modelsearch is upgraded, the message names the
installed version: change that module for it (and this contract) before anything else.
Run on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``): each checks its own
vendor's side.
"""

import importlib
import importlib.metadata
import inspect
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends import get_search_backend
from modelsearch.index import FilterField, SearchField
from modelsearch.query import Or, PlainText
from wagtail.models import Page

from search.backends.database import modelsearch_compat as compat
from search.models import PublicDocument

INSTALLED = importlib.metadata.version("modelsearch")
CHECKED_WITH = "1.3.2"  # the version this contract was last checked against (requirements.txt)
ON_POSTGRES = connection.vendor == "postgresql"


def broken(what):
    return (
        f"modelsearch {INSTALLED} (contract checked with {CHECKED_WITH}) no longer provides what "
        f"search/backends/database/modelsearch_compat.py relies on: {what}"
    )


# (module, attribute, signature without annotations). Private names and the hooks the
# backends override or call; the SQLite modules can only be imported on SQLite.
EVERY_DATABASE = [
    ("modelsearch.utils", "get_content_type_pk", "(model)"),
    ("modelsearch.utils", "get_descendants_content_types_pks", "(model)"),
    ("modelsearch.conf", "get_app_config", "()"),
    ("modelsearch.backends.database.sqlite.utils", "fts5_available", "()"),
    ("modelsearch.backends.database.sqlite.utils", "fts_table_exists", "()"),
    ("modelsearch.backends.base", "BaseSearchResults.count", "(self)"),
    ("modelsearch.backends.base", "BaseSearchResults._do_count", "(self)"),
    ("modelsearch.backends.base", "BaseSearchQueryCompiler._get_filterable_field", "(self, field_attname)"),
    ("django.db.models.sql.compiler", "SQLInsertCompiler.prepare_value", "(self, field, value)"),
]
POSTGRES = [
    ("modelsearch.backends.database.postgres.postgres", "ObjectIndexer.__init__", "(self, obj, backend)"),
    ("modelsearch.backends.database.postgres.postgres", "ObjectIndexer.prepare_value", "(self, value)"),
    ("modelsearch.backends.database.postgres.postgres", "ObjectIndexer.prepare_field", "(self, obj, field)"),
    (
        "modelsearch.backends.database.postgres.postgres",
        "ObjectIndexer.as_vector",
        "(self, texts, for_autocomplete=False)",
    ),
    ("modelsearch.backends.database.postgres.postgres", "PostgresIndex.__init__", "(self, backend)"),
    ("modelsearch.backends.database.postgres.postgres", "PostgresIndex.add_items", "(self, model, objs)"),
    (
        "modelsearch.backends.database.postgres.postgres",
        "PostgresSearchQueryCompiler.build_tsquery_content",
        "(self, query, config=None, invert=False)",
    ),
    (
        "modelsearch.backends.database.postgres.postgres",
        "PostgresSearchQueryCompiler.build_tsquery",
        "(self, query, config=None)",
    ),
    (
        "modelsearch.backends.database.postgres.postgres",
        "PostgresSearchQueryCompiler.build_tsrank",
        "(self, vector, query, config=None, boost=1.0)",
    ),
    (
        "modelsearch.backends.database.postgres.postgres",
        "PostgresSearchQueryCompiler.search",
        "(self, config, start, stop, score_field=None, backend=None)",
    ),
    ("modelsearch.backends.database.postgres.postgres", "PostgresSearchQueryCompiler.get_config", "(self, backend)"),
    ("modelsearch.backends.database.postgres.postgres", "PostgresSearchResults._do_count", "(self)"),
    ("modelsearch.backends.database.postgres.postgres", "PostgresSearchResults.facet", "(self, field_name)"),
    ("modelsearch.backends.database.postgres.postgres", "PostgresSearchBackend.__init__", "(self, params)"),
]
SQLITE = [
    ("modelsearch.backends.database.sqlite.sqlite", "ObjectIndexer.__init__", "(self, obj, backend)"),
    ("modelsearch.backends.database.sqlite.sqlite", "ObjectIndexer.prepare_value", "(self, value)"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteIndex.__init__", "(self, backend)"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteIndex.add_items", "(self, model, objs)"),
    (
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler.build_search_query_content",
        "(self, query, config=None)",
    ),
    (
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler.build_search_query",
        "(self, query, config=None)",
    ),
    (
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler._build_rank_expression",
        "(self, vectors, config)",
    ),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchQueryCompiler.get_search_vectors", "(self)"),
    (
        "modelsearch.backends.database.sqlite.sqlite",
        "SQLiteSearchQueryCompiler.search",
        "(self, config, start, stop, score_field=None)",
    ),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchQueryCompiler.get_config", "(self, backend)"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchResults._do_count", "(self)"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchResults.facet", "(self, field_name)"),
    ("modelsearch.backends.database.sqlite.sqlite", "SQLiteSearchBackend.__init__", "(self, params)"),
    ("modelsearch.backends.database.sqlite.query", "normalize", "(search_query)"),
    ("modelsearch.backends.database.sqlite.query", "MatchExpression.__init__", "(self, columns, query)"),
    (
        "modelsearch.backends.database.sqlite.query",
        "SearchQueryExpression.__init__",
        "(self, value, using=None, **extra)",
    ),
]
only_on_sqlite = pytest.mark.skipif(ON_POSTGRES, reason="modelsearch's SQLite modules exist only on SQLite")


def _unannotated(signature):
    parameters = [parameter.replace(annotation=inspect.Parameter.empty) for parameter in signature.parameters.values()]
    return str(signature.replace(parameters=parameters, return_annotation=inspect.Signature.empty))


def _signature_of(module_name, attribute):
    target = importlib.import_module(module_name)
    for name in attribute.split("."):
        target = getattr(target, name, None)
        assert target is not None, broken(f"{module_name}.{attribute} is gone")
    return _unannotated(inspect.signature(target))


@pytest.mark.parametrize(("module_name", "attribute", "expected"), EVERY_DATABASE + POSTGRES)
def test_relied_on_callables_keep_their_signatures(module_name, attribute, expected):
    found = _signature_of(module_name, attribute)
    assert found == expected, broken(f"{module_name}.{attribute}{expected} is now {attribute}{found}")


@only_on_sqlite
@pytest.mark.parametrize(("module_name", "attribute", "expected"), SQLITE)
def test_relied_on_sqlite_callables_keep_their_signatures(module_name, attribute, expected):
    found = _signature_of(module_name, attribute)
    assert found == expected, broken(f"{module_name}.{attribute}{expected} is now {attribute}{found}")


def _library_base(ours):
    """The modelsearch class one of our backend classes extends."""
    return next(klass for klass in ours.__mro__ if klass.__module__.startswith("modelsearch."))


def test_the_indexer_still_computes_what_the_bulk_write_reads():
    indexer_class = get_search_backend().index_class.indexer_class
    library = _library_base(indexer_class)
    names = ["id", "title", "autocomplete", "body"] + (["title_text"] if ON_POSTGRES else [])
    for name in names:
        assert isinstance(inspect.getattr_static(library, name, None), cached_property), broken(
            f"{library.__name__}.{name} (a cached property) is gone"
        )
    if ON_POSTGRES:  # the segmenting body vector reads (field, weight, text) from each field
        indexer = indexer_class(Page(title="招生"), get_search_backend())
        prepared = list(indexer.prepare_field(indexer.obj, SearchField("title")))
        assert [len(item) for item in prepared] == [3], broken("prepare_field() no longer yields (field, weight, text)")


def test_the_attributes_the_backends_read_are_still_set():
    backend = get_search_backend()
    results = backend.search("招生", Page)
    index = backend.get_index_for_model(Page)
    compiler_reads = ["queryset", "query", "fields", "order_by_relevance", "LAST_TERM_IS_PREFIX"]
    read = {
        results: ["backend", "query_compiler", "start", "stop"],
        results.query_compiler: compiler_reads + (["sql_weights"] if ON_POSTGRES else ["FTS_TABLE_FIELDS"]),
        index: ["backend", "write_connection"],
        index.indexer_class(Page(title="招生"), backend): ["obj", "search_fields"],
    }
    for owner, names in read.items():
        missing = [name for name in names if not hasattr(owner, name)]
        assert not missing, broken(f"{type(owner).__name__} no longer sets {missing}")


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        pytest.fail(broken(f"{model.__name__}.{name} is gone"))


@pytest.mark.django_db
def test_index_entry_has_the_fields_and_columns_written():
    model = compat.IndexEntry
    written = ["content_type", "object_id", "title", "autocomplete", "body", "title_norm"]
    if ON_POSTGRES:
        written += ["title_text", "body_text"]
    columns = {_field(model, name).column for name in written}
    with connection.cursor() as cursor:
        in_table = {
            column.name for column in connection.introspection.get_table_description(cursor, model._meta.db_table)
        }
    assert columns <= in_table, broken(f"{model._meta.db_table} lacks columns {sorted(columns - in_table)}")
    assert _field(model, "content_type").related_model is ContentType, broken(
        "IndexEntry.content_type is no ContentType"
    )
    # PostgreSQL's bulk write is an upsert on this key; SQLite's looks rows up by it.
    assert ("content_type", "object_id") in model._meta.unique_together, broken(
        "IndexEntry is no longer unique on (content_type, object_id)"
    )
    if ON_POSTGRES:
        for name in ("title", "autocomplete", "body"):
            assert _field(model, name).get_internal_type() == "SearchVectorField", broken(
                f"IndexEntry.{name} is no tsvector"
            )


@only_on_sqlite
@pytest.mark.django_db
def test_the_fts_table_follows_index_entry_writes():
    fts = compat.SQLiteFTSIndexEntry
    link = _field(fts, "index_entry")
    assert link.primary_key and link.related_model is compat.IndexEntry and link.column == "rowid", broken(
        "SQLiteFTSIndexEntry.index_entry is no longer the FTS rowid of an IndexEntry"
    )
    for name in ("title", "body", "autocomplete"):
        _field(fts, name)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [compat.IndexEntry._meta.db_table]
        )
        triggers = [sql.upper() for (sql,) in cursor.fetchall()]
    for event in ("INSERT", "UPDATE"):
        assert any(f"AFTER {event}" in sql and fts._meta.db_table.upper() in sql for sql in triggers), broken(
            f"no trigger copies an IndexEntry {event.lower()} into {fts._meta.db_table}"
        )


def test_the_backends_override_only_the_hooks_they_mean_to():
    """A name our classes define that modelsearch's base class also defines overrides it: a new
    one after an upgrade (say a ``facets`` of its own) would be replaced without anyone knowing."""
    backend = get_search_backend()
    query_hook = "build_tsquery_content" if ON_POSTGRES else "build_search_query_content"
    backend_hooks = {"query_compiler_class", "autocomplete_query_compiler_class", "index_class", "results_class"}
    expected = {
        type(backend): backend_hooks | ({"__init__"} if ON_POSTGRES else set()),
        backend.index_class: {"add_items"},
        backend.index_class.indexer_class: {"prepare_value"} | ({"body"} if ON_POSTGRES else set()),
        backend.query_compiler_class: {"search", query_hook},
        backend.autocomplete_query_compiler_class: {"search", query_hook},
        backend.results_class: {"_do_count", "facet"},
    }
    for ours, overrides in expected.items():
        library = _library_base(ours)
        defined = set()
        for klass in ours.__mro__[: ours.__mro__.index(library)]:
            defined |= {name for name in vars(klass) if name == "__init__" or not name.startswith("__")}
        shadowed = {name for name in defined if hasattr(library, name)}
        assert shadowed <= overrides, broken(
            f"{library.__name__} now has {sorted(shadowed - overrides)}, which {ours.__name__} overrides unknowingly"
        )
        assert overrides <= shadowed, broken(
            f"{library.__name__} no longer has {sorted(overrides - shadowed)}, which {ours.__name__} overrides"
        )


@pytest.mark.django_db
def test_filterable_field_names_modelsearch_filter_fields():
    compiler = get_search_backend().search("通知", PublicDocument.objects.all()).query_compiler
    assert isinstance(compat.filterable_field(compiler, "kind"), FilterField), broken(
        "_get_filterable_field() no longer returns the FilterField"
    )
    assert compat.filterable_field(compiler, "body") is None, broken(
        "_get_filterable_field() no longer returns None for a field that is not filterable"
    )


def _library_backend():
    """modelsearch's own backend for this database, as plain Wagtail would search."""
    return _library_base(type(get_search_backend()))({"SEARCH_CONFIG": "simple"})


def _page(title):
    return Page.get_first_root_node().add_child(instance=Page(title=title))


@pytest.mark.django_db
def test_a_document_written_by_the_bulk_path_is_found_by_modelsearch_itself():
    page = _page("青溪县教育局关于秋季招生的通知")
    index = get_search_backend().get_index_for_model(Page)
    compat.index_entries().filter(object_id=str(page.pk)).delete()
    index.add_items(Page, [page])  # a new row
    library = _library_backend()
    assert page in list(library.search("招生", Page)), broken("a row written in bulk is not found by its own search")

    page.title = "青溪县卫生健康局关于免费体检的通知"
    index.add_items(Page, [page])  # the same row, replaced
    assert page in list(library.search("体检", Page)), broken("a row replaced in bulk is not found by its own search")
    assert page not in list(library.search("招生", Page)), broken("a row replaced in bulk still matches its old text")
    assert compat.index_entries().filter(object_id=str(page.pk)).count() == 1


@pytest.mark.django_db
def test_counts_from_the_count_override_equal_the_results():
    titles = ["招生通知", "秋季招生简章", "体检通知", "招生考试安排的通知", "教育局工作动态"]
    for title in titles:
        _page(title)
    backend = get_search_backend()
    searches = [
        lambda: backend.search("招生", Page),
        lambda: backend.search("招生 通知", Page),
        lambda: backend.search(Or([PlainText("招生"), PlainText("体检")]), Page),
        lambda: backend.search("招生", Page.objects.filter(depth__gt=1)),
        lambda: backend.search("招生", Page, order_by_relevance=False),
        lambda: backend.search("招生", Page)[1:3],
        lambda: backend.search("招生", Page)[2:],
        lambda: backend.search("招生", Page)[10:20],
        lambda: backend.search("招生", Page, fields=["title"]),  # modelsearch's own count
        lambda: backend.autocomplete("招", Page),
    ]
    for search in searches:
        results = search()
        with mock.patch.object(results, "count_matches", wraps=results.count_matches) as count_matches:
            counted = results.count()
        assert count_matches.called, broken("SearchResults.count() no longer asks _do_count()")
        assert counted == len(list(search())), broken(f"count() {counted} != the results of {search()!r}")
    assert backend.search("招生", Page).count() == 3
