"""The request desk's queue at 100,000 requests across 20 agencies, beside the naive ORM listing, in one run.

    .venv/bin/python bench/requests.py [--requests 100000] [--agencies 20] [--repeat 50] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_requests .venv/bin/python bench/requests.py

Generates requests with bulk_create in realistic proportions (four in five closed over three
years; the open ones received in the last nine weeks, so some are overdue, some at risk, some
paused), their due dates computed on the working-day calendar. Then times what the desk's queue
shows a handler of three agencies, a handler of one, and a superuser — the first page of 50
and the total count — through ``disclosure.requests.queue`` (``queue`` filtered and ordered in the
database on its indexes, a page read by ``QueuePaginator``), and through the naive ORM listing: the user's
agencies' requests loaded, filtered by state and due status (``clock.due_status`` per row, its
"at risk" limit computed once — generous to the naive way) and sorted by due date in Python.
Prints median and p95 milliseconds. Target: the queue's p95 under 100 ms on SQLite and PostgreSQL.
"""

import argparse
import bisect
import datetime
import random
import sys
import time
from pathlib import Path

# This script's name is also the name of the HTTP library Wagtail imports: look for the other
# bench modules after the installed packages, so ``import requests`` finds the library.
BENCH = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH] + [str(BENCH)]

from harness import fresh_database, timed  # noqa: E402

# Shares of the generated requests by state (report-like: most are long closed).
STATE_WEIGHTS = {
    "archived": 56,
    "delivered": 15,
    "decided": 10,
    "discarded": 1,
    "submitted": 1,
    "received": 1.5,
    "in_progress": 10,
    "awaiting_supplement": 1.5,
    "awaiting_reasons": 0.5,
    "consulting_third_party": 2,
    "consulting_agency": 1,
    "awaiting_fee": 0.5,
}
PAGE = 50


def working_days(first, last):
    """The working days from ``first`` to ``last`` (weekdays where the calendar has no year)."""
    from disclosure.calendar.working_days import CalendarNotCovered, WorkingDayCalendar

    calendar = WorkingDayCalendar(first, last)
    days, day = [], first
    while day <= last:
        try:
            working = calendar.classify(day)[0]
        except CalendarNotCovered:
            working = day.weekday() < 5
        if working:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def generate(count, agency_count, seed=16):
    from django.db import connection

    from disclosure.agencies.models import AgencyRole
    from disclosure.models import DisclosureRequest
    from disclosure.requests.choices import ApplicantType, IntakeChannel
    from tests import factories

    rng = random.Random(seed)
    today = datetime.date.today()
    agencies = [factories.make_agency(title=f"青溪县基准测试局{n}", short_name=f"基准{n}") for n in range(agency_count)]
    handlers = {
        agency.pk: [
            factories.make_user(f"bench-handler-{n}-{k}", agency=agency, role=AgencyRole.REQUEST_HANDLER)
            for k in range(2)
        ]
        for n, agency in enumerate(agencies)
    }
    calendar = working_days(today - datetime.timedelta(days=1200), today + datetime.timedelta(days=120))
    states, weights = zip(*STATE_WEIGHTS.items(), strict=True)
    channels, types = IntakeChannel.values, ApplicantType.values
    serials = {}
    batch = []

    def due_after(day, n):
        return calendar[bisect.bisect_right(calendar, day) + n - 1]

    for i in range(count):
        agency = agencies[i % agency_count]
        state = rng.choices(states, weights)[0]
        if state == "submitted":
            received = None
        elif state in ("archived", "delivered", "decided", "discarded"):
            received = today - datetime.timedelta(days=rng.randint(30, 1100))
        else:
            received = today - datetime.timedelta(days=rng.randint(1, 63))
        year = (received or today).year
        serials[(agency.pk, year)] = serial = serials.get((agency.pk, year), 0) + 1
        extension = 20 if state in ("in_progress", "consulting_third_party") and rng.random() < 0.1 else 0
        request = DisclosureRequest(
            agency=agency,
            number=f"{agency.short_name}依申〔{year}〕{serial}号",
            query_code_digest="x" * 64,
            channel=rng.choice(channels),
            applicant_type=rng.choice(types),
            applicant_name=f"申请人{i}",
            id_type="resident_id",
            description=f"申请公开第{i}号政府信息。",
            delivery_form="electronic",
            delivery_channel="email",
            state=state,
            handler=None if state in ("submitted", "discarded") else rng.choice(handlers[agency.pk]),
            received_on=received,
            clock_start=received,
            extension_working_days=extension,
        )
        if received and state != "discarded":
            request.due_date = due_after(received, 20 + extension)
            request.due_explanation = f"20 个工作日，答复期限 {request.due_date}"
        if state in ("archived", "delivered", "decided"):
            request.decided_on = min(received + datetime.timedelta(days=rng.randint(5, 27)), today)
            request.outcome = rng.choice(["disclosed", "partly_disclosed", "unavailable.not_held"])
        batch.append(request)
        if len(batch) == 5000:
            DisclosureRequest.objects.bulk_create(batch)
            batch = []
    DisclosureRequest.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(DisclosureRequest._meta.db_table)}")
    return agencies, handlers


