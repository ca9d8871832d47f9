import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from disclosure.models import AgencyRole, CatalogueItemPage
from tests import factories
from tests.admin_forms import edit_form_data


class Desk:
    """The four roles of an agency working through the Wagtail admin over HTTP."""

    def __init__(self, client, agency, catalogue):
        self.client, self.agency, self.catalogue = client, agency, catalogue
        self.users = {
            role: factories.make_user(f"{role}-{agency.pk}", agency, role, email=f"{role}@example.gov.cn")
            for role in AgencyRole
        }

    def login(self, role):
        self.client.force_login(self.users[role])

    def create_and_submit(self, title, attachments=(), **changes):
        self.login(AgencyRole.EDITOR)
        draft = CatalogueItemPage(
            title=title,
            slug=f"item-{CatalogueItemPage.objects.count() + 1}-{len(title)}",
            summary="关于做好年度工作的通知内容概述。",
            generated_date=datetime.date.today(),
            category=factories.category(self.agency, "0102"),
        )
        data = edit_form_data(draft, attachments=attachments, **changes)
        data["action-submit"] = "submit"
        url = reverse("wagtailadmin_pages:add", args=["disclosure", "catalogueitempage", self.catalogue.pk])
        response = self.client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        return Page.objects.get(title=title).specific

    def edit_and_submit(self, item, **changes):
        self.login(AgencyRole.EDITOR)
        data = edit_form_data(item, **changes)
        data["action-submit"] = "submit"
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)

    def task_state(self, item):
        item = Page.objects.get(pk=item.pk)
        return item.current_workflow_task_state

    def action_url(self, item, action):
        return reverse("wagtailadmin_pages:workflow_action", args=[item.pk, action, self.task_state(item).pk])

    def approve(self, role, item, comment=""):
        self.login(role)
        response = self.client.post(self.action_url(item, "approve"), {"comment": comment})
        assert response.status_code == 302
        return response

    def secrecy_decision(self, item, action="approve", **fields):
        self.login(AgencyRole.SECRECY_REVIEWER)
        data = {
            "secrecy_status": "not_secret",
            "disclosure_mode": "proactive",
            "task_state_id": self.task_state(item).pk,
            "comment": "",
        }
        data.update(fields)
        return self.client.post(self.action_url(item, action), data, headers={"x-requested-with": "XMLHttpRequest"})

    def through_the_chain(self, item, **secrecy):
        self.approve(AgencyRole.DEPARTMENT_REVIEWER, item, "内容属实，同意。")
        response = self.secrecy_decision(item, **secrecy)
        assert '"step": "success"' in response.content.decode(), response.content.decode()[:3000]
        self.approve(AgencyRole.LEADER, item, "同意发布。")
        return Page.objects.get(pk=item.pk).specific


@pytest.fixture
def desk(client, agency, catalogue):
    return Desk(client, agency, catalogue)
