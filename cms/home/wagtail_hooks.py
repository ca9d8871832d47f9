from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.security.lockouts import LockoutPermissionPolicy, LoginLockoutViewSet

register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()


#: Wagtail's help items that open its website: government networks often cannot reach it.
OFF_SITE_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def keep_help_on_the_site(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(OFF_SITE_HELP)]
