import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from disclosure.catalogue.presets import ART20_PRESET
from disclosure.models import AgencyGroup, AgencyRole, CatalogueItemPage
from tests import factories
from tests.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


def test_a_new_agency_gets_its_role_groups_scoped_to_its_subtree(agency):
    roles = set(AgencyGroup.objects.filter(agency=agency).values_list("role", flat=True))
    assert roles == set(AgencyRole.values)
    editors = Group.objects.get(agency_role__agency=agency, agency_role__role=AgencyRole.EDITOR)
    codenames = set(GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page"}
    assert (
        GroupPagePermission.objects.filter(group=editors).values_list("page_id", flat=True).distinct().get()
        == agency.pk
    )
    leaders = Group.objects.get(agency_role__agency=agency, agency_role__role=AgencyRole.LEADER)
    assert GroupPagePermission.objects.filter(group=leaders, permission__codename="publish_page").exists()


def test_a_new_agency_gets_the_art20_category_tree(agency):
    roots = agency.catalogue_categories.filter(parent=None)
    assert roots.count() == len(ART20_PRESET) == 15
    regulations = roots.get(code="01")
    assert regulations.art20_item == 1
    assert list(regulations.children.values_list("name", flat=True)) == ["规章", "行政规范性文件", "其他文件"]


@pytest.fixture
def editor_a(agency):
    return factories.make_user("editor-a", agency, AgencyRole.EDITOR)


def test_editor_can_edit_own_agency_items(client, editor_a, catalogue):
    item = factories.make_item(catalogue)
    client.force_login(editor_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).status_code == 200


def test_editor_cannot_edit_or_publish_another_agencys_items(client, editor_a, other_catalogue):
    item = factories.make_item(other_catalogue, title="他局文件")
    client.force_login(editor_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    assert client.get(edit_url).status_code in (302, 403)
    response = client.post(edit_url, {"title": "被篡改", "action-publish": "publish"})
    assert response.status_code in (302, 403)
    assert CatalogueItemPage.objects.get(pk=item.pk).title == "他局文件"
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[item.pk]))
    assert unpublish.status_code in (302, 403)
    assert CatalogueItemPage.objects.get(pk=item.pk).live
    add_url = reverse("wagtailadmin_pages:add", args=["disclosure", "catalogueitempage", other_catalogue.pk])
    assert client.get(add_url).status_code in (302, 403)


def test_editor_cannot_publish_even_own_items(client, editor_a, catalogue, agency):
    item = factories.make_item(catalogue, live=False)
    client.force_login(editor_a)
    data = edit_form_data(item)
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert not item.live and item.index_number is None


def test_leader_cannot_publish_around_the_review_but_keeps_the_draft(client, catalogue, agency):
    """Leaders hold publish permission for the last review step; the Publish button still refuses."""
    leader = factories.make_user("leader-a", agency, AgencyRole.LEADER)
    item = factories.make_item(catalogue, live=False)
    client.force_login(leader)
    data = edit_form_data(item)
    data["title"] = "领导修改后的标题"
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[item.pk]), data, follow=True)
    assert "先审查、后公开" in response.content.decode()
    item.refresh_from_db()
    assert not item.live and item.index_number is None
    assert item.get_latest_revision_as_object().title == "领导修改后的标题"


def test_category_choices_are_limited_to_the_items_agency(client, catalogue, agency, other_agency):
    leader = factories.make_user("leader-b", agency, AgencyRole.LEADER)
    item = factories.make_item(catalogue)
    client.force_login(leader)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).context["form"]
    agencies = set(form.fields["category"].queryset.values_list("agency_id", flat=True))
    assert agencies == {agency.pk}
