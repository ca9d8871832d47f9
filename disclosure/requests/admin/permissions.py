"""Permission policies of the desk's screens, on the same rule as the services (``requests.permissions``):
an agency's 依申请公开办理人 handle its requests, its leaders read them; nobody sees another agency's.

Requests are never changed or deleted through generic views: every change is a transition, so
the policy grants only "view" (read) and "add" (register an application received on paper).
The appeal register and the notice templates carry model permissions (given to the role groups)
scoped to the agencies where the user holds the role: reading for handlers and leaders, writing
for handlers only.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy

from ...agencies.models import AgencyGroup
from ..permissions import HANDLING_ROLES, READING_ROLES, agencies_for, can_read, visible_requests


def _active(user):
    return user is not None and user.is_active


def _users_in_roles(roles):
    groups = AgencyGroup.objects.filter(role__in=roles).values("group_id")
    return get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__in=groups), is_active=True).distinct()


class RequestPermissionPolicy(BasePermissionPolicy):
    """ "view": the user reads some agency's requests; "add": the user handles some agency's requests."""

    def user_has_permission(self, user, action):
        if not _active(user):
            return False
        if user.is_superuser:
            return action in ("view", "add")
        if action == "view":
            return agencies_for(user).exists()
        if action == "add":
            return agencies_for(user, HANDLING_ROLES).exists()
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return _active(user) and can_read(user, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        model = self.model
        if not _active(user) or "view" not in actions:
            return model._default_manager.none()
        return visible_requests(user, model._default_manager.all())

    def users_with_any_permission(self, actions):
        if "view" in actions:
            return _users_in_roles(READING_ROLES)
        if "add" in actions:
            return _users_in_roles(HANDLING_ROLES)
        return get_user_model().objects.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__agency_role__agency_id=instance.agency_id, groups__agency_role__role__in=READING_ROLES)
        ).distinct()


class DeskRecordPermissionPolicy(ModelPermissionPolicy):
    """The model permission, and the record's agency among those where the user reads (view) or handles
    (add, change, delete) requests. Records without an agency (site defaults) are the superuser's."""

    agency_field = "agency"

    def _agencies(self, user, action):
        return agencies_for(user) if action == "view" else agencies_for(user, HANDLING_ROLES)

    def user_has_permission_for_instance(self, user, action, instance):
        if not (_active(user) and self.user_has_permission(user, action)):
            return False
        if user.is_superuser:
            return True
        agency_id = getattr(instance, f"{self.agency_field}_id")
        return agency_id is not None and self._agencies(user, action).filter(pk=agency_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model._default_manager.all()
        if not _active(user):
            return instances.none()
        if user.is_superuser:
            return instances
        scope = Q(pk__in=[])
        for action in actions:
            if self.user_has_permission(user, action):
                scope |= Q(**{f"{self.agency_field}__in": self._agencies(user, action)})
        return instances.filter(scope)
