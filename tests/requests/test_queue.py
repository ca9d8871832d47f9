"""The desk's queue: the user's agencies only, soonest due first, and a due filter that agrees with the clock."""

import datetime

import pytest

from disclosure.requests import clock, intake, transitions
from disclosure.requests.clock import DueStatus
from disclosure.requests.queue import QueuePaginator, due_this_week, queue, with_due_status
from tests.requests.helpers import VALID_ID, application_data, day, handler_of, registered

pytestmark = pytest.mark.django_db

TODAY = day("2026-06-15")  # a Monday


@pytest.fixture
def desk(agency, other_agency):
    handler = handler_of(agency)
    second = handler_of(agency)
    requests = {
        "overdue": registered(agency, handler, day("2026-04-01")),
        "at_risk": registered(agency, handler, day("2026-05-20")),
        "normal": registered(agency, second, day("2026-06-10"), channel="letter"),
        "paused": registered(agency, handler, day("2026-06-01")),
        "decided": registered(agency, handler, day("2026-06-01")),
        "other agency's": registered(other_agency, handler_of(other_agency), day("2026-04-01")),
    }
    transitions.consult_third_party(requests["paused"], handler, party="某公司", started_on=day("2026-06-05"))
    transitions.decide(
        requests["decided"], handler, outcome="disclosed", already_public_at="县政府网站", decided_on=day("2026-06-05")
    )
    requests["submitted"] = intake.submit_online(agency, application_data(), id_number=VALID_ID).request
    return {"handler": handler, "second": second, "requests": requests}


def names(desk, rows):
    by_pk = {request.pk: name for name, request in desk["requests"].items()}
    return [by_pk[row.pk] for row in rows]


def test_the_queue_shows_the_users_open_requests_soonest_due_first(desk):
    rows = list(queue(desk["handler"], today=TODAY))
    # A paused request's due date moves on while it waits, so its place is wherever that falls.
    assert [name for name in names(desk, rows) if name != "paused"] == ["overdue", "at_risk", "normal", "submitted"]
    assert "paused" in names(desk, rows)
    dated = [row.due_date for row in rows if row.due_date]
    assert dated == sorted(dated) and rows[-1].due_date is None


def test_the_due_filter_agrees_with_the_clock(desk, agency):
    everything = list(queue([agency], today=TODAY))
    for status in (DueStatus.OVERDUE, DueStatus.AT_RISK, DueStatus.NORMAL, DueStatus.PAUSED, DueStatus.UNKNOWN):
        expected = [request for request in everything if clock.due_status(request, today=TODAY) == status]
        assert list(queue([agency], due=status, today=TODAY)) == expected, status
    assert dict(with_due_status(everything, today=TODAY))[everything[0]] == DueStatus.OVERDUE


def test_filters_by_state_handler_and_channel(desk, agency):
    assert names(desk, queue(agency, state="decided")) == ["decided"]
    assert names(desk, queue(agency, handler=desk["second"])) == ["normal"]
    assert names(desk, queue(agency, handler="none")) == ["submitted"]
    assert names(desk, queue(agency, channel="letter")) == ["normal"]


def test_due_this_week(desk, agency):
    at_risk = desk["requests"]["at_risk"]
    at_risk.refresh_from_db()
    monday = at_risk.due_date - datetime.timedelta(days=at_risk.due_date.weekday())
    assert at_risk in due_this_week(agency, today=monday)


def test_the_paginator_reads_the_same_rows_in_the_same_order(desk, agency):
    rows = list(queue(agency))
    paginator = QueuePaginator(queue(agency), per_page=2)
    assert paginator.count == len(rows) == 5
    assert [row for number in paginator.page_range for row in paginator.page(number).object_list] == rows
    assert paginator.page(1).object_list[0].agency == agency  # the rows come with their agency and handler
