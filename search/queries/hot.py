"""热搜: what citizens searched for most in the last days, minus what editors blocked."""

import datetime

from django.core.cache import cache
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .. import conf
from .models import BlockedQuery, SearchQueryLog

CACHE_KEY = "gongkai-search-hot"


def log_query(text, hits):
    if text:
        SearchQueryLog.objects.create(query=text[:100], hits=hits)


def is_blocked(text, blocked=None):
    lowered = text.lower()
    for phrase, anywhere in blocked if blocked is not None else _blocked():
        if lowered == phrase or (anywhere and phrase in lowered):
            return True
    return False


def _blocked():
    return [
        (phrase.lower(), anywhere) for phrase, anywhere in BlockedQuery.objects.values_list("phrase", "match_anywhere")
    ]


def hot_queries(limit=None):
    """The most searched queries that found something, most searched first; cached for five minutes."""
    limit = limit or conf.get("HOT_QUERY_COUNT")
    cached = cache.get(CACHE_KEY)
    if cached is None:
        since = timezone.now() - datetime.timedelta(days=conf.get("HOT_QUERY_DAYS"))
        rows = (
            SearchQueryLog.objects.filter(searched_at__gte=since, hits__gt=0)
            .values("query")
            .annotate(times=Count("pk"))
            .order_by("-times", "query")[:200]
        )
        blocked = _blocked()
        cached = [row["query"] for row in rows if not is_blocked(row["query"], blocked)]
        cache.set(CACHE_KEY, cached, 300)
    return cached[:limit]


def prune_log():
    cutoff = timezone.now() - datetime.timedelta(days=conf.get("LOG_KEEP_DAYS"))
    return SearchQueryLog.objects.filter(searched_at__lt=cutoff).delete()[0]


@receiver(post_save, sender=BlockedQuery)
@receiver(post_delete, sender=BlockedQuery)
def _forget(**kwargs):
    cache.delete(CACHE_KEY)
