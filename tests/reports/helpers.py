"""Builders for annual-report tests: requests go through the desk's intake and transitions with explicit dates."""

from decimal import Decimal

from disclosure.reports import figures
from disclosure.requests import transitions
from disclosure.requests.choices import ApplicantType, Outcome, OutcomeGroup
from disclosure.requests.models import AppealCase
from tests.requests.helpers import day, registered

BASIS = "《中华人民共和国政府信息公开条例》第三十六条"


def received(agency, handler, on, applicant=ApplicantType.PERSON):
    return registered(agency, handler, day(on), applicant_type=applicant)


def decide(request, handler, on, outcome=Outcome.DISCLOSED):
    kwargs = {"already_public_at": "本机关门户网站"} if outcome == Outcome.DISCLOSED else {}
    if Outcome(outcome).group in (OutcomeGroup.NOT_DISCLOSED, OutcomeGroup.UNAVAILABLE, OutcomeGroup.NOT_PROCESSED):
        kwargs["legal_basis"] = BASIS
    transitions.decide(request, handler, outcome=outcome, decided_on=day(on), **kwargs)
    request.refresh_from_db()
    return request


def decided(agency, handler, received_on, decided_on, outcome=Outcome.DISCLOSED, applicant=ApplicantType.PERSON):
    return decide(received(agency, handler, received_on, applicant), handler, decided_on, outcome)


def case(agency, kind, filed, result="pending", concluded=None, **fields):
    return AppealCase.objects.create(
        agency=agency,
        kind=kind,
        case_number=f"案{AppealCase.objects.count() + 1}",
        body="青溪县人民政府",
        filed_on=day(filed),
        result=result,
        concluded_on=day(concluded) if concluded else None,
        **fields,
    )


def shown(report, table=None):
    """{cell code: figure as int (or Decimal for fractions)} of what the report shows; blank as None."""
    result = {}
    for code, value in figures.values(report).items():
        if table and not code.startswith(f"{table}:"):
            continue
        if value is not None and value == value.to_integral_value():
            value = int(value)
        result[code] = value
    return result


def nonzero(report, table):
    return {code: value for code, value in shown(report, table).items() if value not in (None, 0, Decimal(0))}


def with_fees(report, actor, amount=0):
    """表二's 行政事业性收费 is kept outside Gongkai: entered, as every report needs before submission."""
    figures.enter(report, "t2:fees:amount", amount, actor, "县财政局非税收入征管系统")
    report.refresh_from_db()
    return report
