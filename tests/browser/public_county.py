"""One of every public page type, with the long titles and numbers real sites have: what the phone,
page-tool and accessibility walks visit."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Site

from disclosure.models import AgencyLeader, AgencyRole, AnnualReportPage, CatalogueAttachment, DisclosureSettings
from disclosure.reports import drafting
from disclosure.reports.submission import submit_for_review
from tests import factories
from tests.reports.helpers import with_fees
from tests.requests.public_site import make_form_page
from tests.review.conftest import Desk
from tests.review.documents import make_document, pdf_bytes

LONG_TITLE = "关于印发《青溪县2025年城乡居民基本医疗保险和大病保险筹资标准及待遇调整实施细则（试行）》的通知"


@dataclass
class PublicCounty:
    pages: dict  # page type → URL
    catalogue_url: str
    item_url: str


def build_public_county(client):
    agency = factories.make_agency(
        title="青溪县人民政府办公室",
        short_name="县政府办",
        address="青溪县城关镇人民路一百二十八号县行政服务中心大楼东侧三楼",
    )
    AgencyLeader.objects.create(agency=agency, name="陈立华", post="主任", duties="主持办公室全面工作。")
    catalogue = factories.make_catalogue(agency)
    document = make_document("筹资标准明细表", "standards.pdf", pdf_bytes("筹资标准明细表 每人每年"))
    item = factories.make_item(
        catalogue,
        title=LONG_TITLE,
        doc_number="青政办发〔2025〕128号",
        keywords="医疗保险 大病保险 筹资标准",
        published_at=timezone.now() - datetime.timedelta(days=3),
        attachments=[CatalogueAttachment(document=document)],
        body="<p>各乡镇人民政府、街道办事处，县政府各部门：</p><p>"
        + "现将实施细则印发给你们，请认真贯彻执行。" * 12
        + "</p>",
    )
    for n in range(6):
        factories.make_item(
            catalogue, title=f"关于做好2025年第{n + 1}季度重点工作督查的通知", doc_number=f"青政办〔2025〕{n + 1}号"
        )
    guide = factories.make_guide(agency)
    column = factories.make_announcement_column(factories.home())
    announcement = factories.make_announcement(column, title="关于开展2025年度政府网站和政务新媒体自查整改工作的公告")
    form = make_form_page(agency)
    interviews = factories.make_interview_column(agency)
    interview = factories.make_interview(interviews, title="县医保局局长谈城乡居民医保缴费")
    report_page = _published_report(client, agency, catalogue)

    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.sponsor, settings.site_id_code, settings.icp_number = (
        "青溪县人民政府办公室",
        "3311270001",
        "浙ICP备12345678号",
    )
    settings.navigation = [
        ("link", {"label": label, "page": page, "url": ""})
        for label, page in (
            ("首页", factories.home()),
            ("通知公告", column),
            ("机构概况", agency.get_parent()),
            ("公开目录", catalogue),
            ("公开指南", guide),
            ("依申请公开", form),
            ("在线访谈", interviews),
        )
    ]
    settings.contact_page = agency
    settings.error_report_url = "https://zfwzzc.www.gov.cn/"
    settings.save()
    pages = {
        "home": "/",
        "agency directory": agency.get_parent().url,
        "agency": agency.url,
        "catalogue": catalogue.url,
        "catalogue item": item.url,
        "announcement column": column.url,
        "announcement": announcement.url,
        "disclosure guide": guide.url,
        "application form": form.url,
        "application status": form.url + "status/",
        "annual report": report_page.url,
        "interview column": interviews.url,
        "interview": interview.url,
        "search": "/search/?q=医疗保险",
        "site map": "/sitemap/",
        "not found": "/no/such/page/",
    }
    return PublicCounty(pages=pages, catalogue_url=catalogue.url, item_url=item.url)


def _published_report(client, agency, catalogue):
    desk = Desk(client, agency, catalogue)
    report = with_fees(drafting.start_report(agency, 2025), desk.users[AgencyRole.EDITOR])
    report.overview = "<p>2025年，本办认真贯彻《中华人民共和国政府信息公开条例》，全面推进政务公开。</p>"
    report.save()
    submit_for_review(report, desk.users[AgencyRole.EDITOR])
    return desk.through_the_chain(AnnualReportPage.objects.get(report=report))
