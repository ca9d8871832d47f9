"""Ranking inside the index table, then fetching only the page of rows asked for.

modelsearch filters the searched model by ``pk IN (matching entries)`` and scores each row
with a correlated subquery (SQLite) or matches a ``title || body`` concatenation that no
index can serve (PostgreSQL); both grow with the whole table. Here the full-text index
answers the match, candidates are limited by the (filtered) queryset as one uncorrelated
subquery, only entries are ranked, and only the requested slice of objects is loaded.
Counting and facets use the same match without ranking, or (``ONE_PASS``) the ranked list.
"""

from django.db.models import F, IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.query import MatchAll, Not

from ...facet_counts import count_columns
from .modelsearch_compat import CountHook, descendant_content_type_pks, filterable_field

_INTEGER_TYPES = {
    "AutoField",
    "BigAutoField",
    "IntegerField",
    "BigIntegerField",
    "PositiveIntegerField",
    "SmallAutoField",
}


class RankedSearchMixin:
    """For a query compiler: subclasses give ``matching_entries(config)``, ``entry_rank(config)``
    and ``ENTRY_OBJECT_ID`` (the entry's object id lookup).

    With ``ONE_PASS`` the full-text match runs once per query: every match among the
    queryset's candidates is fetched with its score, and the page, the total and the
    facets are all taken from that list. Where reading the matched index rows is the cost
    (PostgreSQL's large tsvectors), this replaces three matches with one.
    """

    ONE_PASS = False
    INTEGER_CANDIDATES = False

    def uses_fast_path(self):
        """Whether the ranking here answers the query: words, searched in every field."""
        return not isinstance(self.query, (MatchAll, Not)) and self.fields is None

    def _entries(self, config):
        model = self.queryset.model
        content_types = descendant_content_type_pks(model)
        entries = self.matching_entries(config, content_types)
        if not self.queryset.query.where:
            return entries  # every object of the model is a candidate: no list to build and check
        if self.INTEGER_CANDIDATES and self._integer_pk():
            # Hashing the candidates as integers (and casting each match) is far cheaper than
            # hashing them as text when a broad filter keeps most of the table.
            candidates = self.queryset.order_by().values("pk")
            return entries.alias(_gongkai_pk=Cast(self.ENTRY_OBJECT_ID, IntegerField())).filter(
                _gongkai_pk__in=candidates
            )
        candidates = self.queryset.order_by().annotate(_gongkai_oid=Cast("pk", TextField())).values("_gongkai_oid")
        return entries.alias(_gongkai_oid=self.object_id_expression()).filter(_gongkai_oid__in=candidates)

    def _integer_pk(self):
        pk = self.queryset.model._meta.pk
        target = pk.target_field if pk.is_relation else pk
        return target.get_internal_type() in _INTEGER_TYPES

    def object_id_expression(self):
        return F(self.ENTRY_OBJECT_ID)

    def _pk_values(self, entries):
        if self._integer_pk():
            return entries.values(_gongkai_pk=Cast(self.ENTRY_OBJECT_ID, IntegerField()))
        return entries.values(self.ENTRY_OBJECT_ID)

    def matched_queryset(self, config):
        """Every object that matches, unordered (for counting and facets).

        The queryset's own filters apply once, here; listing its rows again as candidates
        of the match (as ranking must) would cost a scan of every row a broad filter keeps.
        """
        content_types = descendant_content_type_pks(self.queryset.model)
        return self.queryset.filter(pk__in=self._pk_values(self.matching_entries(config, content_types)))

    def ranked_matches(self, config):
        """[(pk, score)] of every object of the queryset that matches, best first (cached)."""
        cached = getattr(self, "_gongkai_matches", None)
        if cached is None:
            scores = {}
            rows = self._entries(config).annotate(_gongkai_score=self.entry_rank(config))
            for object_id, score in rows.values_list(self.ENTRY_OBJECT_ID, "_gongkai_score"):
                scores[object_id] = max(score, scores.get(object_id, score))
            pk_field = self.queryset.model._meta.pk
            sign = -1 if self.RANK_ORDER.startswith("-") else 1
            # Ties go to the older row by its key as a number: as text, "1003" came before "998",
            # and the order of equal scores changed with how many rows the table had ever held.
            matches = [(pk_field.to_python(object_id), score) for object_id, score in scores.items()]
            cached = sorted(matches, key=lambda match: (sign * match[1], match[0]))
            self._gongkai_matches = cached
        return cached

    def filter_pks(self, queryset, pks):
        """``queryset`` narrowed to many primary keys (a backend may pass them as one array)."""
        return queryset.filter(pk__in=pks)

    def search(self, config, start, stop, score_field=None, **kwargs):
        if not self.uses_fast_path():
            return super().search(config, start, stop, score_field=score_field, **kwargs)
        if self.ONE_PASS:
            return self._one_pass_page(config, start, stop, score_field)
        if not self.order_by_relevance:
            ordered = self.matched_queryset(config)
            if not ordered.query.order_by:
                ordered = ordered.order_by("-pk")
            return ordered[start:stop]
        return self._page_of_objects(
            self._entries(config)
            .annotate(_gongkai_score=self.entry_rank(config))
            .order_by(self.RANK_ORDER, self._tie_order())
            .values_list(self.ENTRY_OBJECT_ID, "_gongkai_score")[start or 0 : stop],
            score_field,
        )

    def _tie_order(self):
        """Equal scores in the order of the objects' keys, as numbers where they are numbers."""
        if self._integer_pk():
            return Cast(self.ENTRY_OBJECT_ID, IntegerField()).asc()
        return self.ENTRY_OBJECT_ID

    def _one_pass_page(self, config, start, stop, score_field):
        matches = self.ranked_matches(config)
        if not self.order_by_relevance:
            ordered = self.filter_pks(self.queryset, [pk for pk, _score in matches])
            if not ordered.query.order_by:
                ordered = ordered.order_by("-pk")
            return ordered[start:stop]
        return self._page_of_objects([(str(pk), score) for pk, score in matches[start or 0 : stop]], score_field)

    def _page_of_objects(self, ranked, score_field):
        """The objects of ``ranked`` [(object id, score)], in that order (a list: put in order here,
        not by a ``CASE`` of every id the database would sort by)."""
        scores = {}
        for object_id, score in ranked:
            scores.setdefault(str(object_id), score)
        pk_field = self.queryset.model._meta.pk
        ids = [pk_field.to_python(object_id) for object_id in scores]
        if not ids:
            return []
        found = {obj.pk: obj for obj in self.queryset.filter(pk__in=ids).order_by()}
        objects = []
        for pk, object_id in zip(ids, scores, strict=True):
            obj = found.get(pk)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, scores[object_id])
                objects.append(obj)
        return objects


