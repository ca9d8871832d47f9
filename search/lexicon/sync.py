"""Bringing the shipped lexicon into the synonym groups editors manage (after every ``migrate``).

New rules are added, rules changed in a new version replace groups nobody edited, rules
dropped from the lexicon remove groups nobody edited. A group an editor changed or switched
off stays as the editor left it.
"""

import logging

from django.core.cache import cache
from django.db import transaction

from ..queries.models import SynonymGroup, shipped_form
from ..queries.synonyms import CACHE_KEY
from .rules import shipped_lexicon

logger = logging.getLogger(__name__)


@transaction.atomic
def sync_lexicon(lexicon=None):
    """Returns (added, updated, removed)."""
    lexicon = lexicon or shipped_lexicon()
    existing = {group.lexicon_key: group for group in SynonymGroup.objects.exclude(lexicon_key="")}
    new, changed = [], []
    for rule in lexicon.rules:
        key = rule.key[:30]
        shipped = shipped_form(rule.terms, rule.targets)
        group = existing.pop(key, None)
        if group is None:
            new.append(
                SynonymGroup(
                    terms="\n".join(rule.terms),
                    targets="\n".join(rule.targets),
                    note=rule.domain[:200],
                    lexicon_key=key,
                    shipped_terms=shipped,
                )
            )
        elif group.shipped_terms != shipped and not group.changed_since_shipped and group.enabled:
            group.terms, group.targets, group.shipped_terms = "\n".join(rule.terms), "\n".join(rule.targets), shipped
            group.note = rule.domain[:200]
            changed.append(group)
    dropped = [group.pk for group in existing.values() if not group.changed_since_shipped and group.enabled]
    # In bulk: a fresh database (every test run, every ``flush``) loads 539 rules at once.
    SynonymGroup.objects.bulk_create(new)
    SynonymGroup.objects.bulk_update(changed, ["terms", "targets", "shipped_terms", "note"])
    SynonymGroup.objects.filter(pk__in=dropped).delete()
    if new or changed or dropped:
        cache.delete(CACHE_KEY)
        logger.info(
            "Search lexicon %s: %d added, %d updated, %d removed", lexicon.version, len(new), len(changed), len(dropped)
        )
    return len(new), len(changed), len(dropped)
