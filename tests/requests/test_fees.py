"""The information-processing fee of 国办函〔2020〕109号: its two progressive scales at every band boundary,
the month's count of one applicant's applications, and the desk's fee form that computes it."""

import datetime
import html
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from stdnum.cn import ric

from disclosure.requests import fees, intake
from disclosure.requests.choices import EventKind, NoticeKind, RequestState
from disclosure.requests.fees import FeeMethod, fee_for, fee_per_application, fee_per_page
from disclosure.requests.models import DisclosureRequest
from disclosure.requests.notices.wiring import notices_suspended

from .desk import RequestDesk, form_errors
from .helpers import application_data, day, handler_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]
FEES = override_settings(GONGKAI_DISCLOSURE={"REQUEST_FEES_ENABLED": True})


def id_number(serial):
    first = f"33010219800101{serial:03d}"
    return first + ric.calc_check_digit(first)


def apply(agency, handler, received_on, applicant=1):
    return intake.register(
        agency,
        handler,
        application_data(description=f"申请公开第{received_on:%m%d}号文件及附件{applicant}。"),
        channel="letter",
        received_on=received_on,
        id_number=id_number(applicant),
    ).request


def applications(agency, handler, count, received_on, applicant=1):
    """``count`` applications of one applicant received on one day (without their receipts, for speed)."""
    with notices_suspended():
        return [apply(agency, handler, received_on, applicant) for _ in range(count)]


@pytest.fixture
def english():
    with translation.override("en"):
        yield


# 按件计收 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "amount"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400), (75, 600)],
)
def test_per_application_each_band_of_the_month_has_its_rate(position, amount):
    assert fee_per_application(position).amount == Decimal(amount)


def test_the_per_application_explanation_lists_the_bands_up_to_the_applications_own(english):
    explanation = fee_per_application(41, day("2026-03-01")).explanation
    assert "application number 41 to this agency in 2026-03" in explanation
    for band in (
        "applications 1–10 of the month are free",
        "applications 11–30 cost 100 yuan each",
        "applications 31–40 cost 200 yuan each",
        "applications 41–50 cost 300 yuan each",
        "each further band of 10 costs 100 yuan more per application",
        "By these rules the fee is 300.00 yuan.",
    ):
        assert band in explanation
    assert "51–60" not in explanation


def test_the_explanation_is_written_in_chinese_for_the_notice():
    with translation.override("zh-hans"):
        explanation = fee_per_application(11, day("2026-03-01")).explanation
    assert "2026年3月" in explanation and "第11–30件" in explanation and "100.00元" in explanation
    assert "。 " not in explanation


def test_the_month_counts_the_applicants_applications_to_the_agency_in_order_of_receipt(agency, other_agency, handler):
    march = applications(agency, handler, 41, day("2026-03-02"))
    counted = {n: fee_for(march[n - 1], FeeMethod.PER_APPLICATION).amount for n in (10, 11, 30, 31, 40, 41)}
    assert counted == {10: 0, 11: 100, 30: 100, 31: 200, 40: 200, 41: 300}


def test_another_month_applicant_or_agency_and_discarded_submissions_start_no_count(agency, other_agency, handler):
    applications(agency, handler, 10, day("2026-03-02"))
    assert fees.position_in_month(apply(agency, handler, day("2026-04-01"))) == 1
    assert fees.position_in_month(apply(agency, handler, day("2026-03-31"), applicant=2)) == 1
    assert fees.position_in_month(apply(other_agency, handler_of(other_agency), day("2026-03-31"))) == 1
    spam = intake.submit_online(agency, application_data(), id_number=id_number(1)).request
    DisclosureRequest.objects.filter(pk=spam.pk).update(state=RequestState.DISCARDED, received_on=day("2026-03-03"))
    eleventh = apply(agency, handler, day("2026-03-31"))
    assert fees.position_in_month(eleventh) == 11
    assert fee_for(eleventh, FeeMethod.PER_APPLICATION).amount == 100


def test_an_applicant_without_an_identity_number_is_counted_alone(agency, handler, english):
    applications(agency, handler, 12, day("2026-03-02"))
    anonymous = apply(agency, handler, day("2026-03-02"))
    DisclosureRequest.objects.filter(pk=anonymous.pk).update(applicant_fingerprint="")
    anonymous.refresh_from_db()
    fee = fee_for(anonymous, FeeMethod.PER_APPLICATION)
    assert fee.amount == 0 and "gave no identity number" in fee.explanation


# 按量计收 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 70 * 10),
        (101, 70 * 10 + 20),
        (200, 70 * 10 + 100 * 20),
        (201, 70 * 10 + 100 * 20 + 40),
        (250, 70 * 10 + 100 * 20 + 50 * 40),
    ],
)
def test_per_page_each_band_is_charged_only_for_its_part(pages, amount):
    assert fee_per_page(pages).amount == Decimal(amount)


