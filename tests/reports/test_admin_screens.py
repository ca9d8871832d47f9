"""An agency's editor prepares last year's annual report in the admin: starts it, reads the computed
tables, overrides a figure with a reason, sees the 勾稽 check it breaks, recomputes, writes the
text and submits it once every check passes; nobody else's report is even visible, and a leader
reads without writing."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from disclosure.agencies.models import AgencyPage, AgencyRole
from disclosure.reports import drafting, figures, submission
from disclosure.reports.choices import ReportLevel, ReportState, RowSource
from disclosure.reports.models import AnnualReport, ReportRowSource
from disclosure.requests.choices import ApplicantType
from tests.admin_forms import rich_text
from tests.factories import make_agency, make_user
from tests.requests.desk import ensure_calendar_years

from .helpers import decided, received, with_fees

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1


def on(month_day):
    return f"{LAST_YEAR}-{month_day}"


def url(name, *args):
    return reverse(f"disclosure_reports:{name}", args=args)


def text(response):
    return html.unescape(response.content.decode())


def figure_shown(response, code):
    """The figure a table cell shows, as the editor reads it."""
    match = re.search(rf'id="figure-{re.escape(code)}"[^>]*>\s*(?:<a [^>]*>)?([^<]*)<', response.content.decode())
    assert match, f"no cell {code}"
    return match.group(1).strip()


def refused(response):
    """Wagtail's answer to a permission denied in the admin: back to the dashboard, with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def panel(response, panel_id):
    """The text of one panel of the report's screen."""
    page = text(response)
    start = page.index(f'id="{panel_id}-section"')
    end = page.find("<section ", start + 1)
    return page[start : end if end != -1 else len(page)]


@pytest.fixture(autouse=True)
def calendar(db):
    ensure_calendar_years(datetime.date(LAST_YEAR, 1, 1))


@pytest.fixture
def editor(agency):
    return make_user("editor", agency=agency, role=AgencyRole.EDITOR, first_name="王编辑")


@pytest.fixture
def activity(agency, handler):
    """Two applications last year: one answered (予以公开), one carried over to this year."""
    decided(agency, handler, on("03-03"), on("03-10"))
    received(agency, handler, on("11-03"))


@pytest.fixture
def report(agency, catalogue, handler, activity):
    return with_fees(drafting.start_report(agency, LAST_YEAR, actor=handler), handler)


def test_an_editor_starts_last_years_report_and_reads_its_computed_tables(client, agency, editor, activity):
    client.force_login(editor)
    index = client.get(url("index"))
    assert index.status_code == 200
    assert url("add") in text(index)
    form = client.get(url("add"))
    assert form.status_code == 200
    assert f'value="{LAST_YEAR}"' in text(form)

    started = client.post(url("add"), {"agency": agency.pk, "year": LAST_YEAR, "level": "agency", "format_version": ""})
    report = AnnualReport.objects.get(agency=agency, year=LAST_YEAR)
    assert started.status_code == 302 and started["Location"] == url("edit", report.pk)
    assert report.format_version == "national-2021" and report.state == ReportState.DRAFT

    screen = client.get(url("edit", report.pk))
    assert screen.status_code == 200
    page = text(screen)
    for label in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "一、本年新收政府信息公开申请数量",
        "（一）予以公开",
        "四、结转下年度继续办理",
        "一、总体情况",
        "五、存在的主要问题及改进情况",
    ):
        assert label in page, label
    assert figure_shown(screen, "t3:new:person") == "2"
    assert figure_shown(screen, "t3:disclosed:person") == "1"
    assert figure_shown(screen, "t3:carried_out:total") == "1"
    # Every figure names its headers, for screen readers (the table is data, not layout).
    assert re.search(r'<td id="figure-t3:new:person" headers="t3-h\d+( t3-h\d+)+"', screen.content.decode())
    # 行政事业性收费 is kept outside Gongkai: until it is entered the report cannot go forward.
    failed = panel(screen, "summary")
    assert "data-failed-checks" in failed and "行政事业性收费" in failed

    listed = client.get(url("index"), {"year": LAST_YEAR, "state": ReportState.DRAFT, "agency": agency.pk})
    assert url("edit", report.pk) in text(listed)
    assert url("edit", report.pk) not in text(client.get(url("index"), {"state": ReportState.SUBMITTED}))


