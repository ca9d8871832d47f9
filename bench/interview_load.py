"""A crowd on a live interview: gunicorn on loopback, ≥ 1,000 viewers polling, bursts of questions.

    .venv/bin/python bench/interview_load.py [--viewers 1000] [--seconds 60] [--burst 100]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/interview_load.py

1. A live session is created in a throwaway database and gunicorn serves the site from it
   (``cms.wsgi``, ``--workers`` × ``--threads`` gthread workers, settings from the
   environment as in production).
2. Gongkai's way: ``--viewers`` browsers, each with its own kept-alive connection, poll the
   session's feed every 2 s (since-id + If-None-Match, as ``live.js`` does) while, every
   second, ``--burst`` of them submit a question each at the same instant (5% retry the
   same submission, as a flaky network would) and a console in this process posts the
   live text and approves questions.
3. The plain-Wagtail way, for comparison: the same viewers reload the whole session page
   every 2 s for ``--plain-seconds``.

Each phase first runs ``--warmup`` seconds of the same load unmeasured: gunicorn answers on
its socket while its workers are still importing Django and loading the segmentation
dictionary, and a live session's server has done that long before the crowd arrives.
Errors and the exactly-once check count the warm-up too.

Printed: p50 / p95 latency and errors per kind of request, and whether every accepted
question reached the moderation queue exactly once. Targets: p95 < 200 ms, no errors,
no lost or doubled questions. The clients speak HTTP through ``loopback_http`` because
they share the two cores with the server they measure (see that module).
"""

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from urllib.parse import urlencode

from harness import ROOT, fresh_database
from loopback_http import Browser


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


def create_session():
    import datetime

    from django.utils import timezone

    from tests import factories

    agency = factories.make_agency(title="青溪县压力测试局", short_name="压测局")
    column = factories.make_interview_column(agency)
    return factories.make_interview(
        column,
        title="县压测局负责人谈供水保障",
        start=timezone.now() - datetime.timedelta(minutes=5),
        hours=3,
        guests=[("钱永福", "总经理")],
    )


def start_server(port, workers, threads, worker_class="gthread"):
    from django.conf import settings

    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DEBUG="0",
        DATABASE_URL=database_url(),
        DATABASE_CONN_MAX_AGE="60",
        GONGKAI_CLIENT_IP_HEADER="HTTP_X_REAL_IP",
        SECRET_KEY=settings.SECRET_KEY,
        LOG_LEVEL="WARNING",
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--backlog",
            "4096",
            # Viewers poll every 2 s: gunicorn's default 2 s keep-alive would close their
            # connection just as the next poll comes, and every poll would reconnect.
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


class Tally:
    """Latencies of requests sent after the warm-up; errors of every request."""

    def __init__(self, measure_from):
        self.measure_from = measure_from
        self.latencies, self.errors = [], 0

    def add(self, started, error=False):
        if started >= self.measure_from:
            self.latencies.append((time.perf_counter() - started) * 1000)
        self.errors += error

    def summary(self):
        data = sorted(self.latencies) or [0]
        p95 = data[max(int(len(data) * 0.95 + 0.5) - 1, 0)]
        return len(self.latencies), statistics.median(data), p95, self.errors


async def viewer(browser, feed_path, until, tally, plain_path=None):
    await asyncio.sleep(random.uniform(0, 2))
    cursor, tag = 0, None
    while time.monotonic() < until:
        tick = time.monotonic()
        started = time.perf_counter()
        try:
            if plain_path:
                response = await browser.request("GET", plain_path)
                tally.add(started, response.status != 200)
            else:
                headers = [("If-None-Match", tag)] if tag else []
                response = await browser.request("GET", f"{feed_path}?since={cursor}", headers)
                tally.add(started, response.status not in (200, 304))
                if response.status == 200:
                    cursor, tag = json.loads(response.body)["cursor"], response.headers.get("etag")
        except (OSError, asyncio.IncompleteReadError, ValueError):
            tally.add(started, True)
        await asyncio.sleep(max(0.0, 2 - (time.monotonic() - tick)))


async def asker(browser, ask_path, token, n, tally, receipts):
    key = str(uuid.uuid4())
    body = urlencode(
        {"nickname": f"网友{n}", "text": f"第{n}号提问：停水期间如何保障高层住户用水？", "submission_key": key}
    ).encode()
    headers = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Cookie", f"csrftoken={token}"),
        ("X-CSRFToken", token),
        ("Accept", "application/json"),
        ("X-Real-IP", f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"),
    ]
    attempts = 2 if random.random() < 0.05 else 1
    for _ in range(attempts):
        started = time.perf_counter()
        try:
            response = await browser.request("POST", ask_path, headers, body)
            tally.add(started, response.status not in (200, 201))
            if response.status in (200, 201):
                receipts.setdefault(key, set()).add(json.loads(response.body)["receipt"])
        except (OSError, asyncio.IncompleteReadError, ValueError):
            tally.add(started, True)


