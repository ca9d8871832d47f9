"""SQLite FTS5, segmented (imported only when the database is SQLite: modelsearch's FTS classes exist only there)."""

from django.db.models import CharField, F, Func, IntegerField
from modelsearch.query import PlainText

from ...analysis.segment import index_text
from ...queries.words import whole_only
from .indexers import indexers_for, refresh_title_norms
from .modelsearch_compat import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteObjectIndexer,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
    entry_content_type_pk,
    sqlite_matching_rows,
    sqlite_rank,
    sqlite_raw_query,
    sqlite_write_entries,
)
from .query import fts5_near, fts_query
from .ranking import RankedResultsMixin, RankedSearchMixin


class SegmentingSQLiteIndexer(SQLiteObjectIndexer):
    def prepare_value(self, value):
        return index_text(super().prepare_value(value))


def _fts5_quote(token):
    return '"' + token.replace('"', '""') + '"'


class SegmentingSQLiteIndex(SQLiteIndex):
    indexer_class = SegmentingSQLiteIndexer

    def add_items(self, model, objs):
        indexers = indexers_for(self, model, objs)
        if not indexers:
            return
        content_type_pk = entry_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        sqlite_write_entries(content_type_pk, data)
        refresh_title_norms(content_type_pk, data.keys())


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
                near=fts5_near,
                whole_only=whole_only(query),
            )
            return sqlite_raw_query(text) if text else None
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
        rows = sqlite_matching_rows(self, config)
        return rows.alias(_gongkai_ct=_no_index("index_entry__content_type_id", IntegerField())).filter(
            _gongkai_ct__in=content_types
        )

    def object_id_expression(self):
        return _no_index(self.ENTRY_OBJECT_ID, CharField())

    def entry_rank(self, config):
        return sqlite_rank(self, config)


class SegmentingSQLiteQueryCompiler(SQLiteRankingMixin, SQLiteQueryMixin, SQLiteSearchQueryCompiler):
    pass


class SegmentingSQLiteAutocompleteCompiler(SQLiteRankingMixin, SQLiteQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SegmentingSQLiteSearchResults(RankedResultsMixin, SQLiteSearchResults):
    pass


class SegmentingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SegmentingSQLiteQueryCompiler
    autocomplete_query_compiler_class = SegmentingSQLiteAutocompleteCompiler
    index_class = SegmentingSQLiteIndex
    results_class = SegmentingSQLiteSearchResults
