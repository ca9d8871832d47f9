"""热搜: what many different citizens searched for lately — moderated, because it is published.

A list built from what visitors type publishes whatever they type: markup, abuse, the
索引号 of a withheld item, or one client's query repeated until it tops the list. So a
query shows only when

- it found something and enough *different* clients searched it within ``HOT_QUERY_DAYS``
  (``HOT_QUERY_MIN_CLIENTS``): a client counts once a day (:mod:`.clients`: a keyed hash,
  never the address), and the list is ranked by those client-days;
- no editor hid it and the block list does not match it;
- in ``HOT_QUERY_MODE = "approved"`` an editor approved it; in ``"auto"`` only a query with
  markup characters or a web address waits for approval;
- every 文号 and 索引号-like number in it is that of a publicly visible item. This is checked
  on every read, not cached, so a hold placed after the list was built withdraws it at once.

As-you-type suggestions and the related searches of a page without results come from this
list only.
"""

import datetime
import operator
import re
import unicodedata
from functools import reduce

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page

from disclosure.api import DOC_NUMBER_PATTERN, normalise_doc_number, public_pages

from .. import conf
from ..documents.models import PublicDocument
from .models import BlockedQuery, HotQuery, HotQueryClientDay, HotQueryStatus, SearchQueryLog

CACHE_KEY = "gongkai-search-hot"
AUTO, APPROVED = "auto", "approved"
_CANDIDATES = 200
_MARKUP = re.compile(r"[<>\"'`{}\\]|://|javascript:|www\.", re.IGNORECASE)
# Like the 索引号 a query is looked up by (``parse``), but found anywhere in the query.
_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z/\-_.]{5,99}")
_SPACES = re.compile(r"\s+")


def log_query(text, hits, client=None):
    """Record one public search: always in the search log, and towards 热搜 when it found
    something and the client (a key from :mod:`.clients`) is known."""
    if not text:
        return
    text = text[:100]
    SearchQueryLog.objects.create(query=text, hits=hits)
    if hits and client:
        count_search(text, client)


def count_search(text, client, day=None):
    """Count ``client`` as having searched ``text`` on ``day`` (today): once, however often."""
    entry, _created = HotQuery.objects.get_or_create(query=text[:100])
    HotQueryClientDay.objects.bulk_create(
        [HotQueryClientDay(entry=entry, client=client, day=day or timezone.localdate())], ignore_conflicts=True
    )
    return entry


def mode():
    """``"auto"`` or ``"approved"``; an unknown setting fails closed, as ``"approved"``."""
    return AUTO if conf.get("HOT_QUERY_MODE") == AUTO else APPROVED


def min_clients():
    return max(1, int(conf.get("HOT_QUERY_MIN_CLIENTS")))


def window_start():
    """Client-days after this day count; older ones are pruned."""
    return timezone.localdate() - datetime.timedelta(days=conf.get("HOT_QUERY_DAYS"))


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


def needs_approval(text):
    """Markup characters or a web address: never shown without an editor's approval."""
    return bool(_MARKUP.search(text))


def identifiers(text):
    """The 文号 keys and the 索引号-like numbers (lower case) in a query.

    Full-width characters and spaces inside a number do not hide it: ``１１３３ 0100/2025-00012``
    is read as ``11330100/2025-00012``.
    """
    wide = unicodedata.normalize("NFKC", text)
    doc_keys = {normalise_doc_number(match.group(0)) for match in DOC_NUMBER_PATTERN.finditer(wide)}
    numbers = set()
    for variant in (wide, _SPACES.sub("", wide)):
        numbers.update(token.lower() for token in _NUMBER.findall(variant) if any(ch.isdigit() for ch in token))
    return doc_keys, numbers


