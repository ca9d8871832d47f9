"""The demo county (``manage.py seed_demo``) is believable and coherent, checked over every item.

A new user found rules repealed before they were issued, rules "replaced" by unrelated
ones, a 课后服务 办法 filed under 行政处罚, phone numbers of two provinces and "工作工作" in
titles. Each rule below is checked over the whole demo, not over a sample. The demo is
built once for the module (it takes a while) inside a transaction rolled back at the end.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from stdnum.cn import ric
from wagtail.models import Page, Site, TaskState

from cms.demo.codes import AREA_CODE, DIVISION_CODE, POSTCODE
from cms.home.management.commands.seed_demo import DEMO_SEARCHES
from disclosure.document_text import document_text
from disclosure.models import (
    AgencyPage,
    AnnouncementPage,
    AppealCase,
    CatalogueAttachment,
    CatalogueItemPage,
    DisclosureGuidePage,
    DisclosureRequest,
    DisclosureSettings,
    RequestFormPage,
)
from disclosure.requests import clock
from disclosure.requests.choices import ApplicantType, EventKind, IntakeChannel, Outcome, RequestState
from disclosure.requests.duplicates import popular_topics
from disclosure.screening.models import ScreeningReport
from online_interview.models import FollowUp, InterviewPage, Question, ScheduleChange, TranscriptEntry
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The seed_demo output; the demo stays in the database until the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def items(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return list(CatalogueItemPage.objects.select_related("agency", "category", "genre", "replaced_by"))


@pytest.fixture(scope="module")
def attached(demo, django_db_blocker):
    """(attachment, its item, the attachment's text) for every attachment of a live item."""
    with django_db_blocker.unblock():
        rows = CatalogueAttachment.objects.filter(item__live=True).select_related("item", "item__agency", "document")
        return [(row, row.item, document_text(row.document)) for row in rows]


def test_seed_demo_builds_a_believable_county(demo):
    kinds = set(AgencyPage.objects.values_list("kind", flat=True))
    assert AgencyPage.objects.count() >= 4 and len(kinds) >= 4
    assert CatalogueItemPage.objects.live().count() >= 300
    assert DisclosureGuidePage.objects.live().count() == AgencyPage.objects.count()
    assert AnnouncementPage.objects.live().exists()
    assert CatalogueItemPage.objects.filter(index_number__isnull=True, live=True).count() == 0
    assert CatalogueItemPage.objects.exclude(validity="valid").filter(replaced_by__isnull=False).exists()
    assert AgencyPage.objects.filter(parent_agency__isnull=False, kind="township").exists()
    assert "admin / gongkai-demo" in demo
    # Reviewers find a queue: one draft at 科室初审, one with personal data at 保密审查; 县卫健局's
    # annual report waits at its 科室初审.
    waiting = {state.task.name for state in TaskState.objects.filter(status="in_progress")}
    assert waiting == {"县教育局科室初审", "县教育局保密审查", "县卫健局科室初审"}
    # Online interviews in every state, with questions, a held answer and 补录 work.
    sessions = InterviewPage.objects.live()
    assert {session.status() for session in sessions} == {"upcoming", "live", "ended", "cancelled"}
    assert ScheduleChange.objects.filter(cancelled=False).exists()
    assert Question.objects.filter(state="pending").exists() and TranscriptEntry.objects.filter(released=False).exists()
    assert (
        FollowUp.objects.filter(done_at__isnull=True).exists()
        and FollowUp.objects.filter(done_at__isnull=False).exists()
    )
    # The home page's search example is a 文号 that exists.
    example = Site.objects.get(is_default_site=True).root_page.specific.search_placeholder.split("如 ")[-1]
    assert CatalogueItemPage.objects.filter(doc_number=example).exists()
    # 热搜 shows what many different citizens searched, not what one asked once.
    search_page = Client().get("/search/").content.decode()
    assert "低保" in search_page and "招生" in search_page and "只问一次" not in search_page
    for query in (query for query, clients in DEMO_SEARCHES if clients > 1):  # 热搜 finds something
        assert Client().get("/api/search/", {"q": query}).json()["results"], query
    before = CatalogueItemPage.objects.count()
    call_command("seed_demo", stdout=StringIO())  # a second run changes nothing
    assert CatalogueItemPage.objects.count() == before


# --- dates and validity ----------------------------------------------------------------------


def test_dates_are_in_order_and_never_in_the_future(items):
    today = timezone.localdate()
    for item in items:
        if item.live:
            assert item.generated_date <= timezone.localtime(item.published_at).date() <= today, item.title
        if item.validity == "valid":
            assert item.validity_date is None, item.title
            continue
        assert item.validity_date is not None, item.title
        assert item.generated_date <= item.validity_date <= today, (item.title, item.validity_date)
    changed = {item.validity for item in items if item.validity != "valid"}
    assert changed == {"repealed", "amended", "lapsed"}


def stem(title):
    """The document a title is about: the name in 《》 (else the title) without its revision note."""
    named = re.search(r"《(.+)》", title)
    return re.sub(r"（\d{4}年修订）$", "", named.group(1) if named else title)


def test_a_rule_is_replaced_only_by_a_later_version_of_itself(items):
    replaced = [item for item in items if item.replaced_by_id]
    for old in replaced:
        new = old.replaced_by
        assert new.agency_id == old.agency_id, (old.title, new.title)
        assert new.category_id == old.category_id, (old.title, new.title)
        assert new.generated_date > old.generated_date, (old.title, new.title)
        assert stem(new.title) == stem(old.title) and new.title != old.title, (old.title, new.title)
        assert re.search("修订|修改", new.title), new.title
        assert old.validity in ("repealed", "amended") and new.validity == "valid"
        assert old.validity_date == timezone.localtime(new.published_at).date()
    assert len(replaced) >= 10 and len({item.agency_id for item in replaced}) == AgencyPage.objects.count()
    # A lapsed item has run its course; nothing replaces it.
    assert all(item.replaced_by_id is None for item in items if item.validity == "lapsed")


def test_the_stem_is_the_named_document():
    assert stem("关于印发《青溪县课后服务管理办法（2025年修订）》的通知") == "青溪县课后服务管理办法"
    assert stem("关于修改《青溪县课后服务管理办法》部分条款的决定") == "青溪县课后服务管理办法"
    assert stem("关于印发《青溪县校外培训管理办法》的通知") != "青溪县课后服务管理办法"


# --- categories and titles -------------------------------------------------------------------

# Every title in the category says what the category is about …
CATEGORY_TITLES = {
    "0102": "办法|规定|细则|意见|决定",
    "0601": "行政处罚决定书$",
    "0602": "强制",
    "0701": "部门预算",
    "0702": "部门决算",
    "0703": "三公",
    "04": "统计",
    "08": "收费|价格|水价",
    "09": "采购",
    "1201": "应急预案$",
    "14": "录用公务员",
    "1501": "政策解读$",
    "1502": "年度报告$",
}
# … and a title that says so is filed nowhere else.
TITLE_CATEGORIES = {
    "行政处罚": {"0601"},
    "部门预算|预算情况": {"0701", "0703"},
    "决算": {"0702"},
    "应急预案": {"1201"},
    "解读": {"1501"},
    "《[^》]*(办法|规定|细则)": {"0102", "0103", "1501"},
    "采购项目|采购意向": {"09"},
}


def test_titles_fit_their_category(items):
    for item in items:
        pattern = CATEGORY_TITLES.get(item.category.code)
        assert pattern is None or re.search(pattern, item.title), (item.category.code, item.title)
        for said, codes in TITLE_CATEGORIES.items():
            if re.search(said, item.title):
                assert item.category.code in codes, (item.category.code, item.title)
    used = {item.category.code for item in items}
    assert set(CATEGORY_TITLES) <= used  # every rule above was exercised


def test_rule_genres_are_named_in_their_titles(items):
    for item in items:
        if item.genre and item.genre.name in {"办法", "规定", "细则", "方案", "解读"}:
            assert item.genre.name in item.title, (item.genre.name, item.title)


STUTTER = re.compile(r"(.{2,})\1")


def stutters(title):
    """Repeated runs of two or more characters, e.g. 工作工作 (a number such as 2020 is no stutter)."""
    return [match.group(1) for match in STUTTER.finditer(title) if not match.group(1).isdigit()]


def test_the_stutter_check_finds_stutters():
    assert stutters("关于做好政府信息公开工作工作的通知") == ["工作"]
    assert stutters("青溪县青溪县教育局") == ["青溪县"]
    assert stutters("关于2020年度工作的通知") == []


def test_no_title_stutters(demo):
    titles_with_stutters = [(page.title, stutters(page.title)) for page in Page.objects.all() if stutters(page.title)]
    assert titles_with_stutters == []


# --- one county ------------------------------------------------------------------------------

PHONE = re.compile(r"(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")


def test_one_county_one_set_of_codes(items, attached):
    assert DisclosureSettings.for_site(Site.objects.get(is_default_site=True)).site_id_code.startswith(DIVISION_CODE)
    for agency in AgencyPage.objects.all():
        assert agency.postcode == POSTCODE and agency.phone.startswith(f"{AREA_CODE}-"), agency.title
        assert agency.fax.startswith(f"{AREA_CODE}-"), agency.title
        if len(agency.org_code) == 18:  # 统一社会信用代码: the 行政区划代码 is characters 3–8
            assert agency.org_code[2:8] == DIVISION_CODE, agency.title
    for guide in DisclosureGuidePage.objects.all():
        assert guide.postcode == POSTCODE and guide.phone.startswith(f"{AREA_CODE}-")
    texts = [item.body for item in items] + [text for _row, _item, text in attached]
    texts += [page.body for page in AnnouncementPage.objects.all()]
    phones = [phone for text in texts for phone in PHONE.findall(text)]
    assert phones and all(phone.startswith(f"{AREA_CODE}-") for phone in phones), set(phones)
    identities = [number for text in texts for number in ID_NUMBER.findall(text) if ric.is_valid(number)]
    assert all(number.startswith(DIVISION_CODE) for number in identities), identities


# --- attachments -----------------------------------------------------------------------------


def test_items_carry_real_attachments_in_several_agencies(attached):
    assert 20 <= len(attached) <= 40
    assert len({item.agency_id for _row, item, _text in attached}) >= 4
    assert {row.document.file_extension for row, _item, _text in attached} == {"pdf", "docx", "xlsx"}
    for row, item, text in attached:
        # The extracted text is real Chinese and belongs to its item.
        assert re.search(r"[\u4e00-\u9fff]{4}", text), row.document.filename
        assert item.agency.title in text or stem(item.title) in text, (item.title, text[:80])


def test_attachments_of_published_items_download_and_drafts_do_not(client, attached):
    row, _item, _text = attached[0]
    assert client.get(row.document.url).status_code == 200
    drafts = CatalogueAttachment.objects.filter(item__live=False).select_related("document")
    assert drafts.count() == 2
    for draft in drafts:
        assert client.get(draft.document.url).status_code == 404


# Words only the attachments hold: the budget tables, the rules' articles, the award notices.
ATTACHMENT_WORDS = ["财政拨款收入", "负责解释", "中标供应商"]


@pytest.mark.parametrize("words", ATTACHMENT_WORDS)
def test_attachment_text_is_found_by_the_public_search(client, attached, words):
    expected = {}
    for _row, item, text in attached:
        if words in text and item.shows_attachments:
            assert words not in item.title + item.summary + item.body, item.title  # only the file says it
            expected.setdefault(item.agency_id, set()).add(item.title)
    assert expected
    for agency_id, item_titles in expected.items():
        assert item_titles <= set(titles(client, words, agency=agency_id)), item_titles


def test_screening_reads_the_draft_attachments(demo):
    (state,) = TaskState.objects.filter(status="in_progress", task__name="县教育局保密审查")
    report = ScreeningReport.objects.get(revision=state.revision)
    from_the_list = [
        finding for finding in report.findings if finding["kind"] == "id_number" and "资助对象名单" in finding["source"]
    ]
    assert len(from_the_list) == 2
    assert all(finding["match"].startswith(DIVISION_CODE) for finding in from_the_list)


# The request desk --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_requests(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return list(DisclosureRequest.objects.select_related("agency").prefetch_related("events", "pauses"))


def test_the_desk_shows_every_state_outcome_applicant_and_channel(demo, demo_requests):
    assert 40 <= len(demo_requests) <= 60 and len({r.agency_id for r in demo_requests}) == 2
    assert {r.state for r in demo_requests} == set(RequestState.values)
    assert {r.outcome for r in demo_requests if r.outcome} == set(Outcome.values)
    assert {r.applicant_type for r in demo_requests} == set(ApplicantType.values)
    assert {r.channel for r in demo_requests} == set(IntakeChannel.values)
    assert any(pause.kind == "third_party" for r in demo_requests for pause in r.pauses.all())
    assert any(r.extension_working_days and r.extension_approved_by_id for r in demo_requests)
    assert any(r.duplicate_of_id for r in demo_requests) and any(r.transferred_from_id for r in demo_requests)
    assert AppealCase.objects.exclude(result="pending").filter(requests__isnull=False).exists()
    assert RequestFormPage.objects.live().count() == 2
    assert "jyj-request-handler" in demo and "wjj-request-handler" in demo


def test_demo_requests_keep_the_calendar_and_only_one_is_overdue(demo_requests):
    today = timezone.localdate()
    overdue = [r for r in demo_requests if clock.due_status(r) == clock.DueStatus.OVERDUE]
    assert len(overdue) == 1 and "招聘教师" in overdue[0].description
    for request in demo_requests:
        if request.received_on is None:
            continue
        assert request.received_on <= today and request.number.endswith("号")
        assert f"〔{request.received_on.year}〕" in request.number or request.transferred_from_id, request.number
        # The stored deadline is the one the clock computes from the calendar.
        assert clock.compute(request).due == request.due_date, request.number
        if request.decided_on:
            assert request.received_on <= request.decided_on <= today
            assert request.due_date is None or request.decided_on <= request.due_date, request.number
        if request.delivered_on:
            assert request.decided_on <= request.delivered_on <= (request.archived_on or today)
        events = sorted(request.events.all(), key=lambda event: event.pk)  # in the order they were written
        assert [e.at for e in events] == sorted(e.at for e in events), request.number
        decided = [e for e in events if e.kind == EventKind.DECIDED]
        if decided:
            assert timezone.localtime(decided[0].at).date() == request.decided_on, request.number


def test_many_applicants_asked_about_the_flu_vaccine(demo_requests):
    health = AgencyPage.objects.get(short_name="县卫健局")
    (topic,) = popular_topics(health, since=timezone.localdate() - datetime.timedelta(days=366))
    assert topic.applicant_count == 3 and "流感疫苗" in topic.description


def test_last_years_reports_are_built_from_the_demos_own_data(demo, client):
    from disclosure.models import AnnualReport, AnnualReportPage
    from disclosure.reports import checks, figures
    from disclosure.reports.choices import ReportLevel, ReportState

    year = timezone.localdate().year - 1
    reports = {(report.agency.slug, report.level): report for report in AnnualReport.objects.filter(year=year)}
    slugs = set(AgencyPage.objects.values_list("slug", flat=True))
    assert {slug for slug, level in reports if level == ReportLevel.AGENCY} == slugs
    government = reports[("xzfb", ReportLevel.GOVERNMENT)]
    # Every report but the one with the deliberately wrong override (and the sum it feeds) passes its checks.
    for (slug, _level), report in reports.items():
        failing = checks.failures(report)
        if slug == "jyj" or report == government:
            assert any("表三" in result.message for result in failing), slug
        else:
            assert not failing, (slug, [result.message for result in failing])
    wrong = reports[("jyj", ReportLevel.AGENCY)]
    change = wrong.figure_changes.get(kind="overridden")
    assert change.reason and change.actor.username == "jyj-editor"
    # 表三 counts the demo desk's own requests of that year.
    received = DisclosureRequest.objects.filter(agency__slug="wjj", received_on__year=year).count()
    assert received and figures.values(reports[("wjj", ReportLevel.AGENCY)])["t3:new:total"] == received
    published = AnnualReportPage.objects.live().filter(year=year)
    assert published.count() == 4
    assert reports[("wjj", ReportLevel.AGENCY)].state == ReportState.SUBMITTED
    page = published.get(report__agency__slug="cgz")
    html = client.get(page.url).content.decode()
    assert "三、收到和处理政府信息公开申请情况" in html and 'rowspan="22"' in html
