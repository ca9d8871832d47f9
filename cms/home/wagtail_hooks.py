from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.security.lockouts import LockoutPermissionPolicy, LoginLockoutViewSet

register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()
