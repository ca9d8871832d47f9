"""Bringing the shipped lexicon into the synonym groups editors manage (after every ``migrate``).

New rules are added, rules changed in a new version replace groups nobody edited, rules
dropped from the lexicon remove groups nobody edited. A group an editor changed or switched
off stays as the editor left it.
"""

import logging

from django.db import transaction

from ..queries.models import SynonymGroup
from .rules import shipped_lexicon

logger = logging.getLogger(__name__)


def _as_shipped(rule):
    return "\n".join(rule.terms) + "\n=>\n" + "\n".join(rule.targets)


@transaction.atomic
def sync_lexicon(lexicon=None):
    """Returns (added, updated, removed)."""
    lexicon = lexicon or shipped_lexicon()
    existing = {group.lexicon_key: group for group in SynonymGroup.objects.exclude(lexicon_key="")}
    added = updated = removed = 0
    for rule in lexicon.rules:
        key = rule.key[:30]
        shipped = _as_shipped(rule)
        group = existing.pop(key, None)
        if group is None:
            SynonymGroup.objects.create(
                terms="\n".join(rule.terms),
                targets="\n".join(rule.targets),
                note=rule.domain[:200],
                lexicon_key=key,
                shipped_terms=shipped,
            )
            added += 1
        elif group.shipped_terms != shipped and not group.changed_since_shipped and group.enabled:
            group.terms, group.targets, group.shipped_terms = "\n".join(rule.terms), "\n".join(rule.targets), shipped
            group.note = rule.domain[:200]
            group.save()
            updated += 1
    for group in existing.values():
        if not group.changed_since_shipped and group.enabled:
            group.delete()
            removed += 1
    if added or updated or removed:
        logger.info("Search lexicon %s: %d added, %d updated, %d removed", lexicon.version, added, updated, removed)
    return added, updated, removed
