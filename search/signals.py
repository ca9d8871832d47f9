"""Every event that can change what the public sees asks for the public index to follow.

Two sources only: Wagtail's page signals, and ``disclosure.api.visibility_changed`` for
everything Wagtail does not announce (holds, view restrictions, deletions, renamed categories).

Withdrawals (unpublish, hold, restriction, a move under a withdrawn parent) leave the index
at once, in the request that caused them, as one set-based delete: totals, facets and exact
matches are computed from index rows and must never count what is no longer public.
Additions and refreshes go through Celery.
"""

import logging

from django.db import DatabaseError, transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from disclosure.api import visibility_changed

from .documents.dispatch import request_subtree_sync, request_sync
from .documents.models import PublicDocument
from .documents.sync import withdraw

logger = logging.getLogger(__name__)


def withdraw_now(page_ids, subtree=True):
    try:
        with transaction.atomic():
            withdraw(page_ids, subtree=subtree)
    except DatabaseError:
        # The change itself must not fail for the index; reconcile removes what is left.
        logger.warning("Withdrawing pages %s from the search index failed", page_ids, exc_info=True)


@receiver(page_published)
def page_published_(sender, instance, **kwargs):
    request_subtree_sync(instance.pk)


@receiver(page_unpublished)
def page_unpublished_(sender, instance, **kwargs):
    withdraw_now([instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    withdraw_now([instance.pk])  # moved under a withdrawn parent: gone at once
    request_subtree_sync(instance.pk)  # its URLs changed


@receiver(visibility_changed)
def visibility_changed_(sender, page_ids, subtree=False, withdrawn=False, deleted=False, **kwargs):
    if deleted:
        # Wagtail unpublishes a page before deleting it; a sync run then (in process) may
        # still have seen it live. Its document goes with it, no rule to ask.
        PublicDocument.objects.filter(pk__in=page_ids).delete()
    elif withdrawn:
        withdraw_now(page_ids, subtree=subtree)
    elif subtree:
        for page_id in page_ids:
            request_subtree_sync(page_id)
    else:
        request_sync(*page_ids)


# Cached synonym and hot-query tables are dropped when editors change them.
from .queries import hot, synonyms  # noqa: E402, F401