class RankedResultsMixin(CountHook):
    """For a results class: count and facet over the match without ranking it."""

    def count_matches(self):
        """How many of the matches fall in this slice of the results."""
        compiler = self.query_compiler
        if not compiler.uses_fast_path():
            return self.library_count()
        config = compiler.get_config(self.backend)
        if compiler.ONE_PASS:
            count = len(compiler.ranked_matches(config))
        else:
            count = compiler.matched_queryset(config).count()
        return max(0, min(count, self.stop if self.stop is not None else count) - (self.start or 0))

    def facet(self, field_name):
        if not self.query_compiler.uses_fast_path():
            return super().facet(field_name)
        return self.facets([field_name])[field_name]

    def facets(self, field_names):
        """{field: {value: count}} for several fields, matching once."""
        compiler = self.query_compiler
        if not compiler.uses_fast_path():
            return {field_name: self.facet(field_name) for field_name in field_names}
        for field_name in field_names:
            if filterable_field(compiler, field_name) is None:
                return super().facet(field_name)  # raises modelsearch's FilterFieldError
        config = compiler.get_config(self.backend)
        if compiler.ONE_PASS:
            pks = sorted(pk for pk, _score in compiler.ranked_matches(config))  # in index order
            matched = compiler.filter_pks(compiler.queryset.model._default_manager.all(), pks)
        else:
            matched = compiler.matched_queryset(config)
        return count_columns(matched, list(field_names))
