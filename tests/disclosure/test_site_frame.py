"""The frame around every public page: navigation, footer, breadcrumbs, site map, robots.txt, share codes."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from wagtail.models import Site

from cms.home.management.commands.serve_demo import Command as ServeDemo
from disclosure.models import CatalogueAttachment, DisclosureSettings
from disclosure.site.blocks import validate_link_address
from tests import factories
from tests.requests.public_site import make_form_page
from tests.review.documents import make_document, pdf_bytes

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def nav_html(response):
    match = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S)
    return match.group(0) if match else ""


@pytest.fixture
def frame(agency, catalogue):
    guide = factories.make_guide(agency)
    column = factories.make_announcement_column(factories.home())
    site = Site.objects.get(is_default_site=True)
    settings = DisclosureSettings.for_site(site)
    settings.sponsor = "青溪县人民政府办公室"
    settings.site_id_code = "3311270001"
    settings.icp_number = "浙ICP备12345678号"
    settings.police_record_number = "浙公网安备33112702000001号"
    settings.contact_page = agency
    settings.error_report_url = "https://zfwzzc.www.gov.cn/"
    settings.navigation = [
        ("link", {"label": "首页", "page": factories.home(), "url": ""}),
        ("link", {"label": "通知公告", "page": column, "url": ""}),
        ("link", {"label": "公开目录", "page": catalogue, "url": ""}),
        ("link", {"label": "公开指南", "page": guide, "url": ""}),
        ("link", {"label": "年度报告", "page": None, "url": f"{catalogue.url}?category=1"}),
    ]
    settings.save()
    return {"guide": guide, "column": column, "settings": settings}


def test_the_header_links_the_configured_sections_and_marks_the_current_one(client, frame, catalogue):
    item = factories.make_item(catalogue, title="关于做好春季防汛工作的通知")
    nav = nav_html(client.get(item.url))
    labels = re.findall(r">([^<>]+)</a>", nav)
    assert labels == ["首页", "通知公告", "公开目录", "公开指南", "年度报告"]
    # Inside the catalogue, 公开目录 is current — and only it, not 首页 too.
    assert re.findall(r'aria-current="page">([^<]+)<', nav) == ["公开目录"]
    assert re.findall(r'aria-current="page">([^<]+)<', nav_html(client.get("/"))) == ["首页"]


def test_a_withdrawn_section_leaves_the_navigation_at_once(client, frame):
    frame["guide"].unpublish()
    nav = nav_html(client.get("/"))
    assert "公开指南" not in nav and "公开目录" in nav


def test_without_configured_links_the_home_page_and_its_menu_pages_are_the_navigation(client, frame):
    frame["settings"].navigation = []
    frame["settings"].save()
    column = frame["column"]
    column.show_in_menus = True
    factories.publish(column)
    labels = re.findall(r">([^<>]+)</a>", nav_html(client.get("/")))
    assert labels == ["首页", "通知公告"]


def test_the_footer_carries_the_government_site_identity(client, frame, agency):
    footer = text(client.get("/")).split("跳到正文")[-1]
    for expected in (
        "主办单位：青溪县人民政府办公室",
        "网站标识码：3311270001",
        "浙ICP备12345678号",
        "浙公网安备33112702000001号",
    ):
        assert expected in footer
    html = client.get("/").content.decode()
    assert f'<a href="{agency.url}">联系我们</a>' in html
    assert '<a href="/sitemap/">网站地图</a>' in html
    assert 'href="https://zfwzzc.www.gov.cn/" rel="noopener">纠错</a>' in html
    assert 'href="https://beian.miit.gov.cn/"' in html


def test_the_html_site_map_lists_public_sections_but_not_every_document(client, frame, agency, catalogue):
    for n in range(31):  # a crowded catalogue is listed without its items
        factories.make_item(catalogue, title=f"关于第{n}号事项的通知")
    hidden = factories.make_announcement_column(agency, title="内部栏目", slug="internal")
    hidden.unpublish()
    response = client.get("/sitemap/")
    assert response.status_code == 200
    page = text(response)
    for title in (agency.title, "信息公开目录", frame["guide"].title, "通知公告"):
        assert title in page
    assert "内部栏目" not in page
    assert "关于第3号事项的通知" not in page
    assert "首页 网站地图" in page  # the breadcrumb


def test_robots_txt_keeps_crawlers_out_of_the_admin_search_and_status_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    for path in ("/admin/", "/search/", "/api/", "/*/status/"):
        assert f"Disallow: {path}\n" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_share_code_is_a_qr_code_of_this_sites_own_address(client):
    response = client.get("/share/qr.svg", {"path": "/agencies/jyj/catalogue/?category=3"})
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml") and b"<svg" in response.content
    for bad in ("//evil.example/", "https://evil.example/", "javascript:alert(1)", "/" + "a" * 600, "", "/\x00"):
        refused = client.get("/share/qr.svg", {"path": bad})
        assert refused.status_code == 400, bad
        assert "只能" in refused.content.decode()
    too_long = client.get("/share/qr.svg", {"path": "/" + "公开" * 200 + "/"})  # 3,600 bytes once encoded
    assert too_long.status_code == 400 and "复制链接" in too_long.content.decode()


def test_breadcrumbs_lead_home_from_pages_and_from_search(client, frame, catalogue):
    item = factories.make_item(catalogue, title="关于做好春季防汛工作的通知")
    crumbs = re.search(r'<nav class="breadcrumb.*?</nav>', client.get(item.url).content.decode(), re.S).group(0)
    assert re.findall(r">([^<>]+)</(?:a|li)>", crumbs) == [
        "首页",
        "机构概况",
        catalogue.get_parent().title,
        "信息公开目录",
        "关于做好春季防汛工作的通知",
    ]
    assert "首页 搜索" in text(client.get("/search/", {"q": "防汛"}))


def test_the_not_found_page_offers_search_and_the_way_home(client, frame):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html or "找不到" in html
    assert 'action="/search/"' in html and 'href="/sitemap/"' in html
    assert '<nav class="site-nav"' in html


def test_the_server_error_page_is_chinese_and_needs_no_database():
    html = render_to_string("500.html")
    assert "服务器暂时无法处理您的请求" in html and 'action="/search/"' in html
    assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", re.sub(r"<[^>]+>", "", html))  # no English sentences


def test_an_item_page_shows_the_publication_date_and_each_attachments_type_and_size(client, catalogue):
    document = make_document("收费标准", "fees.pdf", pdf_bytes("课后服务收费标准"))
    item = factories.make_item(
        catalogue, title="关于规范课后服务收费的通知", attachments=[CatalogueAttachment(document=document)]
    )
    page = text(client.get(item.url))
    assert "发布日期" in page and "已发布" not in page
    size = document.get_file_size()
    assert size > 0
    assert re.search(r"收费标准 （PDF，[\d.]+\s*(字节|KB)）", page), page


def test_the_sitemap_names_the_sites_real_host(client, catalogue):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.qingxi.gov.cn", 443
    site.save()
    body = client.get("/sitemap.xml", HTTP_HOST="www.qingxi.gov.cn").content.decode()
    assert "<loc>https://www.qingxi.gov.cn/agencies/" in body
    assert "localhost" not in body


def test_the_demo_server_sets_its_site_to_the_address_it_serves():
    ServeDemo().serve_site_at("127.0.0.1:8765")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8765"
    ServeDemo().serve_site_at("0.0.0.0:8000")
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost:8000"


def test_navigation_addresses_are_full_urls_or_paths_on_this_site():
    for good in ("https://www.gov.cn/", "/agencies/?category=3", "/#agency-catalogues"):
        validate_link_address(good)
    for bad in ("//evil.example/", "javascript:alert(1)", "www.gov.cn", "/a b"):
        with pytest.raises(ValidationError):
            validate_link_address(bad)


def test_the_home_page_links_each_agencys_catalogue_guide_and_application_page(client, frame, agency, catalogue):
    form = make_form_page(agency)
    html = client.get("/").content.decode()
    for page in (catalogue, frame["guide"], form):
        assert f'href="{page.url}"' in html, page.title
    form.unpublish()
    assert f'href="{form.url}"' not in client.get("/").content.decode()
