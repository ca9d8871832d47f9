"""The permission policy of the report screens, on the rule of ``reports.permissions``: an agency's
editors write its report, its leaders (and a government's, for its members) read it.

"view" lists and reads, "add" starts a report, "change" edits one; nothing is deleted through the
admin (a report that was started by mistake stays a draft until the lead's tools remove it).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from ...agencies.models import AgencyGroup
from ..permissions import READING_ROLES, WRITING_ROLES, can_read, can_write, readable_agencies, writable_agencies


def _active(user):
    return user is not None and user.is_active


def _users_in_roles(roles):
    groups = AgencyGroup.objects.filter(role__in=roles).values("group_id")
    return get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__in=groups), is_active=True).distinct()


class ReportPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if not _active(user):
            return False
        if action == "view":
            return readable_agencies(user).exists()
        if action in ("add", "change"):
            return writable_agencies(user).exists()
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if not _active(user):
            return False
        if action == "view":
            return can_read(user, instance)
        if action == "change":
            return can_write(user, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model._default_manager.all()
        if not _active(user):
            return instances.none()
        if "view" in actions:
            return instances.filter(agency__in=readable_agencies(user))
        if "change" in actions:
            return instances.filter(agency__in=writable_agencies(user))
        return instances.none()

    def users_with_any_permission(self, actions):
        if "view" in actions:
            return _users_in_roles(READING_ROLES)
        if "add" in actions or "change" in actions:
            return _users_in_roles(WRITING_ROLES)
        return get_user_model().objects.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        roles = READING_ROLES if "view" in actions else WRITING_ROLES
        return (
            self.users_with_any_permission(actions)
            .filter(
                Q(is_superuser=True)
                | Q(groups__agency_role__agency_id=instance.agency_id, groups__agency_role__role__in=roles)
            )
            .distinct()
        )
