"""A query's words as the database backends are asked them, with the words whose parts are not tried.

A word the index may hold split (城乡居民医保 as 城乡居民 + 医保) is also matched by its parts
standing together (``search.backends.database.query``). Checking that they stand together
reads the stored text of every document holding all the parts; where the parts are common
(医疗 and 保障 in a tenth of the documents) that read is the whole cost of the query, so such a
word is matched as itself only (the setting ``PARTS_MAX_DOCUMENTS``, decided in ``matching``).
"""

from modelsearch.query import PlainText


class Words(PlainText):
    """``PlainText`` that also says which of its words the backend must not look for by parts."""

    def __init__(self, query_string, operator="and", boost=1, whole_only=()):
        super().__init__(query_string, operator=operator, boost=boost)
        self.whole_only = frozenset(whole_only)  # lower-cased query words matched only as themselves

    def __repr__(self):
        return f"<Words {self.query_string!r} operator={self.operator!r} whole_only={sorted(self.whole_only)!r}>"


def whole_only(query):
    """The words of a ``PlainText`` that must match as themselves (none for a plain ``PlainText``)."""
    return getattr(query, "whole_only", frozenset())
