"""设置 → 登录锁定: administrators see who is locked out of the admin and unlock them.

The rows are django-axes' ``AccessAttempt`` (failed logins per user name and address);
deleting one — "解锁" — unlocks that user from that address at once. Nobody adds or edits
them here. django-axes ships no Chinese, so the screens name things in our own words.
"""

from axes.models import AccessAttempt
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

# django-axes ships no Chinese catalogue. The admin's headings, counts and empty states read
# its model's names: these are axes' own msgids, translated in this app's catalogue.
AXES_MESSAGES = (
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("Username"),
    gettext_noop("IP Address"),
    gettext_noop("Failed Logins"),
    gettext_noop("Attempt Time"),
)


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Only superusers (and holders of axes' delete permission) see and clear lockouts."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def _described(attempt):
    return _("%(username)s from %(address)s") % {"username": attempt.username, "address": attempt.ip_address}


class LockoutIndexView(IndexView):
    page_title = gettext_lazy("Login lockouts")

    def get_list_more_buttons(self, instance):
        url = self.get_delete_url(instance)
        return [Button(_("Unlock"), url=url, icon_name="lock-open", priority=10)] if url else []


class UnlockView(DeleteView):
    page_title = gettext_lazy("Unlock")

    def get_page_subtitle(self):
        return _described(self.object)

    def get_usage_url(self):
        return None  # nothing refers to a lockout; "referenced 0 times" would only puzzle

    @property
    def confirmation_message(self):
        return _("Let this user log in again from this address? The count of failed attempts starts again.")

    def get_success_message(self):
        return _("%(who)s may log in again.") % {"who": _described(self.object)}


class LoginLockoutViewSet(ModelViewSet):
    name = "login_lockouts"
    model = AccessAttempt
    icon = "lock"
    menu_label = gettext_lazy("Login lockouts")
    add_to_settings_menu = True
    menu_order = 900
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    list_display = [
        "username",  # the title column: it carries the row's 解锁 button
        Column("ip_address", label=gettext_lazy("address")),
        Column("failures_since_start", label=gettext_lazy("failed attempts")),
        DateColumn("attempt_time", label=gettext_lazy("last attempt")),
    ]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    form_fields = ["username"]  # the edit form is never offered (see the permission policy)
    copy_view_enabled = False
