"""Graded nDCG@k, recall@k and MRR per kind of query, for the relevance test and bench/search.py.

A query judged with no relevant document at all (nonsense, a number nobody issued) has one
right answer: an empty result list. Its kind is measured by ``empty_rate`` (the share of its
queries that returned nothing) and left out of the ranking means, where it would only add noise.
"""

import math
from dataclasses import dataclass, field


def recall_at(ranked, grades, k=10):
    relevant = {key for key, grade in grades.items() if grade >= 1}
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked, grades, k=10):
    """1/rank of the first document graded 2 (what the citizen is looking for) within the first k."""
    for rank, key in enumerate(ranked[:k], start=1):
        if grades.get(key, 0) >= 2:
            return 1 / rank
    return 0.0


def _dcg(gains):
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at(ranked, grades, k=10):
    """Graded nDCG: gain 2^grade − 1, log2 discount; the ideal ranking is the judged grades, best first."""
    ideal = _dcg(sorted((2**grade - 1 for grade in grades.values()), reverse=True)[:k])
    return _dcg([2 ** grades.get(key, 0) - 1 for key in ranked[:k]]) / ideal if ideal else 0.0


@dataclass
class Row:
    query: str
    kind: str
    ranked: list  # the keys returned, best first (all of them, not just the first k)
    ndcg: float | None = None  # all three None: the query must return nothing
    recall: float | None = None
    rr: float | None = None

    @property
    def expects_nothing(self):
        return self.ndcg is None

    @property
    def returned_nothing(self):
        return not self.ranked


@dataclass
class Scores:
    queries: int = 0
    ndcg: float | None = None
    recall: float | None = None
    mrr: float | None = None
    empty_rate: float | None = None


def _scores(rows):
    graded = [row for row in rows if not row.expects_nothing]
    empty = [row for row in rows if row.expects_nothing]
    scores = Scores(queries=len(rows))
    if graded:
        scores.ndcg = sum(row.ndcg for row in graded) / len(graded)
        scores.recall = sum(row.recall for row in graded) / len(graded)
        scores.mrr = sum(row.rr for row in graded) / len(graded)
    if empty:
        scores.empty_rate = sum(row.returned_nothing for row in empty) / len(empty)
    return scores


@dataclass
class Evaluation:
    rows: list
    overall: Scores = field(default_factory=Scores)
    kinds: dict = field(default_factory=dict)  # kind -> Scores, in the order the kinds first appear

    def failures(self, kind):
        return [row for row in self.rows if row.kind == kind and row.expects_nothing and not row.returned_nothing]


def _parts(judgement):
    if isinstance(judgement, tuple):
        query, grades, *kind = judgement
        return query, grades, kind[0] if kind else "topic"
    return judgement.query, judgement.grades, judgement.kind


def evaluate(search, judged, k=10):
    """``search(query) -> ranked document keys``; ``judged``: Judgement objects or (query, grades[, kind])."""
    rows = []
    for judgement in judged:
        query, grades, kind = _parts(judgement)
        ranked = list(search(query))
        if grades:
            rows.append(
                Row(
                    query,
                    kind,
                    ranked,
                    ndcg_at(ranked, grades, k),
                    recall_at(ranked, grades, k),
                    reciprocal_rank(ranked, grades, k),
                )
            )
        else:
            rows.append(Row(query, kind, ranked))
    kinds = {}
    for row in rows:
        kinds.setdefault(row.kind, []).append(row)
    return Evaluation(rows, _scores(rows), {kind: _scores(members) for kind, members in kinds.items()})


def table(evaluations, title=""):
    """Per-kind figures of one or more named evaluations side by side: {name: Evaluation} -> text."""
    names = list(evaluations)
    kinds = list(dict.fromkeys(kind for evaluation in evaluations.values() for kind in evaluation.kinds))
    columns = ("nDCG@10", "R@10", "MRR", "empty")
    head = f"{title:<16}{'queries':>8}" + "".join(f" | {name[:27]:^27}" for name in names)
    sub = f"{'kind':<16}{'':>8}" + " | ".join([""] + [" ".join(f"{c:>6}" for c in columns)] * len(names))
    lines = [head, sub]

    def cell(value):
        return f"{value:>6.3f}" if value is not None else f"{'–':>6}"

    for kind in [*kinds, "overall"]:
        scores = [
            evaluation.overall if kind == "overall" else evaluation.kinds.get(kind, Scores())
            for evaluation in evaluations.values()
        ]
        line = f"{kind:<16}{scores[0].queries:>8}"
        for score in scores:
            line += " | " + " ".join(cell(value) for value in (score.ndcg, score.recall, score.mrr, score.empty_rate))
        lines.append(line)
    return "\n".join(lines)
