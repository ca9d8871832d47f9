"""The 21 outcomes of report table 三: each can be decided through the desk from a state where the law
allows it, and the request records exactly that outcome (no free text, no other row)."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from disclosure.requests import transitions
from disclosure.requests.choices import EventKind, Outcome, OutcomeGroup, RequestState
from disclosure.requests.models import DisclosureRequest, ReleasedFile

from .desk import RequestDesk, form_errors
from .helpers import handler_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]


def awaiting_supplement(request, handler):
    today = timezone.localdate()
    transitions.request_supplement(
        request, handler, what="请写明所需信息的名称或文号。", applicant_due=today + datetime.timedelta(days=10)
    )


def supplement_window_over(request, handler):
    awaiting_supplement(request, handler)
    # Ten days later: the applicant's date to supplement has passed.
    DisclosureRequest.objects.filter(pk=request.pk).update(
        applicant_due=timezone.localdate() - datetime.timedelta(days=1)
    )


def fee_notified(request, handler):
    transitions.notify_fee(request, handler, amount=100)


def redacted_file(request, handler):
    ReleasedFile.objects.create(
        request=request,
        title="招标文件（区分处理）",
        original=b"%PDF-1.4 original",
        original_name="招标文件.pdf",
        content_type="application/pdf",
        redactions=[{"page": 1, "rect": [72, 60, 200, 80], "reason": "third_party"}],
        redacted=b"%PDF-1.4 redacted",
    )


#: What each outcome needs first; the others are decided straight from 办理中.
PRECONDITIONS = {
    Outcome.PARTLY_DISCLOSED: redacted_file,
    Outcome.STILL_UNCLEAR: awaiting_supplement,
    Outcome.NO_SUPPLEMENT: supplement_window_over,
    Outcome.FEE_UNPAID: fee_notified,
}


def test_the_desk_offers_the_21_outcomes_grouped_as_the_report_groups_them(client, agency):
    handler = handler_of(agency)
    request = registered(agency, handler, timezone.localdate())
    html = RequestDesk(client).login(handler).detail(request).content.decode()
    assert len(Outcome) == 21
    for outcome in Outcome:
        assert f'value="{outcome.value}"' in html
    assert html.count("<optgroup") >= len(OutcomeGroup)


@pytest.mark.parametrize("outcome", list(Outcome), ids=[outcome.value for outcome in Outcome])
@override_settings(GONGKAI_DISCLOSURE={"REQUEST_FEES_ENABLED": True})
def test_each_outcome_is_decided_and_recorded_exactly(client, agency, outcome):
    handler = handler_of(agency)
    request = registered(agency, handler, timezone.localdate())
    transitions.start(request, handler)
    PRECONDITIONS.get(outcome, lambda *args: None)(request, handler)
    response = (
        RequestDesk(client)
        .login(handler)
        .act(
            request,
            "decide",
            outcome=outcome.value,
            legal_basis="《中华人民共和国政府信息公开条例》第三十六条",
            already_public_at="县政府门户网站" if outcome == Outcome.DISCLOSED else "",
        )
    )
    assert response.status_code == 302, form_errors(response)
    request.refresh_from_db()
    assert (request.state, request.outcome) == (RequestState.DECIDED, outcome.value)
    event = request.events.exclude(kind=EventKind.NOTICE_SENT).last()
    assert (event.kind, event.data["outcome"]) == (EventKind.DECIDED, outcome.value)
    assert request.get_outcome_display() == outcome.label
