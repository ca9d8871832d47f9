"""Counting several facet columns over one set of rows, reading the rows once.

Six ``GROUP BY`` queries would run the full-text match six times. PostgreSQL counts every
column in one statement with ``GROUPING SETS``; elsewhere the facet columns of the matched
rows are read once and counted here.
"""

from collections import Counter

from django.db import connections


def count_columns(queryset, fields):
    """{field: {value: count}} for each field (attnames) over ``queryset``."""
    queryset = queryset.order_by()
    if connections[queryset.db].vendor == "postgresql":
        return _grouping_sets(queryset, fields)
    counters = {field: Counter() for field in fields}
    for row in queryset.values_list(*fields).iterator(chunk_size=5000):
        for field, value in zip(fields, row, strict=True):
            counters[field][value] += 1
    return {field: dict(counter) for field, counter in counters.items()}


def _grouping_sets(queryset, fields):
    columns = {f.attname: f.column for f in queryset.model._meta.concrete_fields}
    names = [columns[field] for field in fields]
    quoted = [connections[queryset.db].ops.quote_name(name) for name in names]
    inner, params = queryset.values(*fields).query.sql_with_params()
    sql = (
        f"SELECT {', '.join(quoted)}, GROUPING({', '.join(quoted)}), COUNT(*) FROM ({inner}) AS matched "
        f"GROUP BY GROUPING SETS ({', '.join(f'({name})' for name in quoted)})"
    )
    # GROUPING() sets one bit per column left out of the row's grouping set, the first
    # column being the highest bit: the row of column i has every bit set but its own.
    full = (1 << len(fields)) - 1
    column_of = {full ^ (1 << (len(fields) - 1 - i)): i for i in range(len(fields))}
    counts = {field: {} for field in fields}
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            i = column_of[row[-2]]
            counts[fields[i]][row[i]] = row[-1]
    return counts
