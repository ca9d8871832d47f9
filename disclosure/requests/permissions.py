"""Who may see and handle which requests: the agency's 依申请公开办理人 (and its leaders, to read and
approve extensions); superusers everywhere. Staff of one agency never see another's requests."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..agencies.models import AgencyGroup, AgencyPage, AgencyRole

HANDLING_ROLES = (AgencyRole.REQUEST_HANDLER,)
READING_ROLES = (AgencyRole.REQUEST_HANDLER, AgencyRole.LEADER)


def agencies_for(user, roles=READING_ROLES):
    """The agencies whose requests ``user`` may see (all for a superuser)."""
    if not user.is_active:
        return AgencyPage.objects.none()
    if user.is_superuser:
        return AgencyPage.objects.all()
    ids = AgencyGroup.objects.filter(group__in=user.groups.all(), role__in=roles).values("agency_id")
    return AgencyPage.objects.filter(pk__in=ids)


def visible_requests(user, queryset):
    if user.is_superuser:
        return queryset
    return queryset.filter(agency__in=agencies_for(user))


def can_handle(user, request):
    return user.is_active and (
        user.is_superuser or agencies_for(user, HANDLING_ROLES).filter(pk=request.agency_id).exists()
    )


def can_read(user, request):
    return user.is_active and (user.is_superuser or agencies_for(user).filter(pk=request.agency_id).exists())


def can_approve_extension(user, request):
    return can_read(user, request) and user.has_perm("disclosure.approve_extension")


def can_see_personal_data(user, request):
    return can_handle(user, request) and user.has_perm("disclosure.view_personal_data")


def require_handler(user, request):
    if user is None or not can_handle(user, request):
        raise PermissionDenied(_("Only the agency's request handlers may do this."))
