"""The shipped lexicon is brought in after every ``migrate``: a deployment with a newer lexicon
gets its new rules without a step of its own."""

from ..queries.models import SynonymGroup
from .sync import sync_lexicon


def load_shipped_lexicon(using="default", apps=None, **kwargs):
    """Skipped while the synonym table is not at the current schema (``migrate`` to an earlier
    state, or of another app on a fresh database): ``apps`` is the migrated state."""
    if using != "default" or apps is None:
        return
    meta = SynonymGroup._meta
    migrated = apps.all_models.get(meta.app_label, {}).get(meta.model_name)
    if migrated is None or not any(field.name == "lexicon_key" for field in migrated._meta.get_fields()):
        return
    sync_lexicon()
