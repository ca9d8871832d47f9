"""The ``page_id`` URL converter: an id the database can hold, or no match (a 404) at all.

``<int:…>`` takes any number of digits, and an id beyond 64 bits reached the database, which
cannot hold it (SQLite: OverflowError) — a 500 for a typo or a probe. (online_interview's
``row_id`` is the same rule; apps do not share URL converters.)
"""

from django.urls import register_converter

LARGEST_ID = 2**63 - 1


class PageIdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError(f"{value} is beyond the largest database id")  # Django: no match
        return number

    def to_url(self, value):
        return str(value)


register_converter(PageIdConverter, "page_id")
