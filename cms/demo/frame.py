"""The demo's header navigation, contact page and 纠错 link: what an editor sets in 站点设置 on day one."""

from wagtail.models import Site

from disclosure.models import (
    AgencyIndexPage,
    AnnouncementIndexPage,
    CatalogueIndexPage,
    DisclosureGuidePage,
    DisclosureSettings,
)
from disclosure.reports.publication import report_category
from online_interview.models import InterviewIndexPage

#: The national 我为政府网站找错 platform, where the public reports errors on any government site.
ERROR_REPORT_URL = "https://zfwzzc.www.gov.cn/"


def configure_site_frame(government):
    """Links to the county government office's sections, whose catalogue holds the county's reports."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    catalogue = CatalogueIndexPage.objects.child_of(government).first()
    reports = report_category(government)
    links = [
        ("首页", home, ""),
        ("通知公告", AnnouncementIndexPage.objects.child_of(home).first(), ""),
        ("机构概况", AgencyIndexPage.objects.child_of(home).first(), ""),
        ("公开目录", catalogue, ""),
        ("公开指南", DisclosureGuidePage.objects.child_of(government).first(), ""),
        ("依申请公开", None, "/#agency-catalogues"),
        ("年度报告", None, f"{catalogue.url}?category={reports.pk}" if catalogue and reports else ""),
        ("在线访谈", InterviewIndexPage.objects.child_of(government).first(), ""),
    ]
    settings = DisclosureSettings.for_site(site)
    settings.navigation = [
        ("link", {"label": label, "page": page, "url": url}) for label, page, url in links if page or url
    ]
    settings.contact_page = government
    settings.error_report_url = ERROR_REPORT_URL
    settings.save()
