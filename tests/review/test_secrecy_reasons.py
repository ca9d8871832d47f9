"""保密审查 gives the reasons of a publication review; the reply reasons of an application stay at the request desk."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from disclosure.models import AgencyRole, ReviewRecord
from disclosure.requests.admin.forms import outcome_choices
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_secrecy_review(desk):
    item = desk.create_and_submit("关于内部工作流程的说明")
    desk.approve(AgencyRole.DEPARTMENT_REVIEWER, item)
    desk.login(AgencyRole.SECRECY_REVIEWER)
    return item


def test_the_secrecy_form_offers_only_publication_reasons(desk, at_secrecy_review):
    modal = desk.client.get(desk.action_url(at_secrecy_review, "approve")).json()["html"]
    select = re.search(r'<select name="statutory_reason"[^>]*>(.*?)</select>', modal, re.S).group(1)
    for reason in (
        "属于国家秘密",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于四类过程性信息",
        "属于行政查询事项",
    ):
        assert reason in select
    assert "第十四条" in select and "第十五条" in select and "第十六条" in select
    for request_reason in ("本机关不掌握", "另行制作", "补正后", "无法提供", "重复申请"):
        assert request_reason not in select


def test_a_request_reason_is_refused_in_chinese(desk, at_secrecy_review):
    item = at_secrecy_review
    response = desk.secrecy_decision(item, disclosure_mode="not_disclosed", statutory_reason="not_held")
    assert '"step": "success"' not in response.content.decode()
    assert "请选择不予公开的法定理由" in response.json()["html"]
    assert not ReviewRecord.objects.filter(page=item, stage="secrecy").exists()

    accepted = desk.secrecy_decision(item, disclosure_mode="on_request", statutory_reason="process_information")
    assert '"step": "success"' in accepted.content.decode()
    assert ReviewRecord.objects.get(page=item, stage="secrecy").statutory_reason == "process_information"


def test_a_request_reason_recorded_earlier_still_reads_in_words(client, agency):
    record = ReviewRecord.objects.create(
        agency=agency,
        item_title="早年的审查记录",
        step_name="保密审查",
        stage="secrecy",
        decided_mode="not_disclosed",
        statutory_reason="not_held",
        decision="returned",
        reviewer_name="某审查人",
        decided_at=timezone.now() - datetime.timedelta(days=400),
    )
    client.force_login(factories.make_user("reviewer", agency, AgencyRole.SECRECY_REVIEWER))
    inspect = client.get(reverse("review_records:inspect", args=[record.pk]))
    assert inspect.status_code == 200 and "本机关不掌握相关政府信息" in inspect.content.decode()


def test_the_request_desk_still_offers_its_reply_reasons():
    labels = [str(label) for _group, options in outcome_choices()[1:] for _value, label in options]
    assert any("本机关不掌握" in label for label in labels)
    assert any("属于国家秘密" in label for label in labels)
