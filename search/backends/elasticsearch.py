"""Wagtail's Elasticsearch 9 backend with Chinese analysis in the index settings.

Select it with ``ELASTICSEARCH_URL`` (see cms/settings/base.py). Wagtail's mapping gives
text fields no analyzer of their own, so the index's ``default`` analyzer decides how
Chinese is split; this backend sets it from one backend parameter (env ``ELASTICSEARCH_CHINESE_ANALYZER``):

``CHINESE_ANALYZER``
    ``"ik"``       the IK plugin (``ik_max_word`` when indexing, ``ik_smart`` when searching)
                   ``bin/elasticsearch-plugin install https://get.infini.cloud/elasticsearch/analysis-ik/<es-version>``
    ``"smartcn"``  Elastic's own plugin: ``bin/elasticsearch-plugin install analysis-smartcn``
    ``"cjk"``      built in, no plugin (overlapping bigrams): the default, works on any cluster

The plugin must be installed on every node before the index is built. Autocomplete
(as-you-type suggestions) uses the same tokenizer followed by edge n-grams, so a typed
prefix of a Chinese word matches.
"""

from copy import deepcopy

from modelsearch.backends import elasticsearch9 as es9
from modelsearch.query import Phrase
from modelsearch.utils import deep_update

ANALYZERS = {
    "ik": {
        "default": {"type": "custom", "tokenizer": "ik_max_word", "filter": ["lowercase"]},
        "default_search": {"type": "custom", "tokenizer": "ik_smart", "filter": ["lowercase"]},
        "edgengram_analyzer": {"type": "custom", "tokenizer": "ik_max_word", "filter": ["lowercase", "edgengram"]},
    },
    "smartcn": {
        "default": {"type": "custom", "tokenizer": "smartcn_tokenizer", "filter": ["lowercase", "smartcn_stop"]},
        "default_search": {"type": "custom", "tokenizer": "smartcn_tokenizer", "filter": ["lowercase", "smartcn_stop"]},
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "smartcn_tokenizer",
            "filter": ["lowercase", "edgengram"],
        },
    },
    "cjk": {
        "default": {"type": "cjk"},
        "default_search": {"type": "cjk"},
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_bigram", "edgengram"],
        },
    },
}


def chinese_index_settings(analyzer):
    """The ``settings`` block added to Wagtail's defaults for ``analyzer`` (ik, smartcn or cjk)."""
    if analyzer not in ANALYZERS:
        raise ValueError(f"CHINESE_ANALYZER must be one of {', '.join(ANALYZERS)}, not {analyzer!r}")
    return {"settings": {"analysis": {"analyzer": deepcopy(ANALYZERS[analyzer])}}}


class ChineseMapping(es9.Elasticsearch9Mapping):
    # Wagtail searches the edge n-grams with the "standard" analyzer, which splits Chinese
    # into single characters; search them with the index's Chinese search analyzer instead.
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "default_search"}


class ChineseSearchQueryCompiler(es9.Elasticsearch9SearchQueryCompiler):
    mapping_class = ChineseMapping

    def _compile_query(self, query, field, boost=1.0):
        # modelsearch drops a Boost around a Phrase; the search pipeline boosts the whole phrase.
        if isinstance(query, Phrase) and boost != 1.0:
            compiled = self._compile_phrase_query(query, [field])
            options = compiled["match_phrase"][field.field_name]
            if not isinstance(options, dict):
                options = {"query": options}
            options["boost"] = options.get("boost", 1.0) * boost
            compiled["match_phrase"][field.field_name] = options
            return compiled
        return super()._compile_query(query, field, boost)


class ChineseAutocompleteQueryCompiler(es9.Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = ChineseMapping


class ChineseElasticsearchBackend(es9.Elasticsearch9SearchBackend):
    supports_boosts = True  # search.service adds synonym and phrase boosts to the query
    mapping_class = ChineseMapping
    query_compiler_class = ChineseSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        self.chinese_analyzer = params.pop("CHINESE_ANALYZER", "cjk")
        chinese = chinese_index_settings(self.chinese_analyzer)
        extra = params.pop("INDEX_SETTINGS", {})
        super().__init__({**params, "INDEX_SETTINGS": chinese})
        self.settings = deep_update(self.settings, extra)


SearchBackend = ChineseElasticsearchBackend
