"""Running tasks through the configured broker and a real worker thread, as production does."""

import contextlib
import time

from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections

from cms.celery import app


@contextlib.contextmanager
def real_worker():
    """Tasks sent inside the block go over CELERY_BROKER_URL (CI: RabbitMQ or Redis) to a worker."""

    def close_worker_connections(**kwargs):
        # Runs in the worker thread: its connection would otherwise outlive the test database.
        connections.close_all()

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    task_postrun.connect(close_worker_connections, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        task_postrun.disconnect(close_worker_connections)
        app.conf.task_always_eager = eager


def wait_until(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()