def test_a_second_report_for_the_same_year_is_refused_in_chinese(client, agency, editor, report):
    client.force_login(editor)
    response = client.post(url("add"), {"agency": agency.pk, "year": LAST_YEAR, "level": "agency"})
    assert response.status_code == 400
    assert f"该机构已有 {LAST_YEAR} 年度的报告。" in text(response)


def test_an_override_needs_a_reason_and_then_breaks_the_balance_check_until_corrected(client, editor, report):
    client.force_login(editor)
    cell = client.get(url("figure", report.pk, "t3:new:person"))
    assert cell.status_code == 200 and 'data-figure-form="override"' in text(cell)
    assert "三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 申请人情况 › 自然人" in text(cell)

    refused = client.post(
        url("figure_action", report.pk, "t3:new:person", "override"), {"override-value": "3", "override-reason": ""}
    )
    assert refused.status_code == 400
    assert "请说明计算数有误的原因。" in text(refused)
    assert 'value="3"' in text(refused)  # what was typed is still there
    assert (
        figures.values(report)["t3:new:person"] == 2
        and not report.figure_changes.exclude(cell="t2:fees:amount").exists()
    )

    done = client.post(
        url("figure_action", report.pk, "t3:new:person", "override"),
        {"override-value": "3", "override-reason": "纸质申请漏登记一件"},
    )
    assert done.status_code == 302 and done["Location"].endswith("#figure-t3:new:person")
    screen = client.get(url("edit", report.pk))
    page = text(screen)
    assert figure_shown(screen, "t3:new:person") == "3"
    assert figure_shown(screen, "t3:new:total") == "3"  # the total follows what the row shows
    mark = re.search(r'<span class="report-mark report-mark--overridden" title="([^"]*)"', page)
    assert mark and "纸质申请漏登记一件" in mark.group(1) and "王编辑" in mark.group(1)
    # The balance of 表三 fails, in words, beside the table, and the cells it names are marked.
    sentence = "表三，“自然人”列：一（3） + 二（0） = 3，但 三（七）（1） + 四（1） = 2。"
    assert sentence in page
    assert "data-failed-checks" in page
    assert re.search(r'id="figure-t3:new:person"[^>]*class="[^"]*report-table__figure--faulty', page)
    history = panel(screen, "history")
    assert "表三 一（自然人）" in history and "2 → 3" in history and "纸质申请漏登记一件" in history

    submit = client.post(url("submit", report.pk))
    assert submit.status_code == 400
    refused_page = text(submit)
    assert "报告有 2 项核对未通过；请更正后再提交。" in refused_page
    assert sentence in refused_page[refused_page.index("data-refusal") :]
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT

    # Once the override is taken back every check passes and the report goes to review.
    removed = client.post(url("figure_action", report.pk, "t3:new:person", "remove"), {"remove-reason": "已核实"})
    assert removed.status_code == 302
    assert "data-checks-pass" in text(client.get(url("edit", report.pk)))
    submitted = client.post(url("submit", report.pk))
    assert submitted.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.submitted_by == editor
    after = text(client.get(url("edit", report.pk)))
    assert "data-sections-form" not in after and 'data-report-action="recompute"' not in after


@pytest.mark.parametrize(
    "value, message",
    [
        ("1.5", "一（自然人） 为数量：请填写 0 或以上的整数。"),
        ("abc", "“abc”不是有效数字。"),
        ("", "请填写应显示的数字。"),
    ],
)
def test_a_figure_the_cell_cannot_hold_is_refused_in_chinese(client, editor, report, value, message):
    client.force_login(editor)
    response = client.post(
        url("figure_action", report.pk, "t3:new:person", "override"),
        {"override-value": value, "override-reason": "核对"},
    )
    assert response.status_code == 400 and message in text(response)
    assert not report.figure_changes.exclude(cell="t2:fees:amount").exists()