def scenarios(agencies, handlers):
    from django.contrib.auth import get_user_model

    from disclosure.agencies.models import AgencyRole
    from disclosure.agencies.roles import groups_of
    from disclosure.requests.clock import DueStatus

    User = get_user_model()
    three = User.objects.filter(username="bench-three-agencies").first()
    if three is None:
        three = User.objects.create_user("bench-three-agencies", password="pw")
        for agency in agencies[:3]:
            three.groups.add(*groups_of(agency, AgencyRole.REQUEST_HANDLER))
    boss = User.objects.filter(username="bench-superuser").first() or User.objects.create_superuser(
        "bench-superuser", password="pw"
    )
    one = handlers[agencies[4].pk][0]
    return {
        "3 agencies, open": (three, {}),
        "3 agencies, overdue": (three, {"due": DueStatus.OVERDUE}),
        "3 agencies, at risk": (three, {"due": DueStatus.AT_RISK}),
        "1 agency, mine, in progress": (one, {"handler": one, "state": "in_progress"}),
        "all 20, open": (boss, {}),
        "all 20, paused, by letter": (boss, {"due": DueStatus.PAUSED, "channel": "letter"}),
    }


def desk(user, params):
    from disclosure.requests.queue import QueuePaginator, queue

    paginator = QueuePaginator(queue(user, **params), PAGE)
    return [row.pk for row in paginator.page(1).object_list], paginator.count


def naive(user, params):
    """What one writes without the service: load the user's requests, decide each row in Python."""
    from django.utils import timezone

    from disclosure.models import DisclosureRequest
    from disclosure.requests import clock
    from disclosure.requests.permissions import visible_requests
    from disclosure.requests.queue import QUEUE_STATES

    today = timezone.localdate()
    limit = clock.at_risk_limit(today)
    states = [params["state"]] if params.get("state") else QUEUE_STATES
    rows = []
    for request in visible_requests(user, DisclosureRequest.objects.select_related("agency", "handler")):
        if request.state not in states:
            continue
        if params.get("due") and clock.due_status(request, today=today, risk_limit=limit) != params["due"]:
            continue
        if params.get("handler") and request.handler_id != params["handler"].pk:
            continue
        if params.get("channel") and request.channel != params["channel"]:
            continue
        rows.append(request)
    rows.sort(key=lambda r: (r.due_date or datetime.date(9999, 12, 31), r.pk))
    return [row.pk for row in rows[:PAGE]], len(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--naive-repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated database and reuse it next time")
    args = parser.parse_args()

    from celery import current_app

    from disclosure.models import AgencyPage, DisclosureRequest

    current_app.conf.task_always_eager = False  # the agencies' search-index updates are not measured

    with fresh_database(keep=args.keep) as vendor:
        if DisclosureRequest.objects.count() < args.requests:
            start = time.perf_counter()
            agencies, handlers = generate(args.requests, args.agencies)
            print(f"[{vendor}] generated {args.requests} requests in {time.perf_counter() - start:.0f} s")
        else:
            from django.contrib.auth import get_user_model

            agencies = list(AgencyPage.objects.filter(title__startswith="青溪县基准测试局").order_by("pk"))
            User = get_user_model()
            handlers = {
                agency.pk: list(User.objects.filter(username__startswith=f"bench-handler-{n}-").order_by("pk"))
                for n, agency in enumerate(agencies)
            }
        print(f"[{vendor}] {'scenario':<30} {'rows':>6} | {'queue med/p95':>15} | {'naive ORM med/p95':>19}")
        worst = 0.0
        for name, (user, params) in scenarios(agencies, handlers).items():
            ours = desk(user, params)
            assert ours == naive(user, params), name
            fast = timed(lambda u=user, p=params: desk(u, p), args.repeat)
            slow = timed(lambda u=user, p=params: naive(u, p), args.naive_repeat)
            worst = max(worst, fast[1])
            print(
                f"[{vendor}] {name:<30} {ours[1]:>6} | {fast[0]:>6.1f} / {fast[1]:>6.1f} | {slow[0]:>8.1f} / {slow[1]:>8.1f}"
            )
        print(
            f"[{vendor}] worst p95 of the queue: {worst:.1f} ms (target < 100 ms) -> {'met' if worst < 100 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
