"""Art 44 at the desk: "纳入主动公开" on a request's page and on the dashboard's list of information many
people applied for, as handlers meet them in the admin."""

import html as html_module
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from stdnum.cn import ric

from disclosure.models import CatalogueItemPage
from disclosure.requests import intake, transitions
from disclosure.requests.choices import EventKind, Outcome
from disclosure.requests.models import DisclosureRequest

from .desk import RequestDesk, form_errors, refused
from .helpers import application_data, handler_of, leader_of, registered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar_years")]

ACTION = 'data-desk-action="propose_proactive"'
CANTEEN = [
    "申请公开青溪县第二中学2025年食堂食材采购合同",
    "请提供县第二中学2025年食堂食材采购的合同",
    "申请公开第二中学2025年食堂食材采购合同及供应商",
]


def id_number(serial):
    first = f"33010219800101{serial:03d}"
    return first + ric.calc_check_digit(first)


def apply(agency, handler, description, applicant):
    return intake.register(
        agency,
        handler,
        application_data(description=description),
        channel="letter",
        received_on=timezone.localdate(),
        id_number=id_number(applicant),
    ).request


@pytest.fixture
def desk(client, handler):
    return RequestDesk(client).login(handler)


def decided(agency, handler):
    request = registered(agency, handler, timezone.localdate())
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    return DisclosureRequest.objects.get(pk=request.pk)


def drafts_of(agency):
    return CatalogueItemPage.objects.filter(agency=agency)


# On the request's page ---------------------------------------------------------------------------------


def test_the_action_is_offered_once_the_request_is_decided_or_asked_again(desk, agency, handler, catalogue):
    fresh = apply(agency, handler, "申请公开本县2024年义务教育招生划片方案。", applicant=1)
    assert ACTION not in desk.detail(fresh).content.decode()
    assert ACTION in desk.detail(decided(agency, handler)).content.decode()
    again = apply(agency, handler, "请公开本县2024年义务教育招生划片方案", applicant=1)
    assert DisclosureRequest.objects.get(pk=again.pk).duplicate_of == fresh
    assert ACTION in desk.detail(again).content.decode()
    assert ACTION in desk.detail(fresh).content.decode()  # the earlier one has a possible duplicate now


def test_a_leader_reads_the_request_but_cannot_propose(desk, agency, handler, catalogue):
    request = decided(agency, handler)
    desk.login(leader_of(agency))
    assert ACTION not in desk.detail(request).content.decode()
    assert refused(desk.act(request, "propose_proactive"))
    assert not drafts_of(agency).exists()


def test_proposing_creates_a_draft_under_review_and_links_to_its_edit_page(desk, agency, handler, catalogue):
    request = decided(agency, handler)
    response = desk.act(request, "propose_proactive", title="城区道路改造工程招标文件")
    assert response.status_code == 302 and response.url.endswith(f"/admin/requests/{request.pk}/#history")
    (item,) = drafts_of(agency)
    assert item.title == "城区道路改造工程招标文件" and not item.live
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    (message,) = get_messages(response.wsgi_request)
    assert "城区道路改造工程招标文件" in message.message and edit_url in message.message

    page = desk.detail(request).content.decode()
    assert re.search(rf'data-proactive-drafts>.*?href="{edit_url}"', page, re.S)
    event = request.events.get(kind=EventKind.PROACTIVE_DRAFTED)
    assert (event.actor, event.data["page"]) == (handler, item.pk)


def test_the_draft_carries_no_personal_data_when_no_title_is_given(desk, agency, handler, catalogue):
    request = registered(
        agency,
        handler,
        timezone.localdate(),
        applicant_name="欧阳明远",
        description="申请公开青溪县第二中学2025年食堂食材采购合同。本人欧阳明远，电话13800000000。",
    )
    transitions.decide(request, handler, outcome=Outcome.DISCLOSED, already_public_at="县政府网站")
    assert desk.act(request, "propose_proactive", title="").status_code == 302
    (item,) = drafts_of(agency)
    assert item.title == "青溪县第二中学2025年食堂食材采购合同"
    assert "欧阳明远" not in f"{item.title}{item.summary}{item.body}"


def test_without_a_catalogue_the_refusal_is_shown_on_the_form(desk, agency, handler):
    request = decided(agency, handler)
    response = desk.act(request, "propose_proactive", title="城区道路改造工程招标文件")
    assert response.status_code == 400
    assert "城区道路改造工程招标文件" in html_module.unescape(response.content.decode())
    assert form_errors(response)
    assert not request.events.filter(kind=EventKind.PROACTIVE_DRAFTED).exists()


# On the dashboard ------------------------------------------------------------------------------------


def topics(page):
    return re.findall(r'<tr data-topic="(\d+)">(.*?)</tr>', page, re.S)


def test_the_dashboard_lists_what_many_applied_for_with_its_requests_and_the_action(
    desk, agency, other_agency, handler, catalogue
):
    asked = [apply(agency, handler, text, applicant=n) for n, text in enumerate(CANTEEN, start=1)]
    theirs = handler_of(other_agency)
    for n, text in enumerate(CANTEEN, start=1):
        apply(other_agency, theirs, text, applicant=n)

    page = desk.client.get("/admin/").content.decode()
    ((first, row),) = topics(page)
    assert int(first) == asked[0].pk
    for request in asked:
        assert f'href="/admin/requests/{request.pk}/"' in row
    action = reverse("disclosure_requests:act", args=[asked[0].pk, "propose_proactive"])
    assert f'action="{action}"' in row and "csrfmiddlewaretoken" in row

    response = desk.client.post(action)
    assert response.status_code == 302
    (item,) = drafts_of(agency)
    ((_first, row),) = topics(desk.client.get("/admin/").content.decode())
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[item.pk])}"' in row and "<form" not in row


def test_leaders_and_other_agencies_handlers_do_not_get_the_list(desk, agency, other_agency, handler):
    for n, text in enumerate(CANTEEN, start=1):
        apply(agency, handler, text, applicant=n)
    assert topics(desk.client.get("/admin/").content.decode())
    for user in (leader_of(agency), handler_of(other_agency)):
        assert not topics(desk.login(user).client.get("/admin/").content.decode())


def test_a_new_application_shows_in_the_list_at_once(desk, agency, handler):
    for n, text in enumerate(CANTEEN[:2], start=1):
        apply(agency, handler, text, applicant=n)
    assert not topics(desk.client.get("/admin/").content.decode())
    apply(agency, handler, CANTEEN[2], applicant=3)
    assert topics(desk.client.get("/admin/").content.decode())