def test_recomputing_lists_what_changed_since_the_last_computation(client, agency, handler, editor, report):
    client.force_login(editor)
    received(agency, handler, on("12-01"), ApplicantType.COMMERCIAL)
    response = client.post(url("recompute", report.pk))
    assert response.status_code == 302 and response["Location"].endswith("#changes-section")
    screen = client.get(url("edit", report.pk))
    changes = panel(screen, "changes")
    rows = re.findall(r"<tr data-change><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", changes)
    assert rows == [
        ("表三 一（商业企业）", "0", "1"),
        ("表三 一（总计）", "2", "3"),
        ("表三 四（商业企业）", "0", "1"),
        ("表三 四（总计）", "1", "2"),
    ]
    assert figure_shown(screen, "t3:new:commercial") == "1"
    assert report.computations.count() == 2


def test_the_editor_writes_the_text_and_the_narrative_check_reads_it(client, editor, report):
    client.force_login(editor)
    saved = client.post(
        url("save_sections", report.pk),
        {
            "overview": rich_text(f"{LAST_YEAR}年，本局共收到政府信息公开申请3件。"),
            "problems": rich_text("公开栏目更新不够及时。"),
            "other_matters": rich_text("无。"),
        },
    )
    assert saved.status_code == 302
    report.refresh_from_db()
    assert "共收到政府信息公开申请3件" in report.overview and "公开栏目更新不够及时" in report.problems
    page = text(client.get(url("edit", report.pk)))
    # The 勾稽 check of the text compares the figure it quotes with table 三.
    assert "第一部分称“收到政府信息公开申请3件”，但表三 一（总计）为 2。" in page


def test_unreadable_text_is_refused_with_a_message_and_nothing_is_saved(client, editor, report):
    client.force_login(editor)
    before = report.overview
    response = client.post(
        url("save_sections", report.pk), {"overview": "<p>not json</p>", "problems": "{}", "other_matters": "[]"}
    )
    assert response.status_code == 400
    assert gettext("The text could not be read; reload the page and write it again.") in text(response)
    report.refresh_from_db()
    assert report.overview == before


def test_an_entered_row_is_entered_with_its_source(client, agency, editor, handler, activity):
    report = drafting.start_report(agency, LAST_YEAR, actor=handler)  # 行政事业性收费 not entered yet
    client.force_login(editor)
    page = client.get(url("figure", report.pk, "t2:fees:amount"))
    assert 'data-figure-form="enter"' in text(page) and 'data-figure-form="override"' not in text(page)
    refused = client.post(url("figure_action", report.pk, "t2:fees:amount", "enter"), {"enter-value": "1.5"})
    assert refused.status_code == 400 and "请说明该数字的来源。" in text(refused)
    done = client.post(
        url("figure_action", report.pk, "t2:fees:amount", "enter"),
        {"enter-value": "1.25", "enter-source_note": "县财政局非税收入系统"},
    )
    assert done.status_code == 302
    screen = client.get(url("edit", report.pk))
    assert figure_shown(screen, "t2:fees:amount") == "1.25"
    mark = re.search(r'report-mark--entered" title="([^"]*)"', text(screen))
    assert mark and "县财政局非税收入系统" in mark.group(1)
    # Overriding an entered figure is refused with the service's words, not a 500.
    wrong = client.post(
        url("figure_action", report.pk, "t2:fees:amount", "override"),
        {"override-value": "2", "override-reason": "核对"},
    )
    assert wrong.status_code == 400 and "该数字为手工填报：请填写数字并注明来源。" in text(wrong)


