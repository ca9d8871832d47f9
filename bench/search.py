"""Search quality and speed: Gongkai's segmenting backend beside plain Wagtail's database backend.

    .venv/bin/python bench/search.py [--items 100000] [--repeat 40]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/search.py

1. Relevance: the written test set of tests/search/relevance (257 documents, 13 of them
   with an attachment; 148 queries of eight kinds: 83 topic, 5 文号, 13 colloquial, 11
   homophone, 7 one-character variant, 13 answered in an attachment, 10 nonsense and 6
   unissued 文号/索引号) is published as pages. Per kind, graded nDCG@10, recall@10 and MRR
   are printed — and for the kinds that must find nothing, the share that did find nothing
   — for Gongkai's public search and for the plain-Wagtail way (``Page.objects.live().search(q)``
   on Wagtail's own database backend, then the visibility rule).
2. Scale: ``--items`` generated public documents; the index build time, the time to count
   the index vocabulary (what the reconcile task does at most hourly), and the median / p95
   latency of (a) one-word, (b) multi-word and (c) filtered + faceted queries, for plain
   Wagtail's backend and for Gongkai's, on the same rows, and for Gongkai (d) queries with
   a slip that the vocabulary corrects (招升-style). For Gongkai (a)/(b)/(d) are the whole
   pipeline (``run_search`` without facets: correction, word weights, the soft query, the
   ranked and reranked first page, the total); for plain Wagtail the backend's ranked first
   page with its total. (c) is everything the search page needs: filters, the ranked first
   page, the total and all six facets. Targets at 100,000 items on PostgreSQL: p95 < 50 ms
   for (a)/(b), < 200 ms for (c) and (d).
"""

import argparse
import contextlib
import datetime
import random
import time
import uuid

from harness import fresh_database, timed

PLAIN = "wagtail.search.backends.database"

ONE_WORD = ["课后服务", "防汛", "营商环境", "医保", "耕地保护", "水价", "传染病", "低保", "乡村振兴", "食堂"]
MULTI_WORD = [
    "义务教育 招生入学",
    "家庭医生签约服务工作方案",
    "安全生产 大检查 通知",
    "城区供水管网改造 停水",
    "政府信息公开 年度报告",
    "高标准农田建设 实施意见",
    "药品集中采购 医疗服务价格",
    "农村人居环境 整治 方案",
]


def relevance():
    """Gongkai's and plain Wagtail's evaluations (``tests.search.relevance.metrics.Evaluation``)."""
    from wagtail.models import Page

    from disclosure.api import public_pages
    from search.documents.rebuild import index_objects
    from search.service import run_search
    from tests.search.relevance.corpus import judged
    from tests.search.relevance.loading import publish_corpus
    from tests.search.relevance.metrics import evaluate

    keys = publish_corpus()

    def gongkai(query):
        # A page outside the corpus (an agency page, say) still counts as a result.
        return [keys.get(hit.document.pk, f"page {hit.document.pk}") for hit in run_search(query, log=False).hits]

    ours = evaluate(gongkai, judged())

    from modelsearch.backends import get_search_backend

    plain_backend = get_search_backend(PLAIN)
    for model in {type(page) for page in Page.objects.filter(pk__in=keys).specific()}:
        index_objects(model, model.objects.filter(pk__in=keys), backend=plain_backend)

    def plain(query):
        ranked = [page.pk for page in Page.objects.live().search(query, backend=PLAIN)[:200]]
        visible = set(public_pages(Page.objects.filter(pk__in=ranked)).values_list("pk", flat=True))
        return [keys[pk] for pk in ranked if pk in visible and pk in keys][:10]

    theirs = evaluate(plain, judged())
    return ours, theirs