def named_publicly(texts):
    """Those of ``texts`` whose every 文号 and 索引号-like number is that of a publicly visible item.

    Looked up in the public search rows (which hold public items only) and checked once more
    against the visibility rule, as the rows a search shows are.
    """
    wanted = {text: identifiers(text) for text in texts}
    keys = set().union(*(doc_keys for doc_keys, _numbers in wanted.values()))
    numbers = set().union(*(numbers for _doc_keys, numbers in wanted.values()))
    lookups = [Q(doc_number_key__in=keys)] if keys else []
    lookups += [Q(index_number__iexact=number) for number in numbers]
    if not lookups:
        return set(texts)
    rows = {
        pk: (doc_key, number)
        for pk, doc_key, number in PublicDocument.objects.filter(reduce(operator.or_, lookups)).values_list(
            "pk", "doc_number_key", "index_number"
        )
    }
    visible = public_pages(Page.objects.filter(pk__in=list(rows))).values_list("pk", flat=True) if rows else []
    public_keys, public_numbers = set(), set()
    for pk in visible:
        doc_key, number = rows[pk]
        public_keys.add(doc_key)
        public_numbers.add(number.lower())
    return {text for text, (doc_keys, found) in wanted.items() if doc_keys <= public_keys and found <= public_numbers}


def _candidates():
    """Entries that may show, most client-days first, before the per-read identifier check."""
    counted = Q(client_days__day__gt=window_start())
    entries = HotQuery.objects.exclude(status=HotQueryStatus.HIDDEN)
    if mode() == APPROVED:
        entries = entries.filter(status=HotQueryStatus.APPROVED)
    rows = (
        entries.annotate(
            clients=Count("client_days__client", filter=counted, distinct=True),
            times=Count("client_days", filter=counted),
        )
        .filter(clients__gte=min_clients())
        .order_by("-times", "-clients", "query")
        .values_list("query", "status")[:_CANDIDATES]
    )
    blocked = _blocked()
    return [
        query
        for query, status in rows
        if not is_blocked(query, blocked) and (status == HotQueryStatus.APPROVED or not needs_approval(query))
    ]


def hot_queries(limit=None):
    """The hot-query list as the public may see it, most searched first.

    The ranking is cached for five minutes (and dropped when an editor decides or the block
    list changes); whether a number in a query names a public item is checked on every call.
    """
    limit = limit or conf.get("HOT_QUERY_COUNT")
    settings_now = (mode(), min_clients(), conf.get("HOT_QUERY_DAYS"))
    cached = cache.get(CACHE_KEY)
    if cached is None or cached[0] != settings_now:
        cached = (settings_now, _candidates())
        cache.set(CACHE_KEY, cached, 300)
    candidates = cached[1]
    numbered = [text for text in candidates if any(identifiers(text))]
    if numbered:
        withheld = set(numbered) - named_publicly(numbered)
        candidates = [text for text in candidates if text not in withheld]
    return candidates[:limit]


def prune_log():
    """Drop what is no longer needed: search-log rows older than ``LOG_KEEP_DAYS``, client-days
    outside the hot-query window, and unreviewed entries nobody searched within it (editors'
    decisions are kept). Returns the number of search-log rows deleted."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(days=conf.get("LOG_KEEP_DAYS"))
    deleted = SearchQueryLog.objects.filter(searched_at__lt=cutoff).delete()[0]
    HotQueryClientDay.objects.filter(day__lte=window_start()).delete()
    HotQuery.objects.filter(
        status=HotQueryStatus.NEW,
        client_days__isnull=True,
        created_at__lt=now - datetime.timedelta(days=conf.get("HOT_QUERY_DAYS")),
    ).delete()
    return deleted


@receiver(post_save, sender=BlockedQuery)
@receiver(post_delete, sender=BlockedQuery)
@receiver(post_save, sender=HotQuery)
@receiver(post_delete, sender=HotQuery)
def _forget(sender, created=False, **kwargs):
    # A new entry (every new query creates one) changes nothing shown: keep the cache.
    if not (sender is HotQuery and created):
        cache.delete(CACHE_KEY)
