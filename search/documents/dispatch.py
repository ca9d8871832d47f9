"""Hand index updates to Celery once the change that caused them is committed."""

from functools import partial

from celery import current_app
from django.db import transaction

from ..tasks import sync_pages, sync_subtree


def _send(task, *args):
    if current_app.conf.task_always_eager:
        # In-process (tests, or a site configured to run tasks inline): run now, inside the
        # same transaction, so the index can never disagree with what was just saved.
        task.delay(*args)
    else:
        # A worker reads the database: it must not see the change before it is committed.
        transaction.on_commit(partial(task.delay, *args), robust=True)


def request_sync(*page_ids):
    if page_ids:
        _send(sync_pages, list(page_ids))


def request_subtree_sync(page_id):
    _send(sync_subtree, page_id)
