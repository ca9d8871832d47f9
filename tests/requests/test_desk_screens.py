"""What the desk's screens tell their users, as found in a walk through the demo: a refused action says
so at the top, notice templates show the wording in force, the queue's filters and forms start from
what the request says, registers show dates as dates, and a calendar that stops too early is one
warning with its remedy, not a riddle on every request."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from disclosure.calendar.models import CalendarYear
from disclosure.requests import transitions
from disclosure.requests.choices import AppealKind, DeliveryChannel, NoticeKind, Outcome
from disclosure.requests.models import AppealCase, DisclosureRequest, NoticeTemplate
from disclosure.requests.notices.defaults import DEFAULTS

from .desk import registration_data, submitted
from .helpers import day, handler_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]
FEES = override_settings(GONGKAI_DISCLOSURE={"REQUEST_FEES_ENABLED": True})


def zh(msgid):
    with translation.override("zh-hans"):
        return gettext(msgid)


# A refused action ---------------------------------------------------------------------------------------


def test_a_refused_action_is_announced_at_the_top_with_a_link_to_its_open_form(desk, agency, handler):
    request = submitted(agency)
    response = desk.login(handler).act(request, "discard", note="")
    assert response.status_code == 400
    html = response.content.decode()
    message = "“作废：不属于政府信息公开申请”未完成：请查看下方表单中的错误"
    assert message in html
    assert html.index(message) < html.index('id="clock-section"') < html.index('id="action-discard"')
    assert 'href="#action-discard"' in html
    assert re.search(r'<details[^>]*id="action-discard"[^>]*\sopen', html)
    assert not re.search(r'<details[^>]*id="action-confirm_receipt"[^>]*\sopen', html)


# Notice templates -----------------------------------------------------------------------------------------


def test_the_notice_templates_screen_shows_the_built_in_wording_of_every_kind(desk, agency, handler):
    html = desk.login(handler).client.get(reverse("notice_templates:index")).content.decode()
    section = re.search(r"data-built-in-wordings.*?</section>", html, re.S).group()
    for kind in NoticeKind:
        assert f'data-kind="{kind.value}"' in section and DEFAULTS[kind].title in section
    assert section.count("data-copy-default") == len(NoticeKind)
    assert f"{reverse('notice_templates:add')}?kind=receipt" in section


def test_copy_to_edit_starts_from_the_default_for_the_users_agency(desk, agency, handler):
    response = desk.login(handler).client.get(reverse("notice_templates:add"), {"kind": NoticeKind.EXTENSION})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["kind"].value() == NoticeKind.EXTENSION
    assert form["title"].value() == DEFAULTS[NoticeKind.EXTENSION].title
    assert form["body"].value() == DEFAULTS[NoticeKind.EXTENSION].body
    assert form["agency"].value() == agency.pk
    data = {
        "agency": agency.pk,
        "kind": NoticeKind.EXTENSION,
        "title": form["title"].value(),
        "number_pattern": form["number_pattern"].value(),
        "body": form["body"].value(),
        "review_body": "",
        "court": "",
    }
    assert desk.client.post(reverse("notice_templates:add"), data).status_code == 302
    own = NoticeTemplate.objects.get()
    html = desk.client.get(reverse("notice_templates:index")).content.decode()
    row = re.search(r'<tr data-kind="extension">.*?</tr>', html, re.S).group()
    assert reverse("notice_templates:edit", args=[own.pk]) in row


def test_the_text_field_lists_its_placeholders_and_refuses_others(desk, agency, handler):
    desk.login(handler)
    html = desk.client.get(reverse("notice_templates:add")).content.decode()
    placeholders = re.search(r"<ul class=\"notice-placeholders\" data-placeholders>.*?</ul>", html, re.S).group()
    assert "{{ request_number }}" in placeholders and "{{ extension_days }}" in placeholders

    def post(body, **overrides):
        data = {
            "agency": agency.pk,
            "kind": NoticeKind.RECEIPT,
            "title": "登记回执",
            "number_pattern": "",
            "body": body,
            "review_body": "",
            "court": "",
            **overrides,
        }
        return desk.client.post(reverse("notice_templates:add"), data)

    for body in ("{{ secret }}：您的申请已登记。", "{{ party }}：您的申请已登记。", "{% if %}"):
        response = post(body)
        assert response.status_code == 200 and response.context["form"].errors["body"], body
    assert post("{{ applicant_name }}：已登记。", number_pattern="{serial}号").status_code == 200
    assert not NoticeTemplate.objects.exists()
    assert post("{{ applicant_name }}：您的申请已登记。").status_code == 302


# The queue --------------------------------------------------------------------------------------------------


def test_all_open_requests_include_the_unconfirmed_submissions(desk, agency, handler, today):
    unconfirmed = submitted(agency)
    received = registered(agency, handler, today)
    assert set(desk.login(handler).queue_pks(state="open")) == {unconfirmed.pk, received.pk}


def test_the_handler_filter_names_handlers_as_the_column_does(desk, agency, handler):
    handler.first_name, handler.last_name = "小明", "王"
    handler.save()
    nameless = handler_of(agency, "nameless-handler")
    html = desk.login(handler).queue().content.decode()
    select = re.search(r'<select name="handler".*?</select>', html, re.S).group()
    assert f'value="{handler.pk}">{handler.get_full_name()}</option>' in select
    assert f'value="{nameless.pk}">nameless-handler</option>' in select


def test_the_due_date_label_has_a_chinese_colon(desk, agency, handler, today):
    html = desk.login(handler).detail(registered(agency, handler, today)).content.decode()
    assert zh("Reply due:") == "答复期限：" and "答复期限：" in html and "答复期限:" not in html


# Forms -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "channel,method",
    [
        (DeliveryChannel.POST, "post"),
        (DeliveryChannel.EMAIL, "email"),
        (DeliveryChannel.PICKUP, "in_person"),
        (DeliveryChannel.DOWNLOAD, "download"),
    ],
)
def test_delivery_is_recorded_by_default_as_the_applicant_chose(desk, agency, handler, today, channel, method):
    request = registered(agency, handler, today, delivery_channel=channel)
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    html = desk.login(handler).detail(request).content.decode()
    select = re.search(r'<select name="deliver-method".*?</select>', html, re.S).group()
    assert re.search(rf'<option value="{method}"\s+selected>', select)


def test_staff_registration_asks_for_a_fee_waiver_only_when_fees_are_charged(desk, agency, handler, today):
    desk.login(handler)
    html = desk.client.get(reverse("disclosure_requests:add")).content.decode()
    assert 'name="fee_waiver_requested"' not in html and 'name="fee_waiver_reason"' not in html
    assert not re.search(r'id="\d', html), "an HTML id starting with a digit breaks the admin's section links"
    assert 'id="register-applicant' in html
    response = desk.register(registration_data(agency, today, fee_waiver_requested="on"))
    assert response.status_code == 200 and "查询码" in response.content.decode()
    assert not DisclosureRequest.objects.get().fee_waiver_requested
    with FEES:
        html = desk.client.get(reverse("disclosure_requests:add")).content.decode()
    assert 'name="fee_waiver_requested"' in html and 'name="fee_waiver_reason"' in html


# Appeals -------------------------------------------------------------------------------------------------------


def test_the_appeal_register_shows_dates_as_dates(desk, agency, handler):
    AppealCase.objects.create(
        agency=agency,
        kind=AppealKind.REVIEW,
        case_number="青政复〔2026〕3号",
        body="县政府",
        filed_on=day("2026-05-18"),
        concluded_on=day("2026-07-01"),
    )
    html = desk.login(handler).client.get(reverse("appeal_cases:index")).content.decode()
    assert "2026-05-18" in html and "2026-07-01" in html
    assert "之前" not in html and " ago" not in html


# A calendar that stops too early -----------------------------------------------------------------------------


def test_a_missing_calendar_year_is_one_warning_on_the_dashboard_and_the_queue(desk, agency, handler, today):
    missing = today.year + 1
    CalendarYear.objects.filter(year=missing).delete()
    fine = registered(agency, handler, today)
    html = desk.login(handler).client.get("/admin/").content.decode()
    assert "data-calendar-gap" not in html
    for _ in range(2):
        stuck = registered(agency, handler, today)
        DisclosureRequest.objects.filter(pk=stuck.pk).update(due_date=None, clock_problem="工作日历缺少。")
    warning = f"工作日历缺少 {missing} 年的节假日安排：2 件申请无法计算答复期限"
    for html in (desk.client.get("/admin/").content.decode(), desk.queue().content.decode()):
        assert warning in html
        assert f'href="{reverse("working_calendar:index")}"' in html
    assert "data-calendar-gap" not in desk.login(handler_of(agency)).detail(fine).content.decode()
    assert "data-clock-problem" in desk.detail(stuck).content.decode()
