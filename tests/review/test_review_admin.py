"""What editors and reviewers see in the admin: findings, the register, the queue, the deadlines."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from disclosure.calendar.models import CalendarYear
from disclosure.models import AgencyRole, CatalogueItemPage, ReviewRecord
from disclosure.review import deadlines
from disclosure.review.reminders import send_review_reminders
from tests import factories
from tests.admin_forms import rich_text
from tests.review.documents import make_document, pdf_bytes

pytestmark = pytest.mark.django_db

PERSONAL = "联系人：王某，电话13812345678。"


@pytest.fixture(autouse=True)
def calendar_covers_the_coming_months():
    """Counting working days needs the years involved; years without official data count Mon–Fri."""
    today = timezone.localdate()
    for year in (today.year - 1, today.year, today.year + 1):
        CalendarYear.objects.get_or_create(year=year)


def at_secrecy_review(desk, title, body=PERSONAL):
    item = desk.create_and_submit(title, body=rich_text("关于做好相关工作的通知。", body))
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    return item


def test_the_secrecy_form_shows_findings_highlighted_and_requires_acknowledgement(desk):
    item = at_secrecy_review(desk, "关于走访慰问困难群众的通知")
    desk.login(AgencyRole.SECRECY_REVIEWER)
    modal = desk.client.get(desk.action_url(item, "approve")).json()["html"]
    assert '<mark class="screening-match">13812345678</mark>' in modal
    assert "手机号码" in modal and "findings_acknowledged" in modal

    refused = desk.secrecy_decision(item)
    assert '"step": "success"' not in refused.content.decode()
    assert "请确认已核对" in refused.json()["html"]
    assert not ReviewRecord.objects.filter(page=item, stage="secrecy").exists()

    accepted = desk.secrecy_decision(item, findings_acknowledged="on")
    assert '"step": "success"' in accepted.content.decode()
    record = ReviewRecord.objects.get(page=item, stage="secrecy")
    assert record.findings_count == 1 and record.findings_acknowledged


def test_a_form_for_another_review_is_refused(desk):
    first = at_secrecy_review(desk, "第一份送审稿", body="正文")
    second = at_secrecy_review(desk, "第二份送审稿", body="正文")
    desk.login(AgencyRole.SECRECY_REVIEWER)
    response = desk.client.post(
        desk.action_url(first, "approve"),
        {"secrecy_status": "not_secret", "disclosure_mode": "proactive", "task_state_id": desk.task_state(second).pk},
    )
    assert response.status_code in (302, 403)
    assert not ReviewRecord.objects.filter(stage="secrecy").exists()


def test_the_editor_is_told_of_findings_on_submit(desk):
    desk.create_and_submit("关于公布联系人的通知", body=rich_text(PERSONAL))
    item = CatalogueItemPage.objects.get(title="关于公布联系人的通知")
    page = desk.client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).content.decode()
    assert "保密审查人确认" in page and '<mark class="screening-match">13812345678</mark>' in page


def test_a_secrecy_marking_blocks_submission_and_loses_nothing(desk, catalogue):
    item = factories.make_item(catalogue, title="关于防汛工作的通知", live=False)
    before = item.get_latest_revision().pk
    response = desk.edit_and_submit(item, body=rich_text("机密★5年", "青溪县人民政府办公室", "关于防汛工作的通知"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "涉密不上网" in html and "正文：…【机密★5年】青溪县人民政府办公室" in html
    assert "机密★5年" in html  # the editor's text is still in the form
    item.refresh_from_db()
    assert not item.workflow_in_progress and item.get_latest_revision().pk == before


def test_a_marked_attachment_blocks_submission(desk, catalogue):
    document = make_document("附件一", "annex.pdf", pdf_bytes("秘密★1年", "某项目情况汇报"))
    item = factories.make_item(catalogue, title="关于项目进展的报告", live=False)
    response = desk.edit_and_submit(item, attachments=[document])
    assert response.status_code == 200 and "附件：附件一：…【秘密★1年】" in response.content.decode()
    item.refresh_from_db()
    assert not item.workflow_in_progress


def test_the_register_lists_filters_and_exports_but_never_edits(desk, agency, other_agency):
    desk.through_the_chain(desk.create_and_submit("关于做好年度考核工作的通知"))
    ReviewRecord.objects.create(
        agency=other_agency,
        item_title="他局的审查记录",
        step_name="保密审查",
        stage="secrecy",
        decision="approved",
        reviewer_name="他人",
    )
    desk.login(AgencyRole.SECRECY_REVIEWER)
    index = desk.client.get(reverse("review_records:index"))
    html = index.content.decode()
    assert index.status_code == 200 and "关于做好年度考核工作的通知" in html and "他局的审查记录" not in html
    filtered = desk.client.get(reverse("review_records:index"), {"stage": "secrecy"}).content.decode()
    assert "县教育局保密审查" in filtered and "县教育局科室初审" not in filtered
    export = desk.client.get(reverse("review_records:index"), {"export": "csv"})
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "关于做好年度考核工作的通知" in content and "审查人" in content and "非涉密" in content
    record = ReviewRecord.objects.filter(page__isnull=False).first()
    for name in ("edit", "delete"):
        response = desk.client.get(reverse(f"review_records:{name}", args=[record.pk]))
        assert response.status_code in (302, 403)
    assert desk.client.post(reverse("review_records:delete", args=[record.pk])).status_code in (302, 403)
    assert ReviewRecord.objects.filter(pk=record.pk).exists()
    record.comment = "改写"
    with pytest.raises(PermissionDenied):
        record.save()
    with pytest.raises(PermissionDenied):
        record.delete()
    # Editors do not see the register at all.
    desk.login(AgencyRole.EDITOR)
    assert desk.client.get(reverse("review_records:index")).status_code in (302, 403)


def test_the_review_shows_in_the_items_history(desk):
    item = desk.through_the_chain(desk.create_and_submit("关于调整作息时间的通知"))
    desk.login(AgencyRole.LEADER)
    history = desk.client.get(reverse("wagtailadmin_pages:history", args=[item.pk])).content.decode()
    assert "审查结论" in history and "非涉密" in history


def test_the_dashboard_queue_shows_waiting_time_and_flags_old_items(desk):
    fresh = at_secrecy_review(desk, "新送审的通知", body="正文")
    old = at_secrecy_review(desk, "久等的通知", body="正文")
    TaskState.objects.filter(pk=desk.task_state(old).pk).update(started_at=timezone.now() - datetime.timedelta(days=14))
    desk.login(AgencyRole.SECRECY_REVIEWER)
    html = desk.client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待我审核" in html and fresh.title in html and old.title in html
    assert html.count("review-flag") == 1 and "已等待超过 3 个工作日" in html

    assert send_review_reminders() >= 1
    reminder = next(m for m in mail.outbox if "secrecy_reviewer@example.gov.cn" in m.to and "等待" in m.subject)
    assert "久等的通知" in reminder.body and "新送审的通知" not in reminder.body


def test_art26_monitor_lists_items_at_risk_and_overdue(desk, catalogue):
    today = timezone.localdate()
    overdue = factories.make_item(
        catalogue, title="逾期未发布的文件", live=False, generated_date=today - datetime.timedelta(days=60)
    )
    at_risk = factories.make_item(
        catalogue, title="即将逾期的文件", live=False, generated_date=today - datetime.timedelta(days=24)
    )
    fresh = factories.make_item(catalogue, title="刚生成的文件", live=False, generated_date=today)
    factories.make_item(catalogue, title="早已发布的文件", generated_date=today - datetime.timedelta(days=90))

    items = CatalogueItemPage.objects.all()
    assert list(deadlines.filter_items(items, deadlines.OVERDUE)) == [overdue]
    assert list(deadlines.filter_items(items, deadlines.AT_RISK)) == [at_risk]
    assert deadlines.deadline_for(fresh.generated_date).end > today

    desk.login(AgencyRole.EDITOR)
    dashboard = desk.client.get(reverse("wagtailadmin_home")).content.decode()
    assert "发布时限监测" in dashboard and "逾期未发布的文件" in dashboard and "即将逾期的文件" in dashboard
    assert "刚生成的文件" not in dashboard and "早已发布的文件" not in dashboard
    listing = desk.client.get(reverse("catalogue_items:index"), {"publication_deadline": "overdue"}).content.decode()
    assert "逾期未发布的文件" in listing and "即将逾期的文件" not in listing
