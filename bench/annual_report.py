"""An agency's annual report from 100,000 requests and 100,000 catalogue items, beside the naive per-row count, in one run.

    .venv/bin/python bench/annual_report.py [--requests 100000] [--items 100000] [--appeals 300] [--repeat 10] [--format national-2019] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reports .venv/bin/python bench/annual_report.py

Generates, with bulk inserts, one agency's requests received over three years (the report's
year, the one before and this one up to today: so some are carried in, some decided across
New Year, some still open, a few discarded or never confirmed), every applicant type and all
21 outcomes; its catalogue items in the five categories 表二 counts (规章, 行政规范性文件 — also
by a 体裁 of that name —, 行政许可 with a sub-category, 行政处罚, 行政强制) among the other Art 20
categories, with 成文日期 over five years, validity changes (废止, 失效 — some after the year
or without a date —, 已修改) and drafts; and a few hundred reconsiderations and lawsuits. A
second agency holds a fiftieth as much of each, which no figure may count.

Then times ``disclosure.reports.figures.recompute`` (every table, the totals, the stored
figures and the logged computation), ``tables.compute`` alone and each table's queries,
beside the naive computation: every request, item and case of the agency loaded through the
ORM (``select_related`` for the categories and 体裁 — generous to the naive way) and counted
per cell in Python, following the rules the table modules' docstrings state. Both must give
the same figure in every cell. Prints median and p95 milliseconds and the ratio.
Target: ``recompute``'s p95 under 2 s on SQLite and PostgreSQL.
"""

import argparse
import datetime
import random
import time
from collections import Counter

from harness import fresh_database, make_agencies, timed

APPLICANT_WEIGHTS = {
    "person": 80,
    "commercial": 9,
    "research": 1,
    "public_welfare": 1,
    "legal_service": 6,
    "other": 3,
}
# (category code, share of the items): the rows of 表二 and, for the rest, the other Art 20 categories.
CATEGORY_WEIGHTS = {
    "0101": 1,
    "0102": 6,
    "0103": 4,
    "0501": 12,
    "050101": 8,  # a sub-category of 行政许可, counted with it
    "0502": 8,
    "0601": 15,
    "0602": 3,
    "0201": 2,
    "0301": 3,
    "04": 4,
    "0701": 3,
    "09": 4,
    "1102": 8,
    "1104": 8,
    "1201": 3,
    "13": 5,
    "1501": 3,
}
VALIDITY_WEIGHTS = {"valid": 84, "repealed": 7, "lapsed": 4, "amended": 4, "undated": 1}
APPEAL_KINDS = ["review", "lawsuit_direct", "lawsuit_after_review"]
DECIDED_STATES = ["decided", "delivered", "archived"]
OPEN_STATES = ["received", "in_progress", "consulting_third_party", "awaiting_supplement"]
OTHER_AGENCY_SHARE = 50  # the second agency holds one fiftieth of each kind of row


def outcome_weights():
    """Every outcome, most requests disclosed in full or in part, as in published reports."""
    from disclosure.requests.choices import Outcome

    weights = {outcome: 1 for outcome in Outcome.values}
    weights.update({"disclosed": 40, "partly_disclosed": 12, "unavailable.not_held": 15, "not_processed.repeated": 4})
    return weights


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def generate_requests(rng, agency, count, first, today):
    from disclosure.models import DisclosureRequest
    from disclosure.requests.choices import IntakeChannel

    applicants, applicant_weights = zip(*APPLICANT_WEIGHTS.items(), strict=True)
    outcomes, weights = zip(*outcome_weights().items(), strict=True)
    channels = IntakeChannel.values
    batch = []
    for i in range(count):
        received = random_day(rng, first, today)
        draw = rng.random()
        decided_on = outcome = None
        if draw < 0.02:
            state, received = "submitted", None  # submitted online, receipt never confirmed
        elif draw < 0.03:
            state = "discarded"
        else:
            decided_on = received + datetime.timedelta(days=rng.choice([rng.randint(0, 20), rng.randint(15, 60)]))
            if decided_on > today or rng.random() < 0.01:  # a few are stuck for good
                state, decided_on = rng.choice(OPEN_STATES), None
            else:
                state, outcome = rng.choice(DECIDED_STATES), rng.choices(outcomes, weights)[0]
        year = (received or today).year
        batch.append(
            DisclosureRequest(
                agency=agency,
                number=f"{agency.short_name}依申〔{year}〕{i + 1}号",
                query_code_digest="x" * 64,
                channel=rng.choice(channels),
                applicant_type=rng.choices(applicants, applicant_weights)[0],
                applicant_name=f"申请人{i}",
                id_type="resident_id",
                description=f"申请公开第{i}号政府信息。",
                delivery_form="electronic",
                delivery_channel="email",
                state=state,
                received_on=received,
                clock_start=received,
                decided_on=decided_on,
                outcome=outcome or "",
            )
        )
        if len(batch) == 5000:
            DisclosureRequest.objects.bulk_create(batch)
            batch = []
    DisclosureRequest.objects.bulk_create(batch)


