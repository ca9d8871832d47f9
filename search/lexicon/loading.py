"""The shipped lexicon is brought in after every ``migrate``: a deployment with a newer lexicon
gets its new rules without a step of its own."""

from .sync import sync_lexicon


def load_shipped_lexicon(using="default", apps=None, **kwargs):
    """Skipped while the synonym table is not at the current schema (``migrate`` to an earlier
    state, or of another app on a fresh database)."""
    if using != "default" or apps is None:
        return
    try:
        model = apps.get_model("gongkai_search", "SynonymGroup")
    except LookupError:
        return
    if not any(field.name == "lexicon_key" for field in model._meta.get_fields()):
        return
    sync_lexicon()
