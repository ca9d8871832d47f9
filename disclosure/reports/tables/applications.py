"""表三 (收到和处理政府信息公开申请情况) from the request desk, in two GROUP BY queries.

What counts, for a period of one calendar year:

- A request exists for the report from its date of receipt (``received_on``): online
  submissions whose receipt was never confirmed (SUBMITTED, no ``received_on``) and
  submissions discarded as not being applications (DISCARDED) never count.
- 一 本年新收: received within the year.
- 二 上年结转: received before the year and not decided before it.
- 三 (一)–(六): decided within the year (``decided_on``), in the row of its outcome; (七) 总计
  is the sum of those rows (a ``sum`` cell of the format).
- 四 结转下年度继续办理: received by the year's end and not decided by it.

So for every column 一 + 二 = 三(七) + 四 holds by construction on computed figures: both
sides count the requests received by the year's end and not decided before it. A request
received in December and decided in January (an extension over New Year, say) is 一 and 四
of its first year, 二 and 三 of the next. A transferred application (Art 36(五)) is the first
agency's 三(四)1 and, once its receipt is confirmed, the second agency's 一.
"""

from collections import Counter

from django.db.models import Count, Q

from ...requests.choices import RequestState
from ...requests.models import DisclosureRequest


def _requests(agency_ids, period):
    """The requests that matter for the year: received by its end, not decided before its start."""
    return (
        DisclosureRequest.objects.filter(agency_id__in=agency_ids, received_on__lte=period.end)
        .exclude(state=RequestState.DISCARDED)
        .exclude(decided_on__lt=period.start)
        .order_by()
    )


def counts(agency_ids, period):
    """{(measure, applicant_type): n} for new / carried_in / carried_out, and {(outcome, applicant_type): n}."""
    requests = _requests(agency_ids, period)
    flows = Counter()
    for row in requests.values("applicant_type").annotate(
        new=Count("pk", filter=Q(received_on__gte=period.start)),
        carried_in=Count("pk", filter=Q(received_on__lt=period.start)),
        carried_out=Count("pk", filter=Q(decided_on__isnull=True) | Q(decided_on__gt=period.end)),
    ):
        for measure in ("new", "carried_in", "carried_out"):
            flows[measure, row["applicant_type"]] += row[measure]
    outcomes = Counter()
    decided = requests.filter(decided_on__gte=period.start, decided_on__lte=period.end)
    for row in decided.values("applicant_type", "outcome").annotate(n=Count("pk")):
        outcomes[row["outcome"], row["applicant_type"]] += row["n"]
    return flows, outcomes


def compute(cells, agency_ids, period):
    """{cell code: count} for the format's ``requests`` cells."""
    flows, outcomes = counts(agency_ids, period)
    values = {}
    for cell in cells:
        applicant = cell.column.applicant_type
        if cell.row.measure == "outcome":
            values[cell.code] = sum(outcomes[outcome, applicant] for outcome in cell.row.outcomes)
        else:
            values[cell.code] = flows[cell.row.measure, applicant]
    return values
