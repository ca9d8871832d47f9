"""Which agencies an admin user may manage: those whose page they can change."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from ..agencies.models import AgencyPage


def agencies_for_user(user):
    if user.is_superuser:
        return AgencyPage.objects.all()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return AgencyPage.objects.filter(pk__in=editable.values("pk"))