def generate_items(rng, agency, catalogue, count, first, today):
    from django.db import transaction
    from django.utils import timezone

    from disclosure.catalogue.imports.bulk_pages import insert_pages
    from disclosure.models import CatalogueCategory, CatalogueItemPage, Genre

    parent = agency.catalogue_categories.get(code="0501")
    CatalogueCategory.objects.get_or_create(
        agency=agency,
        parent=parent,
        name="建设工程类许可",
        defaults={"code": "050101", "art20_item": parent.art20_item},
    )
    categories = {c.code: c for c in agency.catalogue_categories.all()}
    codes, shares = zip(*CATEGORY_WEIGHTS.items(), strict=True)
    genres = list(Genre.objects.exclude(name="规范性文件"))
    normative_genre, _created = Genre.objects.get_or_create(name="规范性文件", defaults={"sort_order": 99})
    validities, validity_shares = zip(*VALIDITY_WEIGHTS.items(), strict=True)
    zone = timezone.get_default_timezone()
    now = timezone.now()
    items = []

    def flush():
        with transaction.atomic():
            insert_pages(catalogue, items)
        items.clear()

    for n in range(count):
        category = categories[rng.choices(codes, shares)[0]]
        genre = rng.choice(genres)
        if category.code == "0103" and rng.random() < 0.3:
            genre = normative_genre  # filed under 其他文件, counted by its 体裁
        generated = random_day(rng, first - datetime.timedelta(days=730), today)
        live = rng.random() < 0.97
        published_at = None
        if live:
            day = min(generated + datetime.timedelta(days=rng.randint(0, 20)), today)
            published_at = min(datetime.datetime(day.year, day.month, day.day, rng.randint(0, 23), tzinfo=zone), now)
        validity = rng.choices(validities, validity_shares)[0]
        validity_date = None
        if validity == "undated":  # 废止 recorded without its date (kept from an older system)
            validity = "repealed"
        elif validity != "valid":
            validity_date = generated + datetime.timedelta(days=rng.randint(30, 1500))
        mode = rng.choices(["proactive", "on_request", "not_disclosed"], [90, 8, 2])[0]
        title = f"{agency.short_name}基准文件第{n}号"
        items.append(
            CatalogueItemPage(
                title=title,
                draft_title=title,
                slug=f"bench-{n}",
                locale_id=catalogue.locale_id,
                numchild=0,
                live=live,
                has_unpublished_changes=not live,
                first_published_at=published_at,
                last_published_at=published_at,
                agency=agency,
                index_number=f"{agency.org_code}-bench-{n}" if live else None,
                summary="基准测试条目的内容概述。",
                generated_date=generated,
                published_at=published_at,
                category=category,
                genre=genre,
                art20_item=category.art20_item,
                disclosure_mode=mode,
                disclosure_note="" if mode == "proactive" else "依申请公开。",
                non_disclosure_reason="third_party" if mode == "not_disclosed" else "",
                validity=validity,
                validity_date=validity_date,
                body="<p>正文内容。</p>",
            )
        )
        if len(items) == 5000:
            flush()
    flush()


