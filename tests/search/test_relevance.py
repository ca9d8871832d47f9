"""Relevance floors for the embedded backend on the written test set (tests/search/relevance/).

The floors sit a little under what Gongkai measured when they were set (see bench/search.py,
which prints both figures next to plain Wagtail's); they only ever go up.
"""

import pytest

from search.service import run_search
from tests.search.relevance.corpus import documents, judgements
from tests.search.relevance.loading import publish_corpus
from tests.search.relevance.metrics import evaluate

# Measured 2026-11-23: SQLite recall@10 0.836, MRR 0.823; PostgreSQL 0.831, 0.911.
RECALL_AT_10_FLOOR = 0.80
MRR_FLOOR = 0.78


def test_the_set_is_big_enough():
    assert len(documents()) >= 200
    assert len(judgements()) >= 40
    queries = [query for query, _ in judgements()]
    assert sum("〔" in q or "[" in q or "(" in q for q in queries) >= 3  # 文号 lookups in several bracket styles


@pytest.mark.django_db
def test_recall_and_mrr_floors():
    keys = publish_corpus()

    def search(query):
        return [keys[hit.document.pk] for hit in run_search(query, log=False).hits]

    recall, mrr, rows = evaluate(search, judgements())
    report = "\n".join(f"{query}\trecall@10={r:.2f}\tRR={rr:.2f}" for query, r, rr in rows)
    print(f"\nrecall@10={recall:.3f} MRR={mrr:.3f}\n{report}")
    assert recall >= RECALL_AT_10_FLOOR, report
    assert mrr >= MRR_FLOOR, report
