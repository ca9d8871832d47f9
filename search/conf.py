"""Settings of the search app: one namespaced dict, ``GONGKAI_SEARCH``, with documented defaults.

Keys:
    MAX_QUERY_LENGTH: longer queries are cut to this many characters.
    PAGE_SIZE: results per page.
    MAX_RESULTS: how many ranked results are considered before the visibility rule filters them.
"""

from django.conf import settings

DEFAULTS = {"MAX_QUERY_LENGTH": 100, "PAGE_SIZE": 10, "MAX_RESULTS": 200}


def get(key):
    overrides = getattr(settings, "GONGKAI_SEARCH", {}) or {}
    return overrides.get(key, DEFAULTS[key])