def generate_appeals(rng, agency, count, first, today):
    from disclosure.requests.models import AppealCase

    cases = []
    for n in range(count):
        kind = rng.choice(APPEAL_KINDS)
        filed = random_day(rng, first, today)
        result, concluded = "pending", None
        if rng.random() < 0.85:
            result = rng.choices(["upheld", "corrected", "other"], [70, 15, 15])[0]
            concluded = filed + datetime.timedelta(days=rng.randint(20, 300))
            if concluded > today:
                result, concluded = "pending", None
            elif rng.random() < 0.05:
                concluded = None  # a result recorded without its date
        cases.append(
            AppealCase(
                agency=agency,
                kind=kind,
                case_number=f"{agency.short_name}案{n}",
                body="青溪县人民政府" if kind == "review" else "青溪县人民法院",
                filed_on=filed,
                result=result,
                concluded_on=concluded,
                co_defendant_only=kind != "review" and rng.random() < 0.1,
            )
        )
    AppealCase.objects.bulk_create(cases)


def generate(args, first, today, seed=17):
    from django.db import connection
    from wagtail.models import Page

    from disclosure.models import CatalogueItemPage, DisclosureRequest
    from disclosure.requests.models import AppealCase

    rng = random.Random(seed)
    (agency, catalogue), (other, other_catalogue) = make_agencies(2)
    for who, where, share in ((agency, catalogue, 1), (other, other_catalogue, OTHER_AGENCY_SHARE)):
        generate_requests(rng, who, args.requests // share, first, today)
        generate_items(rng, who, where, args.items // share, first, today)
        generate_appeals(rng, who, args.appeals // share, first, today)
    with connection.cursor() as cursor:
        for model in (DisclosureRequest, CatalogueItemPage, Page, AppealCase):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return agency


# ---------------------------------------------------------------------------------------------
# The naive computation: every row of the agency loaded and counted in Python, per cell.


def naive(fmt, agency, year):
    """{cell code: count} for every cell counted from data, totals included, from the rules alone."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    counted = Counter()
    _naive_requests(counted, fmt, agency, start, end)
    _naive_appeals(counted, agency, start, end)
    _naive_catalogue(counted, fmt, agency, start, end)
    return counted


def _naive_requests(counted, fmt, agency, start, end):
    from disclosure.models import DisclosureRequest

    # The format says which row counts which outcome (the 2019 format has one （六）其他处理 row for
    # three) and whether there is a 总计 row; everything else is decided here, per request.
    row_of = {outcome: cell.row.code for cell in fmt.cells_of("t3") for outcome in cell.row.outcomes}
    totals = ["total"] if "t3:total:total" in fmt.cells else []
    for request in DisclosureRequest.objects.filter(agency=agency):
        if request.state == "discarded" or request.received_on is None or request.received_on > end:
            continue
        decided = request.decided_on
        if decided is not None and decided < start:
            continue
        rows = ["new" if request.received_on >= start else "carried_in"]
        if decided is not None and decided <= end:
            rows += [row_of[request.outcome], *totals]
        else:
            rows.append("carried_out")
        for row in rows:
            for column in (request.applicant_type, "total"):
                counted[f"t3:{row}:{column}"] += 1


def _naive_appeals(counted, agency, start, end):
    from disclosure.requests.models import AppealCase

    for case in AppealCase.objects.filter(agency=agency):
        if case.co_defendant_only or not start <= case.filed_on <= end:
            continue
        concluded = case.result != "pending" and (case.concluded_on is None or case.concluded_on <= end)
        for column in (case.result if concluded else "pending", "total"):
            counted[f"t4:{case.kind}:{column}"] += 1


def _naive_catalogue(counted, fmt, agency, start, end):
    from django.utils import timezone

    from disclosure.models import CatalogueItemPage

    rows = {}
    for cell in fmt.cells_of("t2"):
        if cell.source == "catalogue" and cell.column.measure:
            rows.setdefault(cell.row, []).append(cell)
    zone = timezone.get_default_timezone()
    items = CatalogueItemPage.objects.filter(agency=agency).select_related("category__parent__parent", "genre")
    for item in items:
        if not item.live:
            continue
        names, category = set(), item.category
        while category is not None:
            names.add(category.name)
            category = category.parent
        if item.genre is not None:
            names.add(item.genre.name)
        gone = item.validity in ("repealed", "lapsed")
        published = timezone.localtime(item.published_at, zone).date() if item.published_at else None
        public = item.disclosure_mode != "not_disclosed"
        holds = {
            "issued": start <= item.generated_date <= end,
            "decisions": start <= item.generated_date <= end,
            "repealed": gone and item.validity_date is not None and start <= item.validity_date <= end,
            "in_force": item.generated_date <= end
            and not (gone and (item.validity_date is None or item.validity_date <= end)),
            "published": public and published is not None and start <= published <= end,
            "total_public": public and published is not None and published <= end,
        }
        for row, cells in rows.items():
            if names & set(row.catalogue_names):
                for cell in cells:
                    counted[cell.code] += holds[cell.column.measure]


def expected(fmt, counted):
    """The figure each cell of the report should show: the naive count, blank where entered by hand."""
    unknown = set(counted) - set(fmt.cells)
    assert not unknown, f"the naive count names cells the format lacks: {sorted(unknown)[:5]}"
    return {code: None if cell.source == "entered" else counted.get(code, 0) for code, cell in fmt.cells.items()}


def shown(report):
    from disclosure.reports import figures

    return {code: None if value is None else int(value) for code, value in figures.values(report).items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--appeals", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--naive-repeat", type=int, default=3)
    parser.add_argument("--format", help="report format version (default: the one in force for the year)")
    parser.add_argument("--keep", action="store_true", help="keep the generated database and reuse it next time")
    args = parser.parse_args()

    from celery import current_app
    from django.utils import timezone

    from disclosure.models import AgencyPage, DisclosureRequest
    from disclosure.reports import drafting, figures, tables
    from disclosure.reports.models import AnnualReport
    from disclosure.reports.period import Period
    from disclosure.reports.tables import appeals, applications, proactive

    current_app.conf.task_always_eager = False  # the agencies' search-index updates are not measured

    today = timezone.localdate()
    year = today.year - 1  # last year's report: requests from the year before it to today
    first = datetime.date(year - 1, 1, 1)
    with fresh_database(keep=args.keep) as vendor:
        if DisclosureRequest.objects.count() < args.requests:
            start = time.perf_counter()
            agency = generate(args, first, today)
            print(
                f"[{vendor}] generated {args.requests} requests, {args.items} items and {args.appeals} cases "
                f"in {time.perf_counter() - start:.0f} s"
            )
        else:
            agency = AgencyPage.objects.filter(title__startswith="青溪县基准测试局").order_by("pk").first()
        AnnualReport.objects.filter(agency=agency, year=year).delete()
        report = drafting.start_report(agency, year, format_version=args.format)
        fmt = report.format
        settings = figures.row_settings(agency)
        sources = figures.sources(report, settings)

        reference = naive(fmt, agency, year)
        want = expected(fmt, reference)
        assert shown(report) == want, {c: (v, want[c]) for c, v in shown(report).items() if v != want[c]}
        computed, _notes = tables.compute(fmt, agency, year, settings, sources)
        assert computed == {code: want[code] for code in computed}, "tables.compute differs from the naive count"
        print(
            f"[{vendor}] {year} report of {agency.title} ({fmt.code}): "
            f"{sum(1 for value in want.values() if value)} of {len(want)} cells non-zero, each equal to the naive count"
        )

        cells = {
            source: [c for c in fmt.cells.values() if sources[c.code] == source]
            for source in ("requests", "appeals", "catalogue")
        }
        period = Period(year)
        measured = {
            "recompute (all tables, figures stored)": lambda: figures.recompute(report),
            "tables.compute": lambda: tables.compute(fmt, agency, year, settings, sources),
            "  表三 applications": lambda: applications.compute(cells["requests"], [agency.pk], period),
            "  表四 appeals": lambda: appeals.compute(cells["appeals"], [agency.pk], period),
            "  表二 proactive": lambda: proactive.compute(cells["catalogue"], agency, period, settings),
        }
        print(f"[{vendor}] {'computation':<40} {'med / p95 ms':>20}")
        results = {}
        for name, function in measured.items():
            results[name] = timed(function, args.repeat)
            print(f"[{vendor}] {name:<40} {results[name][0]:>9.1f} / {results[name][1]:>8.1f}")
        slow = timed(lambda: naive(fmt, agency, year), args.naive_repeat)
        print(f"[{vendor}] {'naive per-row ORM count':<40} {slow[0]:>9.1f} / {slow[1]:>8.1f}")
        fast = results["recompute (all tables, figures stored)"]
        print(f"[{vendor}] naive / recompute (medians): {slow[0] / fast[0]:.0f}x")
        print(
            f"[{vendor}] p95 of recompute: {fast[1]:.1f} ms (target < 2000 ms) -> {'met' if fast[1] < 2000 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
