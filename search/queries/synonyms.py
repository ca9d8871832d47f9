"""Admin-managed synonym groups, applied to queries (not to the index) so edits work at once."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SynonymGroup

CACHE_KEY = "gongkai-search-synonyms-2"


def _add(table, term, others):
    existing = table.get(term, ())
    table[term] = tuple(dict.fromkeys(existing + tuple(other for other in others if other.lower() != term)))


def synonym_table():
    """{term: other words a query for it also finds} over the groups in use; cached until a group changes.

    Keys are lower-case. A two-way group maps each word to all others; a one-way group maps
    each of its terms to its targets only.
    """
    table = cache.get(CACHE_KEY)
    if table is None:
        table = {}
        for group in SynonymGroup.objects.filter(enabled=True):
            terms, targets = group.term_list, group.target_list
            for term in terms:
                _add(table, term.lower(), targets if targets else terms)
        cache.set(CACHE_KEY, table, 3600)
    return table


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def _forget(**kwargs):
    cache.delete(CACHE_KEY)
