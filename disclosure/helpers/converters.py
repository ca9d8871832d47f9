"""The ``row_id`` URL converter: a database id that the database can hold, or no match at all.

Registered once, here, for every app (feeds, interviews): importing ``disclosure.api`` registers it.

``<int:…>`` takes any number of digits; an id beyond 64 bits then reached the database,
which cannot hold it (SQLite: OverflowError, PostgreSQL: out of range) — a 500 for a typo
or a probe. A ``row_id`` is at most the largest 64-bit key, so anything larger is a 404.
"""

from django.urls import register_converter

LARGEST_ID = 2**63 - 1  # a BigAutoField's maximum; Wagtail's 32-bit page ids are smaller


class RowIdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError(f"{value} is beyond the largest database id")  # Django: no match
        return number

    def to_url(self, value):
        return str(value)


register_converter(RowIdConverter, "row_id")
