"""Repeated applications are flagged on intake; information many ask for becomes a draft for 主动公开 (Art 44)."""

import pytest
from django.core.exceptions import PermissionDenied
from stdnum.cn import ric
from wagtail.models import WorkflowState

from disclosure.models import CatalogueItemPage, DisclosureRequest
from disclosure.requests import intake
from disclosure.requests.choices import EventKind
from disclosure.requests.duplicates import popular_topics, propose_proactive_disclosure, similarity
from disclosure.requests.transitions import TransitionRefused
from tests import factories
from tests.requests.helpers import application_data, day, handler_of, registered

pytestmark = pytest.mark.django_db

ROAD = "申请公开2025年城区道路改造工程的招标文件。"


def id_number(serial):
    """A distinct valid 居民身份证 number per ``serial``."""
    first = f"33010219800101{serial:03d}"
    return first + ric.calc_check_digit(first)


def apply(agency, handler, description, applicant=1, received_on="2026-03-02"):
    return intake.register(
        agency,
        handler,
        application_data(description=description),
        channel="in_person",
        received_on=day(received_on),
        id_number=id_number(applicant),
    ).request


def test_the_same_applicant_asking_again_in_other_words_is_flagged(agency):
    handler = handler_of(agency)
    first = apply(agency, handler, ROAD)
    again = apply(agency, handler, "请公开 2025 年城区道路改造工程招标文件", received_on="2026-03-20")
    again.refresh_from_db()
    assert again.duplicate_of == first
    event = again.events.get(kind=EventKind.DUPLICATE_FLAGGED)
    assert event.data["duplicate_of"] == first.number and first.number in event.note
    # The earlier one is not a duplicate of the later one.
    first.refresh_from_db()
    assert first.duplicate_of is None


@pytest.mark.parametrize(
    ("applicant", "description", "same_agency"),
    [
        (2, ROAD, True),  # another applicant
        (1, "申请公开本县2024年义务教育招生划片方案。", True),  # another request
        (1, "申请公开2024年城区道路改造工程的招标文件。", True),  # another year
        (1, ROAD, False),  # another agency
    ],
)
def test_other_applicants_requests_years_and_agencies_are_not_duplicates(
    agency, other_agency, applicant, description, same_agency
):
    apply(agency, handler_of(agency), ROAD)
    target = agency if same_agency else other_agency
    later = apply(target, handler_of(target), description, applicant=applicant)
    later.refresh_from_db()
    assert later.duplicate_of is None
    assert not later.events.filter(kind=EventKind.DUPLICATE_FLAGGED).exists()


def test_online_submissions_are_compared_too(agency):
    first = apply(agency, handler_of(agency), ROAD)
    receipt = intake.submit_online(agency, application_data(description=ROAD), id_number=id_number(1))
    assert DisclosureRequest.objects.get(pk=receipt.request.pk).duplicate_of == first


def test_similarity_ignores_the_phrases_every_application_uses():
    assert similarity(ROAD, "请提供2025年城区道路改造工程招标文件") == 1.0
    assert similarity(ROAD, "申请公开本县2025年义务教育招生划片方案") < 0.2
    assert similarity(ROAD, "申请公开2024年城区道路改造工程的招标文件") == 0


def test_many_applicants_asking_the_same_make_a_popular_topic(agency):
    handler = handler_of(agency)
    wordings = [
        "申请公开青溪县第二中学2025年食堂食材采购合同",
        "请提供县第二中学2025年食堂食材采购的合同",
        "申请公开第二中学2025年食堂食材采购合同及供应商",
    ]
    asked = [apply(agency, handler, text, applicant=n) for n, text in enumerate(wordings, start=1)]
    apply(agency, handler, wordings[0], applicant=1)  # the same applicant again counts once
    apply(agency, handler, "申请公开2025年城区道路改造工程的招标文件", applicant=5)
    apply(agency, handler, "申请公开2025年城区道路改造工程的招标文件", applicant=6)

    topics = popular_topics(agency, since=day("2026-01-01"))
    assert len(topics) == 1  # the road works: only two applicants
    assert topics[0].applicant_count == 3
    assert set(asked) <= set(topics[0].requests) and len(topics[0].requests) == 4
    assert popular_topics(agency, since=day("2026-01-01"), min_applicants=4) == []


def test_proactive_disclosure_drafts_an_item_under_review_without_personal_data(agency, catalogue):
    handler = handler_of(agency)
    request = registered(
        agency,
        handler,
        day("2026-03-02"),
        applicant_name="欧阳明远",
        phone="13912345678",
        description="申请公开青溪县第二中学2025年食堂食材采购合同。本人欧阳明远，电话13912345678，"
        "身份证号11010519491231002X，邮箱oymy@example.com。",
    )
    item = propose_proactive_disclosure(request, handler)

    item = CatalogueItemPage.objects.get(pk=item.pk)
    assert not item.live and item.get_parent().pk == catalogue.pk
    assert item.category.name == "其他" and item.category.parent is None
    assert item.title == "青溪县第二中学2025年食堂食材采购合同"
    text = f"{item.title} {item.summary} {item.body} {item.latest_revision.content}"
    for personal in ("欧阳明远", "13912345678", "11010519491231002X", "oymy@example.com"):
        assert personal not in text
    # Into the agency's 三审, like any item an editor writes.
    assert WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(item.pk)).status == "in_progress"
    event = request.events.get(kind=EventKind.PROACTIVE_DRAFTED)
    assert event.data["page"] == item.pk and event.actor == handler


def test_proactive_disclosure_takes_the_title_given(agency, catalogue):
    handler = handler_of(agency)
    request = registered(agency, handler, day("2026-03-02"))
    item = propose_proactive_disclosure(request, handler, title="城区道路改造工程招标文件")
    assert item.title == "城区道路改造工程招标文件"


def test_proactive_disclosure_needs_a_catalogue_and_a_handler(agency, other_agency):
    handler = handler_of(agency)
    request = registered(agency, handler, day("2026-03-02"))
    with pytest.raises(TransitionRefused):
        propose_proactive_disclosure(request, handler)
    factories.make_catalogue(agency)
    with pytest.raises(PermissionDenied):
        propose_proactive_disclosure(request, handler_of(other_agency))
    assert not CatalogueItemPage.objects.filter(agency=agency).exists()


def test_topics_do_not_depend_on_who_asked_first(agency):
    handler = handler_of(agency)
    # The first and second are less alike than the threshold; the third is like both.
    wordings = [
        "申请公开2026年秋冬季流感疫苗接种点名单、接种时间和收费标准。",
        "请提供本县今年流感疫苗接种点名单和接种收费标准。",
    ]
    wordings.append("申请公开2026年流感疫苗接种点名单及收费标准。")
    for n, text in enumerate(wordings, start=1):
        apply(agency, handler, text, applicant=n)
    (topic,) = popular_topics(agency, since=day("2026-01-01"))
    assert topic.applicant_count == 3 and topic.description == wordings[0]
