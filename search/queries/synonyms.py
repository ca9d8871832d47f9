"""Admin-managed synonym groups, applied to queries (not to the index) so edits work at once."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SynonymGroup

CACHE_KEY = "gongkai-search-synonyms"


def synonym_table():
    """{term: (term, other terms of its group…)} for every group; cached until a group changes."""
    table = cache.get(CACHE_KEY)
    if table is None:
        table = {}
        for group in SynonymGroup.objects.all():
            terms = group.term_list
            for term in terms:
                existing = table.get(term, (term,))
                table[term] = tuple(dict.fromkeys(existing + tuple(t for t in terms if t != term)))
        cache.set(CACHE_KEY, table, 3600)
    return table


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def _forget(**kwargs):
    cache.delete(CACHE_KEY)
