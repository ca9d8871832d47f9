"""表四 (政府信息公开行政复议、行政诉讼情况) from the register of cases, in one GROUP BY query.

Which year a case belongs to: the year it was **filed** (``filed_on``) — the reading most
agencies follow, since the table has no carry-over row. Its result is the result **as of the
year's end**: a case concluded on or before 31 December counts under 维持 / 纠正 / 其他, a
case still open then — even one concluded in January before the report is written — counts
under 尚未审结, so a report computed late gives the same figures as one computed on time. A
result recorded without a conclusion date is taken as reached within the year.

Lawsuits where this agency is only a co-defendant as the reconsideration body
(``co_defendant_only``) are not counted: 国办公开办函〔2016〕201号 has only the original acting
agency count them.
"""

from collections import Counter

from django.db.models import Case, CharField, Count, F, Q, Value, When

from ...requests.choices import AppealResult
from ...requests.models import AppealCase


def counts(agency_ids, period):
    """{(kind, result as of the year's end): n}."""
    concluded = ~Q(result=AppealResult.PENDING) & (Q(concluded_on__isnull=True) | Q(concluded_on__lte=period.end))
    rows = (
        AppealCase.objects.filter(
            agency_id__in=agency_ids,
            filed_on__gte=period.start,
            filed_on__lte=period.end,
            co_defendant_only=False,
        )
        .order_by()
        .annotate(
            result_at_year_end=Case(
                When(concluded, then=F("result")), default=Value(AppealResult.PENDING), output_field=CharField()
            )
        )
        .values("kind", "result_at_year_end")
        .annotate(n=Count("pk"))
    )
    return Counter({(row["kind"], row["result_at_year_end"]): row["n"] for row in rows})


def compute(cells, agency_ids, period):
    """{cell code: count} for the format's ``appeals`` cells."""
    found = counts(agency_ids, period)
    return {cell.code: found[cell.row.appeal_kind, cell.column.result] for cell in cells}