def test_table_two_rows_can_be_entered_by_hand_with_a_source_note(client, agency, editor, report):
    client.force_login(editor)
    page = client.get(url("row_sources", report.pk))
    assert page.status_code == 200 and "行政许可" in text(page)
    data = {}
    for row in ("regulations", "normative_documents", "licensing", "penalties", "enforcement"):
        data[f"{row}-source"] = RowSource.CATALOGUE
    data["licensing-source"] = RowSource.ENTERED
    refused = client.post(url("row_sources", report.pk), data)
    assert refused.status_code == 400
    assert not ReportRowSource.objects.filter(agency=agency, source=RowSource.ENTERED).exists()
    data["licensing-source_note"] = "浙江政务服务网行政许可办件统计"
    saved = client.post(url("row_sources", report.pk), data)
    assert saved.status_code == 302
    setting = ReportRowSource.objects.get(agency=agency, row="licensing")
    assert setting.source == RowSource.ENTERED
    cell = text(client.get(url("figure", report.pk, "t2:licensing:decisions")))
    assert 'data-figure-form="enter"' in cell and "浙江政务服务网行政许可办件统计" in cell


def test_another_agencys_editor_gets_a_404_everywhere(client, other_agency, report):
    outsider = make_user("outsider", agency=other_agency, role=AgencyRole.EDITOR)
    client.force_login(outsider)
    assert url("edit", report.pk) not in text(client.get(url("index")))
    for name, args in [
        ("edit", [report.pk]),
        ("figure", [report.pk, "t3:new:person"]),
        ("row_sources", [report.pk]),
    ]:
        assert client.get(url(name, *args)).status_code == 404, name
    for name, args, data in [
        ("recompute", [report.pk], {}),
        ("submit", [report.pk], {}),
        ("save_sections", [report.pk], {"overview": rich_text("x")}),
        ("figure_action", [report.pk, "t3:new:person", "override"], {"override-value": "9", "override-reason": "x"}),
    ]:
        assert client.post(url(name, *args), data).status_code == 404, name
    assert client.post(url("add"), {"agency": report.agency_id, "year": LAST_YEAR - 1}).status_code == 400
    assert not AnnualReport.objects.filter(year=LAST_YEAR - 1).exists()


def test_a_leader_reads_the_report_but_cannot_change_it(client, leader, report):
    client.force_login(leader)
    index = text(client.get(url("index")))
    assert url("edit", report.pk) in index and url("add") not in index
    screen = client.get(url("edit", report.pk))
    assert screen.status_code == 200
    page = text(screen)
    assert figure_shown(screen, "t3:new:person") == "2"
    for control in ("data-sections-form", 'data-report-action="recompute"', 'data-report-action="submit"'):
        assert control not in page
    cell = text(client.get(url("figure", report.pk, "t3:new:person")))
    assert "data-figure-form" not in cell
    assert refused(client.get(url("add")))
    assert refused(client.get(url("row_sources", report.pk)))
    assert refused(client.post(url("recompute", report.pk)))
    assert refused(client.post(url("submit", report.pk)))
    assert refused(client.post(url("save_sections", report.pk), {"overview": rich_text("改写")}))
    overridden = client.post(
        url("figure_action", report.pk, "t3:new:person", "override"),
        {"override-value": "9", "override-reason": "x"},
    )
    assert refused(overridden)
    report.refresh_from_db()
    assert figures.values(report)["t3:new:person"] == 2 and report.computations.count() == 1
    assert report.state == ReportState.DRAFT and "改写" not in report.overview


def test_bad_requests_get_4xx_never_500(client, agency, editor, report):
    client.force_login(editor)
    assert client.get(url("figure", report.pk, "t9:nowhere:person")).status_code == 404
    assert client.get(url("edit", 2**70)).status_code == 404
    assert client.post(url("figure_action", report.pk, "t3:new:person", "explode"), {}).status_code == 404
    assert client.get(url("figure_action", report.pk, "t3:new:person", "override")).status_code == 405
    assert client.get(url("recompute", report.pk)).status_code == 405
    for data in (
        {"agency": "x", "year": "abc"},
        {"agency": agency.pk, "year": 1900},
        {"agency": agency.pk, "year": LAST_YEAR + 5},
        {"agency": agency.pk, "year": LAST_YEAR - 1, "level": "government"},
        {"agency": agency.pk, "year": LAST_YEAR - 1, "level": "agency", "format_version": "national-1999"},
    ):
        assert client.post(url("add"), data).status_code == 400, data
    long_value = client.post(
        url("figure_action", report.pk, "t3:new:person", "override"),
        {"override-value": "9" * 100, "override-reason": "x"},
    )
    assert long_value.status_code == 400
    report.state = ReportState.SUBMITTED
    report.save()
    locked = client.post(url("recompute", report.pk))
    assert locked.status_code == 400 and "只有草稿状态的报告可以修改" in text(locked)
    assert client.post(url("save_sections", report.pk), {"overview": rich_text("x")}).status_code == 400


