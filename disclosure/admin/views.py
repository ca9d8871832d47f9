"""Admin views that show and act only on the rows of the user's own agencies."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic import DeleteView, EditView, IndexView


class ScopedIndexView(IndexView):
    """Lists only what the permission policy lets this user act on (their agencies' rows)."""

    scope_actions = ["change"]
    related = ["agency"]

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.scope_actions
        ).select_related(*self.related)


class CategoryIndexView(ScopedIndexView):
    related = ["agency", "parent__parent"]


class InstancePermissionMixin:
    """Generic edit/delete views check the model permission only; also check the object itself."""

    instance_action = "change"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, self.instance_action, obj):
            raise PermissionDenied
        return obj


class ScopedEditView(InstancePermissionMixin, EditView):
    pass


class ScopedDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"
