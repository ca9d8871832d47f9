"""SQLite FTS5, segmented (imported only when the database is SQLite: its FTS model exists only there)."""

from django.db.models import CharField, F, Func, IntegerField
from modelsearch.backends.database.sqlite import query as sqlite_query
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import normalize
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from ...analysis.segment import index_text
from .indexers import indexers_for, refresh_title_norms
from .query import fts_query
from .ranking import RankedResultsMixin, RankedSearchMixin


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
        indexers = indexers_for(self, model, objs)
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
        refresh_title_norms(self.entries, content_type_pk, data.keys())


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


def _no_index(lookup, output_field):
    """``+column``: SQLite then cannot drive the query from that column's index. Without it, a
    count over many candidates walks the entry table and re-runs the full-text match per row
    instead of matching once."""
    return Func(F(lookup), template="+%(expressions)s", output_field=output_field)


class SQLiteRankingMixin(RankedSearchMixin):
    ENTRY_OBJECT_ID = "index_entry__object_id"
    RANK_ORDER = "_gongkai_score"  # bm25() is negative: lower is better

    def matching_entries(self, config, content_types):
        search_query = self.build_search_query(normalize(self.query), config=config)
        if search_query is None:
            return sqlite.SQLiteFTSIndexEntry.objects.none()
        match = sqlite_query.MatchExpression(self.FTS_TABLE_FIELDS, search_query)
        entries = sqlite.SQLiteFTSIndexEntry.objects.filter(match)
        return entries.alias(_gongkai_ct=_no_index("index_entry__content_type_id", IntegerField())).filter(
            _gongkai_ct__in=content_types
        )

    def object_id_expression(self):
        return _no_index(self.ENTRY_OBJECT_ID, CharField())

    def entry_rank(self, config):
        return self._build_rank_expression(self.get_search_vectors(), config)


class SegmentingSQLiteQueryCompiler(SQLiteRankingMixin, SQLiteQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SegmentingSQLiteAutocompleteCompiler(
    SQLiteRankingMixin, SQLiteQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler
):
    pass


class SegmentingSQLiteSearchResults(RankedResultsMixin, sqlite.SQLiteSearchResults):
    pass


class SegmentingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SegmentingSQLiteQueryCompiler
    autocomplete_query_compiler_class = SegmentingSQLiteAutocompleteCompiler
    index_class = SegmentingSQLiteIndex
    results_class = SegmentingSQLiteSearchResults