async def crowd(port, session, args, plain=False):
    """Viewers watch in their browsers; every second ``--burst`` of them ask at the same instant."""
    feed_path = f"/api/interviews/{session.pk}/live/"
    ask_path = f"/api/interviews/{session.pk}/questions/"
    browsers = [Browser("127.0.0.1", port) for _ in range(args.viewers)]
    try:
        page = await browsers[0].request("GET", session.url)
        assert page.status == 200, page.status
        token = re.search(r"csrftoken=([^;]+)", page.headers["set-cookie"]).group(1)
        seconds = args.plain_seconds if plain else args.seconds
        until = time.monotonic() + args.warmup + seconds
        measure_from = time.perf_counter() + args.warmup
        views, asks, receipts = Tally(measure_from), Tally(measure_from), {}
        tasks = [
            asyncio.create_task(viewer(browser, feed_path, until, views, session.url if plain else None))
            for browser in browsers
        ]
        n = 0
        if not plain:
            while time.monotonic() < until - 1:
                tick = time.monotonic()
                askers = random.sample(browsers, args.burst)
                await asyncio.gather(*(asker(b, ask_path, token, n + i, asks, receipts) for i, b in enumerate(askers)))
                n += args.burst
                await asyncio.sleep(max(0.0, 1 - (time.monotonic() - tick)))
        await asyncio.gather(*tasks)
        return views, asks, receipts
    finally:
        for browser in browsers:
            browser.close()


def console(session, stop):
    """The host and moderators at work: live text and approvals every two seconds."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from online_interview.questions.models import Question
    from online_interview.questions.moderation import approve
    from online_interview.transcript.posting import post_entry

    editor = get_user_model().objects.create_user("bench-host")
    n = 0
    while not stop.wait(2):
        n += 1
        post_entry(session, editor, speaker="host", text=f"第{n}段直播文字。")
        for question in Question.objects.filter(interview=session, state="pending").order_by("pk")[:3]:
            approve(question, editor)
    connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--plain-seconds", type=int, default=20)
    parser.add_argument(
        "--warmup", type=int, default=5, help="seconds of load before measuring (workers boot, caches fill)"
    )
    parser.add_argument("--burst", type=int, default=100, help="questions submitted each second")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (gthread or sync)")
    args = parser.parse_args()

    with fresh_database() as vendor:
        session = create_session()
        port = free_port()
        server = start_server(port, args.workers, args.threads, args.worker_class)
        label = f"[{vendor}, gunicorn {args.worker_class} {args.workers}×{args.threads}, {args.viewers} viewers]"
        try:
            stop = threading.Event()
            worker = threading.Thread(target=console, args=(session, stop))
            worker.start()
            try:
                views, asks, receipts = asyncio.run(crowd(port, session, args))
            finally:
                stop.set()
                worker.join()
            plain_views, _asks, _receipts = asyncio.run(crowd(port, session, args, plain=True))
        finally:
            server.terminate()
            server.wait(timeout=30)

        from online_interview.questions.models import Question

        stored = list(Question.objects.filter(interview=session).values_list("submission_key", "receipt"))
        accepted = {key: receipt for key, receipts_of_key in receipts.items() for receipt in receipts_of_key}
        by_key = {}
        for key, receipt in stored:
            by_key.setdefault(str(key), []).append(receipt)
        exactly_once = (
            all(len(set(r)) == 1 for r in receipts.values())
            and all(by_key.get(key) == [receipt] for key, receipt in accepted.items())
            and len(stored) == len(accepted)
        )
        print(f"{label} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for name, tally in (
            ("Gongkai feed polls", views),
            ("question submissions", asks),
            ("plain Wagtail page reloads", plain_views),
        ):
            count, p50, p95, errors = tally.summary()
            print(f"{label} {name:<27} {count:>9} {p50:>8.1f} {p95:>8.1f} {errors:>7}")
        print(
            f"{label} accepted questions: {len(accepted)}, stored: {len(stored)}; exactly once: {'yes' if exactly_once else 'NO'}"
        )
        count, p50, p95, errors = views.summary()
        _c, _p50, ask_p95, ask_errors = asks.summary()
        met = max(p95, ask_p95) < 200 and errors + ask_errors == 0 and exactly_once
        print(f"{label} targets (p95 < 200 ms, no errors, exactly once): {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