def generate(items, seed=11):
    """``items`` public documents (and the bare page rows they belong to), in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from cms.demo.texts import SUBJECTS, body_for, summary_for, title_for
    from disclosure.catalogue.choices import Validity
    from disclosure.models import AnnouncementPage, CatalogueItemPage, Genre
    from search.documents.models import DocumentKind, PublicDocument
    from tests import factories

    rng = random.Random(seed)
    agencies = [factories.make_agency(title=f"青溪县规模测试局{n}", short_name=f"规模{n}") for n in range(12)]
    categories = {agency.pk: list(agency.catalogue_categories.values_list("pk", "name")) for agency in agencies}
    genres = list(Genre.objects.values_list("pk", flat=True))
    # Live, so that the generated pages are public: the search re-checks what it shows (still_public).
    parent = factories.home().add_child(instance=Page(title="规模测试", slug="bench-scale", live=True))
    locale = Locale.get_default()
    types = {
        DocumentKind.CATALOGUE: ContentType.objects.get_for_model(CatalogueItemPage),
        DocumentKind.ANNOUNCEMENT: ContentType.objects.get_for_model(AnnouncementPage),
    }
    step = 5000
    for start in range(0, items, step):
        pages, documents = [], []
        for n in range(start, min(items, start + step)):
            agency = agencies[n % len(agencies)]
            kind = DocumentKind.CATALOGUE if n % 4 else DocumentKind.ANNOUNCEMENT
            year = rng.choice([2021, 2022, 2023, 2024, 2025, 2026])
            genre_name, subject, title = title_for(rng, rng.choice(list(SUBJECTS)), agency.short_name, year)
            title = f"{title}（{n}）"
            page = Page(
                title=title,
                draft_title=title,
                slug=f"s{n}",
                path=parent.path + Page._int2str(n + 1).rjust(Page.steplen, "0"),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}s{n}/",
                live=True,
                content_type=types[kind],
                locale=locale,
                translation_key=uuid.uuid4(),
            )
            pages.append(page)
            category = rng.choice(categories[agency.pk]) if kind == DocumentKind.CATALOGUE else (None, "")
            published = timezone.make_aware(datetime.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 9))
            number = f"青规发〔{year}〕{n}号" if kind == DocumentKind.CATALOGUE and n % 3 == 0 else ""
            documents.append(
                dict(
                    kind=kind,
                    title=title,
                    url=f"/bench/s{n}/",
                    summary=summary_for(subject, genre_name),
                    body=body_for(rng, agency.title, subject, genre_name).replace("<p>", "").replace("</p>", "\n"),
                    doc_number=number,
                    agency=agency,
                    agency_name=agency.title,
                    category_id=category[0],
                    category_name=category[1],
                    genre_id=rng.choice(genres) if kind == DocumentKind.CATALOGUE else None,
                    validity=rng.choice([Validity.VALID] * 9 + [Validity.REPEALED]) if kind == "catalogue" else "",
                    published_at=published,
                    year=year,
                )
            )
        created = Page.objects.bulk_create(pages)
        PublicDocument.objects.bulk_create(
            [PublicDocument(page_id=page.pk, **fields) for page, fields in zip(created, documents, strict=True)]
        )
    Page.objects.filter(pk=parent.pk).update(numchild=items)
    return agencies


#: Slips a citizen makes on the generated texts' words: each is corrected from the vocabulary.
SLIPS = ["课后服物", "防讯", "营商坏境", "医宝", "底保", "耕地保户", "乡村振新", "传染并", "水价调正", "食唐"]


def latency(backend_path, agencies, repeat, faceted_too):
    from search.documents.models import PublicDocument
    from search.service import filtered_documents, run_search

    def capped(function):
        """A statement cancelled by ``statement_timeout`` is timed, not fatal."""
        from django.db import OperationalError

        def call(*args):
            try:
                function(*args)
            except OperationalError:
                pass

        return call

    @capped
    def ranked_page(query):
        if faceted_too:
            # Gongkai's whole pipeline: correction, weights, the soft query, ranking, reranking, total.
            run_search(query, log=False, facets=False)
            return
        results = PublicDocument.objects.all().search(query, backend=backend_path)
        list(results[:10])
        results.count()

    rows = {}
    groups = [("(a) one word", ONE_WORD), ("(b) multi-word", MULTI_WORD)]
    if faceted_too:
        groups.append(("(d) slip, corrected", SLIPS))
    for label, queries in groups:
        cycle = iter(queries * repeat)
        rows[label] = timed(lambda c=cycle: ranked_page(next(c)), repeat * 2)
    agency = agencies[0]
    filters = [{"agency": agency.pk, "year": 2024}, {"kind": "catalogue", "validity": "valid"}, {"year": 2025}]
    cycle = iter([(q, f) for q in ONE_WORD + MULTI_WORD for f in filters] * repeat)
    if faceted_too:
        rows["(c) filtered + facets"] = timed(lambda: run_search(*next(cycle), log=False), repeat * 2)
    else:
        from modelsearch.backends import get_search_backend

        backend = get_search_backend(backend_path)

        @capped
        def plain_faceted(query, chosen):
            results = backend.search(query, filtered_documents(chosen))
            list(results[:10])
            results.count()
            for field in ("kind", "agency_id", "category_id", "year", "genre_id", "validity"):
                results.facet(field)

        rows["(c) filtered + facets"] = timed(lambda: plain_faceted(*next(cycle)), repeat * 2)
    return rows


@contextlib.contextmanager
def statement_timeout(seconds):
    """Cap each statement on PostgreSQL; a cancelled query is timed at the cap."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = %s", [f"{seconds}s"])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")


