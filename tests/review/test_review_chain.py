"""The 三审 chain end to end over HTTP, as the four roles of an agency use the Wagtail admin."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowPage

from disclosure.models import AgencyRole, AnnouncementPage, PublicationHold, ReviewRecord
from tests import factories
from tests.admin_forms import edit_form_data, formset, rich_text

pytestmark = pytest.mark.django_db


def public_html(client, item):
    client.logout()
    response = client.get(item.url)
    return response.status_code, response.content.decode()


def test_editor_submits_department_approves_secrecy_records_leader_publishes(client, desk, agency):
    item = desk.create_and_submit("关于开展校园安全大检查的通知")
    assert not item.live and desk.task_state(item).task.name.endswith("科室初审")
    assert public_html(client, item)[0] == 404

    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item, "内容属实，同意。")
    assert desk.task_state(item).task.name.endswith("保密审查")
    # The secrecy reviewers are told by e-mail that an item waits for them.
    assert any("secrecy_reviewer@example.gov.cn" in message.to for message in mail.outbox)
    assert public_html(client, item)[0] == 404

    response = desk.secrecy_decision(item, comment="经审查不涉密，可主动公开。")
    assert '"step": "success"' in response.content.decode()
    assert desk.task_state(item).task.name.endswith("分管领导终审")
    assert public_html(client, item)[0] == 404

    desk.approve(AgencyRole.LEADER, item, "同意发布。")
    item.refresh_from_db()
    assert item.live and item.index_number.startswith(agency.org_code)
    status, html = public_html(client, item)
    assert status == 200 and item.index_number in html

    records = list(ReviewRecord.objects.filter(page=item).order_by("decided_at", "pk"))
    assert [(r.stage, r.decision) for r in records] == [
        ("department", "approved"),
        ("secrecy", "approved"),
        ("final", "approved"),
    ]
    secrecy = records[1]
    assert secrecy.secrecy_status == "not_secret" and secrecy.decided_mode == "proactive"
    assert secrecy.reviewer == desk.users[AgencyRole.SECRECY_REVIEWER]
    assert secrecy.comment == "经审查不涉密，可主动公开。" and secrecy.agency == agency

    log = PageLogEntry.objects.filter(page=item)
    by_action = {(entry.action, entry.user_id) for entry in log}
    assert ("wagtail.workflow.start", desk.users[AgencyRole.EDITOR].pk) in by_action
    assert ("gongkai.review.decision", desk.users[AgencyRole.SECRECY_REVIEWER].pk) in by_action
    assert ("wagtail.workflow.approve", desk.users[AgencyRole.DEPARTMENT_REVIEWER].pk) in by_action
    assert ("wagtail.publish", desk.users[AgencyRole.LEADER].pk) in by_action


def test_secret_item_is_returned_with_the_record_and_held(client, desk):
    item = desk.create_and_submit("关于某专项工作的部署意见")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.secrecy_decision(
        item,
        secrecy_status="secret",
        disclosure_mode="not_disclosed",
        statutory_reason="state_secret",
        comment="含国家秘密事项，不得上网。",
    )
    item.refresh_from_db()
    assert not item.live and item.current_workflow_state.status == "needs_changes"
    record = ReviewRecord.objects.get(page=item, stage="secrecy")
    assert record.decision == "returned" and record.statutory_reason == "state_secret"
    assert PublicationHold.objects.get(page=item).reason == "secret"
    # The editor sees why: the rejection comment in the history is the record's summary.
    entry = PageLogEntry.objects.filter(page=item, action="wagtail.workflow.reject").get()
    assert "含国家秘密事项" in entry.data["comment"] and "涉密" in entry.data["comment"]
    assert public_html(client, item)[0] == 404


def test_approving_as_secret_on_a_live_item_withdraws_it_at_once(client, desk):
    item = desk.through_the_chain(desk.create_and_submit("关于调整办公时间的通知"))
    assert public_html(client, item)[0] == 200
    desk.edit_and_submit(item, title="关于调整办公时间的通知（修订）")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.secrecy_decision(item, secrecy_status="secret", disclosure_mode="proactive")
    assert public_html(client, item)[0] == 404
    # A later review that clears it brings the item back.
    desk.edit_and_submit(item, title="关于调整办公时间的通知")
    item = desk.through_the_chain(item)
    assert not PublicationHold.objects.filter(page=item).exists()
    assert public_html(client, item)[0] == 200


def test_partial_disclosure_is_published_with_the_redaction_note(client, desk):
    item = desk.create_and_submit("关于2025年度困难学生资助名单的公示")
    item = desk.through_the_chain(item, redaction_needed="on", redaction_notes="已删除附件中学生身份证号和家庭住址。")
    assert item.live
    record = ReviewRecord.objects.get(page=item, stage="secrecy")
    assert record.redaction_needed and record.redaction_notes == "已删除附件中学生身份证号和家庭住址。"
    assert str(record.scope_display) == "部分公开"


def test_partial_disclosure_needs_a_note(desk):
    item = desk.create_and_submit("关于资助名单的公示")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    response = desk.secrecy_decision(item, redaction_needed="on", redaction_notes="")
    assert '"step": "success"' not in response.content.decode()
    assert not ReviewRecord.objects.filter(page=item, stage="secrecy").exists()


def test_a_different_disclosure_attribute_returns_the_item(desk):
    item = desk.create_and_submit("关于内部考核办法的通知")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.secrecy_decision(item, disclosure_mode="on_request", statutory_reason="internal_affairs")
    record = ReviewRecord.objects.get(page=item, stage="secrecy")
    assert record.decision == "returned" and "依申请公开" in record.comment
    assert not PublicationHold.objects.filter(page=item).exists()
    item.refresh_from_db()
    assert not item.live


def test_edit_after_publication_is_reviewed_again_and_the_live_version_stays(client, desk):
    item = desk.through_the_chain(desk.create_and_submit("关于做好秋季开学工作的通知"))
    desk.edit_and_submit(item, title="关于做好秋季开学工作的补充通知")
    item.refresh_from_db()
    assert item.workflow_in_progress and desk.task_state(item).task.name.endswith("科室初审")
    status, html = public_html(client, item)
    assert status == 200 and "关于做好秋季开学工作的通知" in html and "补充通知" not in html

    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.secrecy_decision(item)
    status, html = public_html(client, item)
    assert "补充通知" not in html  # the leader has not approved yet
    desk.approve(AgencyRole.LEADER, item)
    status, html = public_html(client, item)
    assert "关于做好秋季开学工作的补充通知" in html


def test_an_edit_during_review_restarts_the_review(desk):
    item = desk.create_and_submit("关于报送统计数据的通知")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.secrecy_decision(item)
    # The leader changes the text instead of approving: the changed version needs review again.
    desk.login(AgencyRole.LEADER)
    desk.client.post(
        reverse("wagtailadmin_pages:edit", args=[item.pk]), edit_form_data(item, title="关于报送统计数据的紧急通知")
    )
    desk.approve(AgencyRole.LEADER, item)
    item.refresh_from_db()
    assert not item.live
    assert desk.task_state(item).task.name.endswith(("科室初审", "保密审查"))


def test_a_workflow_without_secrecy_review_never_publishes(desk, agency):
    workflow = WorkflowPage.objects.get(page=agency).workflow
    workflow.workflow_tasks.filter(task__name__endswith="保密审查").delete()
    item = desk.create_and_submit("关于减少审查环节的尝试")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.approve(AgencyRole.LEADER, item)
    item.refresh_from_db()
    assert not item.live
    assert PageLogEntry.objects.filter(page=item, action="gongkai.review.publish_refused").exists()


def test_announcements_and_agency_profiles_go_through_the_same_review(client, desk, agency):
    column = factories.make_announcement_column(agency)
    desk.login(AgencyRole.EDITOR)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["disclosure", "announcementpage", column.pk]),
        {
            "title": "关于国庆假期值班安排的通知",
            "slug": "duty",
            "date": "2026-09-20 09:00",
            "category": "notice",
            "body": rich_text("国庆期间值班安排如下。"),
            "action-submit": "submit",
            **formset("comments"),
        },
    )
    assert response.status_code == 302
    announcement = AnnouncementPage.objects.get(title="关于国庆假期值班安排的通知")
    assert desk.task_state(announcement).task.name.endswith("科室初审")
    announcement = desk.through_the_chain(announcement)
    assert announcement.live
    assert ReviewRecord.objects.filter(page=announcement, stage="secrecy", decision="approved").exists()

    # The agency profile itself is under the same workflow: even the leader is offered
    # 提交审核 instead of a Publish button.
    desk.login(AgencyRole.LEADER)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[agency.pk])).content.decode()
    assert 'name="action-submit"' in edit and 'name="action-publish"' not in edit
    assert agency.get_workflow().name == "县教育局发布审查（三审）"
    assert [task.name for task in agency.get_workflow().tasks] == [
        "县教育局科室初审",
        "县教育局保密审查",
        "县教育局分管领导终审",
    ]
