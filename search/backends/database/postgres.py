"""PostgreSQL full-text search, segmented."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from modelsearch.index import SearchField
from modelsearch.query import And, Or, PlainText

from ...analysis.segment import index_text
from ...queries.words import whole_only
from .indexers import indexers_for, refresh_title_norms
from .modelsearch_compat import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresObjectIndexer,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
    entry_content_type_pk,
    index_entries,
    postgres_write_entries,
)
from .query import fts_query, tsquery_near
from .ranking import RankedResultsMixin, RankedSearchMixin


class SegmentingPostgresIndexer(PostgresObjectIndexer):
    def prepare_value(self, value):
        return index_text(super().prepare_value(value))

    @cached_property
    def body(self):
        """Every searchable field, the title included (with its weight), so that one GIN-indexed
        vector answers a query whose words are split between title and text."""
        texts = []
        for field in self.search_fields:
            for current_field, weight, value in self.prepare_field(self.obj, field):
                if isinstance(current_field, SearchField):
                    texts.append((value, weight))
        return self.as_vector(texts)


def _tsquery_quote(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


class SegmentingPostgresIndex(PostgresIndex):
    indexer_class = SegmentingPostgresIndexer

    def add_items(self, model, objs):
        indexers = indexers_for(self, model, objs)
        if not indexers:
            return
        content_type_pk = entry_content_type_pk(model)
        # The body's raw text serves only modelsearch's trigram fuzzy search, which Gongkai does
        # not use; kept out of the row, it no longer doubles the pages a match has to read.
        postgres_write_entries(
            self.write_connection,
            content_type_pk,
            [
                (indexer.id, indexer.title, indexer.autocomplete, indexer.body, indexer.title_text, "")
                for indexer in indexers
            ],
        )
        refresh_title_norms(content_type_pk, [indexer.id for indexer in indexers])


class PostgresQueryMixin:
    def _words_tsquery(self, query):
        return fts_query(
            query.query_string,
            query.operator,
            and_="&",
            or_="|",
            quote=_tsquery_quote,
            prefix_mark=":*" if self.LAST_TERM_IS_PREFIX else "",
            near=tsquery_near,
            whole_only=whole_only(query),
        )

    def _tsquery_text(self, query):
        """An ``And``/``Or`` tree of words as one tsquery text, or None if it holds anything else.

        modelsearch writes one ``to_tsquery()`` per word and combines them in SQL; a soft query
        of twelve sets repeated that for the match and both ranks, and compiling it cost more
        than running it."""
        if isinstance(query, PlainText):
            return self._words_tsquery(query)
        if isinstance(query, (And, Or)) and query.subqueries:
            parts = [self._tsquery_text(subquery) for subquery in query.subqueries]
            if any(part is None for part in parts):
                return None
            joiner = " & " if isinstance(query, And) else " | "
            return "(" + joiner.join(parts) + ")"
        return None

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            text = self._words_tsquery(query)
            if not text:
                return None
            # Inversion (NOT) wraps the whole group.
            return SearchQuery(f"!{text}" if invert else text, search_type="raw", config=config)
        text = None if invert else self._tsquery_text(query)
        if text:
            return SearchQuery(text, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class PostgresRankingMixin(RankedSearchMixin):
    ONE_PASS = True  # reading the matched rows' tsvectors is the cost: do it once per query
    INTEGER_CANDIDATES = True
    ENTRY_OBJECT_ID = "object_id"
    RANK_ORDER = "-_gongkai_score"
    VECTOR = "body"

    def filter_pks(self, queryset, pks):
        """Thousands of keys as one array parameter (``= ANY``), not thousands of parameters."""
        model = queryset.model
        qn = connections[queryset.db].ops.quote_name
        column = f"{qn(model._meta.db_table)}.{qn(model._meta.pk.column)}"
        return queryset.filter(RawSQL(f"{column} = ANY(%s)", (list(pks),), output_field=BooleanField()))

    def matching_entries(self, config, content_types):
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return index_entries().none()
        return index_entries().filter(content_type_id__in=content_types, **{self.VECTOR: search_query})

    def entry_rank(self, config):
        """One ``ts_rank`` per vector against the whole query.

        modelsearch ranks every word of an And/Or separately (six ``ts_rank`` calls per row
        for a three-part phrase in two vectors); on a broad match that is most of the query's
        time, and one call against the combined query ranks the relevance set as well.
        """
        query = self.build_tsquery(self.query, config=config)
        return SearchRank(F("body"), query, weights=self.sql_weights) + SearchRank(
            F("title"), query, weights=self.sql_weights
        ) * F("title_norm")


class SegmentingPostgresQueryCompiler(PostgresRankingMixin, PostgresQueryMixin, PostgresSearchQueryCompiler):
    pass


class SegmentingPostgresAutocompleteCompiler(
    PostgresRankingMixin, PostgresQueryMixin, PostgresAutocompleteQueryCompiler
):
    VECTOR = "autocomplete"

    def entry_rank(self, config):
        return self.build_tsrank(F("autocomplete"), self.query, config=config)


class SegmentingPostgresSearchResults(RankedResultsMixin, PostgresSearchResults):
    pass


class SegmentingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SegmentingPostgresQueryCompiler
    autocomplete_query_compiler_class = SegmentingPostgresAutocompleteCompiler
    index_class = SegmentingPostgresIndex
    results_class = SegmentingPostgresSearchResults

    def __init__(self, params):
        # 'simple': no English stemming or stop words; segmentation has already made the words.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