def analyze():
    """Refresh the planner's statistics, as autovacuum would after a bulk load."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def build(backend_path):
    from modelsearch.backends import get_search_backend

    from search.documents.models import PublicDocument
    from search.documents.rebuild import index_objects

    start = time.perf_counter()
    index_objects(
        PublicDocument, PublicDocument.objects.order_by("pk").iterator(), backend=get_search_backend(backend_path)
    )
    return time.perf_counter() - start


def vocabulary():
    """The reconcile task's recount of the index vocabulary (weights and corrections), timed."""
    from search.documents.vocabulary import refresh_vocabulary

    start = time.perf_counter()
    words = refresh_vocabulary(force=True)
    return time.perf_counter() - start, words


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--plain-repeat", type=int, default=1, help="samples per plain-Wagtail query (slow)")
    parser.add_argument("--plain-timeout", type=int, default=30, help="seconds per plain-Wagtail query (PostgreSQL)")
    parser.add_argument("--skip-relevance", action="store_true")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="Gongkai only; keep the generated database and its index, and reuse them on the next run",
    )
    parser.add_argument("--reuse-index", action="store_true", help="with --keep: do not rebuild Gongkai's index")
    args = parser.parse_args()

    with fresh_database(keep=args.keep) as vendor:
        if not args.skip_relevance:
            from tests.search.relevance.metrics import table

            ours, theirs = relevance()
            evaluations = {"Gongkai (segmenting)": ours, "plain Wagtail database": theirs}
            for line in table(evaluations, "relevance set").splitlines():
                print(f"[{vendor}] {line}")
            print(f"[{vendor}] (empty: share of the queries that must find nothing which found nothing)", flush=True)

        from disclosure.agencies.models import AgencyPage
        from search.documents.models import PublicDocument

        reuse = args.keep and PublicDocument.objects.count() >= args.items
        start = time.perf_counter()
        if reuse:
            agencies = list(AgencyPage.objects.filter(title__startswith="青溪县规模测试局").order_by("pk"))
        else:
            agencies = generate(args.items)
            analyze()
        print(
            f"[{vendor}] {'reusing' if reuse else 'generated'} {PublicDocument.objects.count()} public documents"
            f" in {time.perf_counter() - start:.0f} s"
        )

        results = {}
        # Gongkai first, so its figures are printed even when plain Wagtail's queries crawl;
        # those are capped at --plain-timeout seconds each on PostgreSQL (a capped query
        # counts as the cap, so plain Wagtail's figures are lower bounds).
        backends = [("Gongkai", "search.backends.database")] + ([] if args.keep else [("plain Wagtail", PLAIN)])
        for name, path in backends:
            if not (reuse and args.reuse_index):
                seconds = build(path)
                analyze()
                print(f"[{vendor}] {name}: index build {seconds:.0f} s for {args.items} documents", flush=True)
                if name == "Gongkai":
                    seconds, words = vocabulary()
                    print(f"[{vendor}] {name}: vocabulary of {words} words counted in {seconds:.0f} s", flush=True)
            if name == "Gongkai":
                rows = latency(path, agencies, args.repeat, faceted_too=True)
            else:
                with statement_timeout(args.plain_timeout):
                    rows = latency(path, agencies, args.plain_repeat, faceted_too=False)
            results[name] = rows
            for label, (median, p95) in rows.items():
                verdict = ""
                if name == "Gongkai":
                    target = 200 if label.startswith(("(c)", "(d)")) else 50
                    verdict = f"   target p95 < {target} ms: {'met' if p95 < target else 'MISSED'}"
                print(f"[{vendor}] {name:<13} {label:<24} {median:>8.1f} / {p95:>8.1f} ms{verdict}", flush=True)

        if args.keep:
            return
        print(f"[{vendor}] {'query (ms)':<24} | {'Gongkai med/p95':>17} | {'plain Wagtail med/p95':>22}")
        for label in results["plain Wagtail"]:
            ours = results["Gongkai"][label]
            plain = results["plain Wagtail"][label]
            print(f"[{vendor}] {label:<24} | {ours[0]:>7.1f} / {ours[1]:>7.1f} | {plain[0]:>10.1f} / {plain[1]:>9.1f}")
        print(f"[{vendor}] (plain Wagtail finds almost nothing in Chinese text, so its latencies rank few rows)")


if __name__ == "__main__":
    main()