def test_the_per_page_explanation_lists_the_bands_and_the_arithmetic(english):
    explanation = fee_per_page(201).explanation
    for text in (
        "This application has 201 pages.",
        "pages 1–30 are free",
        "pages 31–100 cost 10 yuan a page",
        "pages 101–200 cost 20 yuan a page",
        "from page 201 on, 40 yuan a page",
        "pages 31–100: 70 × 10 = 700 yuan",
        "pages 101–200: 100 × 20 = 2000 yuan",
        "pages 201–201: 1 × 40 = 40 yuan",
        "By these rules the fee is 2740.00 yuan.",
    ):
        assert text in explanation


# The desk's fee form ---------------------------------------------------------------------------------


@pytest.fixture
def desk(client, handler):
    return RequestDesk(client).login(handler)


@pytest.fixture
def eleventh(agency, handler):
    """The applicant's eleventh application this month: 100 元 per application."""
    today = timezone.localdate()
    applications(agency, handler, 10, today.replace(day=1))
    return apply(agency, handler, today)


def fee_event(request):
    return request.events.get(kind=EventKind.FEE_NOTIFIED)


def test_the_fee_form_offers_both_methods_and_shows_the_computed_fee_as_its_default(desk, eleventh):
    with FEES:
        page = html.unescape(desk.detail(eleventh).content.decode())
    assert 'name="notify_fee-method"' in page and 'value="per_page"' in page and 'name="notify_fee-pages"' in page
    assert 'placeholder="100.00"' in page


def test_an_empty_amount_is_the_computed_fee_and_the_notice_explains_it(desk, eleventh):
    with FEES:
        response = desk.act(eleventh, "notify_fee", method=FeeMethod.PER_APPLICATION, amount="")
    assert response.status_code == 302, form_errors(response)
    eleventh.refresh_from_db()
    assert (eleventh.state, eleventh.fee_amount) == (RequestState.AWAITING_FEE, Decimal("100.00"))
    event = fee_event(eleventh)
    assert event.data["method"] == FeeMethod.PER_APPLICATION and "第11–30件" in event.data["fee_explanation"]
    notice = eleventh.notices.get(kind=NoticeKind.FEE)
    assert "人民币100.00元" in notice.body
    assert "计算方法：" in notice.body and event.data["fee_explanation"] in notice.body


def test_per_page_the_form_needs_the_pages_and_computes_from_them(desk, eleventh):
    with FEES:
        response = desk.act(eleventh, "notify_fee", method=FeeMethod.PER_PAGE, amount="")
        assert response.status_code == 400 and "notify_fee-pages" in response.content.decode()
        assert DisclosureRequest.objects.get(pk=eleventh.pk).state == RequestState.RECEIVED
        response = desk.act(eleventh, "notify_fee", method=FeeMethod.PER_PAGE, pages=45, amount="")
    assert response.status_code == 302, form_errors(response)
    eleventh.refresh_from_db()
    assert eleventh.fee_amount == Decimal("150.00")
    assert fee_event(eleventh).data["pages"] == 45


def test_no_fee_is_notified_where_the_rules_give_none(desk, agency, handler):
    first = apply(agency, handler, timezone.localdate())
    with FEES:
        response = desk.act(first, "notify_fee", method=FeeMethod.PER_APPLICATION, amount="")
    assert response.status_code == 400
    assert "第1–10件免费" in form_errors(response)
    assert DisclosureRequest.objects.get(pk=first.pk).fee_amount is None


def test_another_amount_needs_its_reason_in_the_note(desk, eleventh):
    with FEES:
        response = desk.act(eleventh, "notify_fee", method=FeeMethod.PER_APPLICATION, amount="50")
        assert response.status_code == 400
        assert "100.00" in form_errors(response) and 'value="50"' in response.content.decode()
        response = desk.act(
            eleventh, "notify_fee", method=FeeMethod.PER_APPLICATION, amount="50", note="申请人家庭困难，减半收取。"
        )
    assert response.status_code == 302, form_errors(response)
    eleventh.refresh_from_db()
    assert eleventh.fee_amount == Decimal("50.00")
    event = fee_event(eleventh)
    assert event.note == "申请人家庭困难，减半收取。"
    assert "100.00元" in event.data["fee_explanation"] and "50.00元" in event.data["fee_explanation"]
    assert "人民币50.00元" in eleventh.notices.get(kind=NoticeKind.FEE).body


def test_the_fee_form_is_not_offered_when_fees_are_off(desk, eleventh):
    assert 'name="notify_fee-method"' not in desk.detail(eleventh).content.decode()


def test_the_month_is_the_calendar_month_of_receipt():
    assert fees.month_of(day("2026-12-31")) == (day("2026-12-01"), datetime.date(2027, 1, 1))
