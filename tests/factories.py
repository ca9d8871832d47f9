"""Small builders for test content; they go through Wagtail's own tree and publishing APIs."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo.codes import org_code
from cms.home.models import HomePage
from disclosure.agencies.roles import groups_of
from disclosure.models import (
    AgencyIndexPage,
    AgencyPage,
    AnnouncementIndexPage,
    AnnouncementPage,
    CatalogueIndexPage,
    CatalogueItemPage,
    DisclosureGuidePage,
)

_counter = itertools.count(10000001)


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def home():
    return HomePage.objects.get()


def agency_directory():
    existing = AgencyIndexPage.objects.first()
    return existing or publish(home().add_child(instance=AgencyIndexPage(title="机构概况", slug="agencies")))


def make_agency(title=None, short_name=None, code=None, **fields):
    number = next(_counter)
    agency = AgencyPage(
        title=title or f"青溪县测试局{number}",
        slug=f"agency-{number}",
        short_name=short_name or f"测试局{number}",
        org_code=code or org_code(str(number)[-8:]),
        **fields,
    )
    agency_directory().add_child(instance=agency)
    return publish(agency)


def make_catalogue(agency):
    return publish(agency.add_child(instance=CatalogueIndexPage(title="信息公开目录", slug="catalogue")))


def category(agency, code):
    return agency.catalogue_categories.get(code=code)


def make_item(catalogue, title="关于做好测试工作的通知", live=True, category_code="0102", **fields):
    agency = catalogue.get_parent().specific
    values = {
        "summary": "测试条目的内容概述。",
        "generated_date": datetime.date(2025, 3, 1),
        "category": category(agency, category_code),
        "body": "<p>正文内容。</p>",
    }
    values.update(fields)
    item = CatalogueItemPage(title=title, live=False, **values)
    catalogue.add_child(instance=item)
    if live:
        publish(item)
    else:
        item.save_revision()
    item.refresh_from_db()
    return item


def make_announcement_column(parent, title="通知公告", slug="notices"):
    return publish(parent.add_child(instance=AnnouncementIndexPage(title=title, slug=slug)))


def make_announcement(column, title="关于测试的公告", live=True, **fields):
    fields.setdefault("date", timezone.now())
    fields.setdefault("body", "<p>公告正文。</p>")
    page = AnnouncementPage(title=title, live=False, **fields)
    column.add_child(instance=page)
    if live:
        publish(page)
    return page


def make_guide(agency):
    return publish(
        agency.add_child(
            instance=DisclosureGuidePage(
                title="政府信息公开指南",
                slug="guide",
                classification="<p>按主题分类编排。</p>",
                proactive_disclosure="<p>通过政府网站主动公开。</p>",
                application_procedure="<p>可在线或书面提出申请。</p>",
                office_name="办公室",
                address="人民路1号",
                office_hours="工作日 8:30-17:30",
                phone="0578-1234567",
            )
        )
    )


def make_user(username, agency=None, role=None, **fields):
    user = get_user_model().objects.create_user(username=username, password="pw", **fields)
    if agency is not None:
        user.groups.add(*groups_of(agency, role))
    return user


def make_interview_column(agency, title="在线访谈", slug="interviews"):
    from online_interview.models import InterviewIndexPage

    return publish(agency.add_child(instance=InterviewIndexPage(title=title, slug=slug)))


def make_interview(column, title="县教育局局长谈义务教育招生", start=None, hours=2, live=True, guests=None, **fields):
    """A session starting ``start`` (default: four days from now), with one guest unless told otherwise."""
    from online_interview.models import InterviewGuest, InterviewPage

    start = start or timezone.now() + datetime.timedelta(days=4)
    fields.setdefault("summary", "就今年秋季义务教育招生入学政策回答网友提问。")
    fields.setdefault("host", "林主持")
    fields.setdefault("location", "县融媒体中心演播室")
    page = InterviewPage(
        title=title, start_at=start, end_at=start + datetime.timedelta(hours=hours), live=False, **fields
    )
    page.guests = [
        InterviewGuest(name=name, post=post, agency="县教育局") for name, post in (guests or [("周文", "局长")])
    ]
    column.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.save_revision()
    return InterviewPage.objects.get(pk=page.pk)