def test_a_government_report_shows_each_members_part_and_who_is_missing(client, agency, handler):
    government = make_agency(title="青溪县人民政府", short_name="县政府", kind=AgencyPage.Kind.GOVERNMENT)
    agency.parent_agency = government
    agency.save()
    township = make_agency(title="青溪县城关镇人民政府", short_name="城关镇", kind=AgencyPage.Kind.TOWNSHIP)
    township.parent_agency = government
    township.save()
    decided(agency, handler, on("03-03"), on("03-10"))
    drafting.start_report(agency, LAST_YEAR)
    government_editor = make_user("gov_editor", agency=government, role=AgencyRole.EDITOR)
    client.force_login(government_editor)
    started = client.post(url("add"), {"agency": government.pk, "year": LAST_YEAR, "level": "government"})
    report = AnnualReport.objects.get(agency=government, level=ReportLevel.GOVERNMENT)
    assert started.status_code == 302
    screen = client.get(url("edit", report.pk))
    members = panel(screen, "members")
    assert "青溪县城关镇人民政府" in members and "data-missing-members" in members
    assert re.search(r"青溪县教育局</a></th>\s*<td>[^<]*</td>\s*<td[^>]*>1</td>", members)
    assert figure_shown(screen, "t3:new:person") == "1"
    cell = text(client.get(url("figure", report.pk, "t3:new:person")))
    assert re.search(r"<th scope=\"row\">青溪县教育局</th><td>1</td>", cell)
    assert 'data-report-action="row-sources"' not in text(screen)
    assert "data-members-changed" not in text(screen)
    # A member's report changes afterwards: the government's screen says its sums are out of date.
    member = AnnualReport.objects.get(agency=agency)
    figures.override(member, "t3:new:person", 2, handler, "补录一件来信申请")
    assert "data-members-changed" in text(client.get(url("edit", report.pk)))


def test_submitting_and_recomputing_keep_the_text_typed_but_not_saved(client, editor, report):
    client.force_login(editor)
    typed = {
        "overview": rich_text(f"{LAST_YEAR}年，本局共收到政府信息公开申请2件。"),
        "problems": rich_text("无。"),
        "other_matters": rich_text("无。"),
    }
    client.post(url("recompute", report.pk), typed)
    report.refresh_from_db()
    assert "共收到政府信息公开申请2件" in report.overview
    typed["problems"] = rich_text("依申请公开办理时限把握不够严格。")
    assert client.post(url("submit", report.pk), typed).status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and "办理时限" in report.problems


def test_only_a_year_that_is_over_can_be_reported_on(client, agency, editor):
    client.force_login(editor)
    this_year = timezone.localdate().year
    response = client.post(
        url("add"), {"agency": agency.pk, "year": this_year, "level": "agency", "format_version": ""}
    )
    assert response.status_code == 400 and not AnnualReport.objects.exists()


def test_a_report_started_by_mistake_is_deleted_after_asking_but_never_once_submitted(client, editor, report):
    client.force_login(editor)
    screen = text(client.get(url("edit", report.pk)))
    assert url("discard", report.pk) in screen
    assert client.get(url("discard", report.pk)).status_code == 200
    submission.submit_for_review(report, editor)
    assert client.post(url("discard", report.pk)).status_code == 302
    assert AnnualReport.objects.filter(pk=report.pk).exists()  # submitted: kept
    assert url("discard", report.pk) not in text(client.get(url("edit", report.pk)))


def test_a_draft_is_deleted_with_its_figures(client, editor, report):
    client.force_login(editor)
    assert client.post(url("discard", report.pk))["Location"] == url("index")
    assert not AnnualReport.objects.filter(pk=report.pk).exists()
