import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from disclosure.models import AgencyDepartment, AgencyLeader, DisclosureSettings, PolicyInterpretation
from tests import factories

pytestmark = pytest.mark.django_db


def meta(html, name):
    match = re.search(rf'<meta name="{name}" content="([^"]*)">', html)
    return match.group(1) if match else None


@pytest.fixture
def site_settings():
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "青溪县人民政府信息公开"
    settings.site_id_code = "3311270001"
    settings.save()
    return settings


def test_item_page_shows_statutory_metadata_and_government_meta_tags(client, catalogue, agency, site_settings):
    published = timezone.make_aware(datetime.datetime(2025, 4, 2, 15, 45))
    item = factories.make_item(
        catalogue,
        title="关于做好义务教育招生工作的通知",
        doc_number="青教发〔2025〕5号",
        published_at=published,
        keywords="招生 入学",
    )
    html = client.get(item.url).content.decode()
    for text in [
        item.index_number,
        "青教发〔2025〕5号",
        "2025-04-02 15:45",
        "2025-03-01",
        "青溪县教育局",
        "招生 入学",
        "测试条目的内容概述。",
    ]:
        assert text in html
    assert meta(html, "SiteName") == "青溪县人民政府信息公开"
    assert meta(html, "SiteIDCode") == "3311270001"
    assert meta(html, "ColumnName") == "信息公开目录"
    assert meta(html, "ArticleTitle") == "关于做好义务教育招生工作的通知"
    assert meta(html, "PubDate") == "2025-04-02 15:45"
    assert meta(html, "ContentSource") == "青溪县教育局"


def test_repealed_item_shows_banner_linking_to_its_replacement(client, catalogue):
    new = factories.make_item(catalogue, title="新办法")
    old = factories.make_item(
        catalogue, title="旧办法", validity="repealed", validity_date=datetime.date(2025, 6, 1), replaced_by=new
    )
    html = client.get(old.url).content.decode()
    assert "本文件已不再有效" in html and "2025-06-01" in html
    assert f'href="{new.url}"' in html
    assert "旧办法" in client.get(new.url).content.decode()  # "本文件替代" list on the new one


def test_interpretation_and_policy_link_both_ways(client, catalogue):
    policy = factories.make_item(catalogue, title="某政策")
    interpretation = factories.make_item(catalogue, title="某政策解读", live=False)
    interpretation.interpreted_policies = [PolicyInterpretation(policy=policy)]
    factories.publish(interpretation)
    assert "某政策解读" in client.get(policy.url).content.decode()
    assert "某政策" in client.get(interpretation.url).content.decode()


def test_on_request_item_lists_metadata_but_not_its_body(client, catalogue):
    item = factories.make_item(
        catalogue,
        title="依申请公开的文件",
        disclosure_mode="on_request",
        disclosure_note="涉及第三方商业秘密",
        body="<p>不应显示的正文</p>",
    )
    html = client.get(item.url).content.decode()
    assert "依申请公开的文件" in html and "本信息依申请公开" in html
    assert "不应显示的正文" not in html


def test_agency_page_shows_leaders_departments_and_contacts(client, agency):
    AgencyLeader.objects.create(agency=agency, name="陈立华", post="局长", duties="主持全面工作。")
    AgencyDepartment.objects.create(agency=agency, name="政策法规科", functions="负责法规工作。", phone="0578-1111111")
    agency.phone = "0578-2222222"
    agency.address = "人民路1号"
    factories.publish(agency)
    html = client.get(agency.url).content.decode()
    for text in ["陈立华", "主持全面工作。", "政策法规科", "0578-2222222", "人民路1号", agency.org_code]:
        assert text in html


def test_guide_shows_its_last_update(client, agency):
    guide = factories.make_guide(agency)
    html = client.get(guide.url).content.decode()
    assert "更新时间" in html and timezone.localtime(guide.last_published_at).strftime("%Y-%m-%d %H:%M") in html
    assert "依申请公开" in html and "0578-1234567" in html


def test_home_lists_latest_announcements_and_every_agency_catalogue(client, catalogue, agency):
    column = factories.make_announcement_column(factories.home())
    factories.make_announcement(
        column, title="普通公告", date=timezone.make_aware(datetime.datetime(2026, 3, 5, 14, 30))
    )
    factories.make_announcement(column, title="置顶公告", date=timezone.now() - datetime.timedelta(days=9), pinned=True)
    html = client.get("/").content.decode()
    assert html.index("置顶公告") < html.index("普通公告")
    assert "2026-03-05 14:30" in html  # times shown as YYYY-MM-DD HH:MM
    assert agency.title in html and f'href="{catalogue.url}"' in html
    assert 'action="/search/"' in html


def test_announcement_column_filters_by_category(client):
    column = factories.make_announcement_column(factories.home())
    factories.make_announcement(column, title="一则通知", category="notice")
    factories.make_announcement(column, title="一则动态", category="news")
    html = client.get(column.url + "?category=news").content.decode()
    assert "一则动态" in html and "一则通知" not in html


def test_public_site_is_chinese_even_for_english_browsers(client, catalogue):
    html = client.get(catalogue.url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="zh-hans">' in html and "全部信息" in html


def test_english_is_selectable(client, catalogue):
    response = client.post("/i18n/setlang/", {"language": "en", "next": catalogue.url})
    assert response.status_code == 302
    html = client.get(catalogue.url).content.decode()
    assert '<html lang="en">' in html and "All items" in html


def test_unknown_page_is_a_chinese_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(client):
    home = client.get("/").content.decode()
    assert 'rel="icon"' in home and "favicon.svg" in home
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/favicon.svg")
