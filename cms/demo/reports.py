"""Last year's annual reports of the demo county, computed from the demo's own catalogue, requests and cases.

Every agency has its own report; the county government (县政府办) also the whole government's
(本级政府), summing its own, 县教育局's, 县卫健局's and 城关镇's. They stand where the season
would find them:

- 县人民医院, 县自来水公司, 城关镇 and 县政府办's own: published (a page in each catalogue's
  公开指南和年报 category);
- 县卫健局: submitted, waiting in its 三审 review;
- 县教育局: a draft whose 表三 carries a deliberately wrong override (a figure "added from the
  paper register"), so its editor sees the failed 勾稽 checks explained and corrects it;
- the whole government's: a draft, each member's contribution visible.

The texts quote the figures the tables show, in the agencies' usual words, so the narrative
check has something to compare; the one exception is the wrong override.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone

from disclosure.reports import drafting, figures, formats, layout, publication, titles
from disclosure.reports.choices import ReportLevel, ReportState
from disclosure.reports.formats.schema import display
from disclosure.reports.imports import import_past_report
from disclosure.reports.models import AnnualReport
from disclosure.reports.submission import submit_for_review

#: 行政事业性收费 (万元) from the county's non-tax revenue system, per agency.
FEES = {
    "xzfb": Decimal("0"),
    "jyj": Decimal("3.2150"),
    "wjj": Decimal("86.4000"),
    "rmyy": Decimal("0"),
    "zls": Decimal("0"),
    "cgz": Decimal("1.0800"),
}
FEE_SOURCE = "县财政局非税收入征管系统年度汇总"
PUBLISHED = ("rmyy", "zls", "cgz", "xzfb")
WRONG_CELL, WRONG_REASON = "t3:new:person", "按纸质收件登记簿核对，补录来信申请1件"

#: The year before last, as 县教育局 published it before Gongkai (imported, so this year's 上年结转 is checked).
PREVIOUS = {
    "t3:new:person": 7,
    "t3:new:commercial": 1,
    "t3:new:legal_service": 1,
    "t3:disclosed:person": 4,
    "t3:disclosed:commercial": 1,
    "t3:unavailable.not_held:person": 2,
    "t3:not_processed.petition:person": 1,
    "t3:not_disclosed.third_party:legal_service": 1,
    "t4:review:upheld": 1,
    "t2:normative_documents:issued": 3,
    "t2:normative_documents:in_force": 21,
}


def published_page(year, values):
    """The tables as an agency's web page shows them (the demo's stand-in for last year's page)."""
    fmt = formats.for_year(year)
    shown = dict(values)
    for code, cell in fmt.cells.items():  # the totals as the agency typed them (reading order: parts first)
        if cell.is_sum:
            shown[code] = sum(shown.get(term, 0) for term in cell.sum_of)
    return render_to_string(
        "disclosure/reports/includes/published_tables.html", {"grids": layout.grids(fmt), "values": shown}
    )


PROBLEMS = (
    "<p>一是政策解读形式较为单一，图解、音视频解读偏少；二是依申请公开办理人员业务能力有待提高。"
    "下一步，将丰富解读形式，加强业务培训，严格执行答复期限。</p>"
)


def overview(report, values):
    def figure(cell):
        return display(values.get(cell))

    agency = titles.reporting_name(report)
    appeals = int(Decimal(figure("t4:review:total")))
    lawsuits = int(Decimal(figure("t4:lawsuit_direct:total"))) + int(Decimal(figure("t4:lawsuit_after_review:total")))
    disputes = (
        f"全年被申请政府信息公开行政复议{appeals}件，被提起行政诉讼{lawsuits}件。"
        if appeals or lawsuits
        else "全年未发生政府信息公开行政复议和行政诉讼案件。"
    )
    return (
        f"<p>{report.year}年，{agency}深入贯彻《中华人民共和国政府信息公开条例》，"
        "坚持以公开为常态、不公开为例外，依托政府信息公开平台做好主动公开、依申请公开和监督保障工作。</p>"
        f"<p>依申请公开方面，全年共收到政府信息公开申请{figure('t3:new:total')}件，"
        f"上年结转{figure('t3:carried_in:total')}件，办结{figure('t3:total:total')}件，"
        f"结转下年度继续办理{figure('t3:carried_out:total')}件。{disputes}</p>"
    )


class AnnualReportDemo:
    def __init__(self, agencies, today=None, log=None):
        self.agencies = agencies
        self.year = (today or timezone.localdate()).year - 1
        self.log = log or (lambda message: None)
        User = get_user_model()
        self.admin = User.objects.get(username="admin")
        self.editor = User.objects.filter(username="jyj-editor").first() or self.admin

    def build(self):
        jyj = self.agencies["jyj"]
        import_past_report(
            jyj,
            self.year - 1,
            published_page(self.year - 1, PREVIOUS),
            actor=self.editor,
            source_name=f"{jyj.title}{self.year - 1}年政府信息公开工作年度报告（原网站页面）",
        )
        for slug, agency in self.agencies.items():
            actor = self.editor if slug == "jyj" else self.admin
            report = self.draft(agency, ReportLevel.AGENCY, actor)
            figures.enter(report, "t2:fees:amount", FEES.get(slug, 0), actor, FEE_SOURCE)
            if slug == "jyj":
                figures.override(report, WRONG_CELL, (figures.values(report)[WRONG_CELL] or 0) + 1, actor, WRONG_REASON)
            elif slug == "wjj":
                submit_for_review(report, actor)
            elif slug in PUBLISHED:
                self.publish(report, actor)
        government = self.draft(self.agencies["xzfb"], ReportLevel.GOVERNMENT, self.admin)
        for report in AnnualReport.objects.filter(year=self.year).select_related("agency"):
            self.log(
                f"  {report.agency.title} {self.year}年年度报告（{report.get_level_display()}）：{report.get_state_display()}\n"
            )
        return government

    def draft(self, agency, level, actor):
        report = drafting.start_report(agency, self.year, level=level, actor=actor)
        report.overview = overview(report, figures.values(report))
        report.problems = PROBLEMS
        report.save(update_fields=["overview", "problems", "updated_at"])
        return report

    def publish(self, report, actor):
        """Published as the review would have published it (the demo's other agencies have no reviewers)."""
        page, revision = publication.file_page(report, actor)
        AnnualReport.objects.filter(pk=report.pk).update(
            state=ReportState.SUBMITTED, submitted_at=timezone.now(), submitted_by=actor
        )
        revision.publish(user=actor)
        return page
