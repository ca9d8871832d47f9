"""Agency-scoped permissions for per-agency reference data (catalogue categories)."""

from wagtail.permission_policies import ModelPermissionPolicy

from .scoping import agencies_for_user


class AgencyScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permission, and on top of it: the object must belong to an agency the user manages."""

    agency_field = "agency"

    def _in_scope(self, user, instance):
        return (
            user.is_superuser
            or agencies_for_user(user).filter(pk=getattr(instance, f"{self.agency_field}_id")).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return instances
        return instances.filter(**{f"{self.agency_field}__in": agencies_for_user(user)})
