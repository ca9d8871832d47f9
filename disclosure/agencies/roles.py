"""An agency's role groups (编辑, 科室审核, 保密审查, 分管领导, 依申请公开办理人), scoped to its subtree and its document collection."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import AgencyGroup, AgencyRole

# Publishing is the leaders' alone: editors and reviewers can only move items through the workflow.
PAGE_PERMISSIONS = {
    AgencyRole.EDITOR: ["add_page", "change_page"],
    AgencyRole.DEPARTMENT_REVIEWER: ["add_page", "change_page"],
    AgencyRole.SECRECY_REVIEWER: ["change_page"],
    AgencyRole.LEADER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    AgencyRole.REQUEST_HANDLER: [],
}
COLLECTION_PERMISSIONS = {
    AgencyRole.EDITOR: ["add_document", "change_document", "choose_document", "add_image", "choose_image"],
    AgencyRole.DEPARTMENT_REVIEWER: ["add_document", "change_document", "choose_document", "add_image", "choose_image"],
    AgencyRole.SECRECY_REVIEWER: ["change_document", "choose_document", "choose_image"],
    AgencyRole.LEADER: ["add_document", "change_document", "choose_document", "add_image", "choose_image"],
    AgencyRole.REQUEST_HANDLER: ["choose_document"],
}


# Agencies manage their own category tree (the admin scopes it to their agency).
# Secrecy reviewers keep the sensitive-word list; they and the leaders read the review register.
MODEL_PERMISSIONS = {
    AgencyRole.EDITOR: ["add_cataloguecategory", "change_cataloguecategory", "delete_cataloguecategory"],
    AgencyRole.DEPARTMENT_REVIEWER: [],
    AgencyRole.SECRECY_REVIEWER: [
        "view_reviewrecord",
        "add_sensitiveword",
        "change_sensitiveword",
        "delete_sensitiveword",
    ],
    AgencyRole.LEADER: [
        "add_cataloguecategory",
        "change_cataloguecategory",
        "delete_cataloguecategory",
        "view_reviewrecord",
        "view_disclosurerequest",
        "approve_extension",
        "view_appealcase",
    ],
    # The request desk: handlers see applicants' identity data (each view logged); leaders approve extensions.
    AgencyRole.REQUEST_HANDLER: [
        "view_disclosurerequest",
        "add_disclosurerequest",
        "change_disclosurerequest",
        "view_personal_data",
        "view_appealcase",
        "add_appealcase",
        "change_appealcase",
        "view_noticetemplate",
        "add_noticetemplate",
        "change_noticetemplate",
    ],
}


def _permission(codename):
    return Permission.objects.get(
        codename=codename, content_type__app_label__in=["wagtailcore", "wagtaildocs", "wagtailimages", "disclosure"]
    )


def group_name(agency, role):
    return f"{agency.short_name or agency.title}（{agency.org_code}）{AgencyRole(role).label}"


def agency_collection(agency):
    root = Collection.get_first_root_node()
    name = f"{agency.title}（{agency.org_code}）"
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def create_role_groups(agency):
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    collection = agency_collection(agency)
    for role in AgencyRole:
        link = AgencyGroup.objects.filter(agency=agency, role=role).select_related("group").first()
        group = link.group if link else Group.objects.create(name=group_name(agency, role))
        if link is None:
            AgencyGroup.objects.create(agency=agency, role=role, group=group)
        group.permissions.add(access_admin, *(_permission(codename) for codename in MODEL_PERMISSIONS[role]))
        for codename in PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(group=group, page=agency, permission=_permission(codename))
        for codename in COLLECTION_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(codename)
            )


def groups_of(agency, role):
    return Group.objects.filter(agency_role__agency=agency, agency_role__role=role)


def members_with_email(agency_ids, roles):
    """{user: the agencies among ``agency_ids`` where they play one of ``roles``}, for active users with
    an e-mail address: whom a daily reminder about those agencies goes to, one e-mail each."""
    rows = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__agency_role__agency_id__in=agency_ids,
            groups__agency_role__role__in=roles,
        )
        .exclude(email="")
        .values_list("pk", "groups__agency_role__agency_id")
    )
    agencies = defaultdict(set)
    for user_id, agency_id in rows:
        agencies[user_id].add(agency_id)
    users = get_user_model().objects.in_bulk(list(agencies))
    return {users[user_id]: ids for user_id, ids in agencies.items()}
