"""recall@k and MRR over graded judgements, for the relevance test and bench/search.py."""


def recall_at(ranked, grades, k=10):
    relevant = {key for key, grade in grades.items() if grade >= 1}
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked, grades, k=10):
    """1/rank of the first document graded 2 (what the citizen is looking for) within the first k."""
    for rank, key in enumerate(ranked[:k], start=1):
        if grades.get(key, 0) >= 2:
            return 1 / rank
    return 0.0


def evaluate(search, judgements, k=10):
    """``search(query) -> ranked document keys``; returns (mean recall@k, MRR, per-query rows)."""
    rows = []
    for query, grades in judgements:
        ranked = search(query)
        rows.append((query, recall_at(ranked, grades, k), reciprocal_rank(ranked, grades, k)))
    recall = sum(row[1] for row in rows) / len(rows)
    mrr = sum(row[2] for row in rows) / len(rows)
    return recall, mrr, rows
