"""设置 → 登录锁定: administrators see who is locked out of the admin and unlock them.

The rows are django-axes' ``AccessAttempt`` (failed logins per user name and address);
deleting one unlocks that user from that address at once. Nobody adds or edits them here.
"""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Only superusers (and holders of axes' delete permission) see and clear lockouts."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LoginLockoutViewSet(ModelViewSet):
    name = "login_lockouts"
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    menu_order = 900
    list_display = [
        Column("username", label=_("user name")),
        Column("ip_address", label=_("address")),
        Column("failures_since_start", label=_("failed attempts")),
        DateColumn("attempt_time", label=_("last attempt")),
    ]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    form_fields = ["username"]  # the edit form is never offered (see the permission policy)
    copy_view_enabled = False
