"""Who may see and write which annual reports.

An agency's 网站编辑 (editors) write its report; its leaders read it (they approve it in the
三审 review, like any page). A government's editors and leaders also read the reports of the
agencies they sum (``aggregate.member_agencies``), so they can chase the missing ones.
Superusers see and write everything. Staff of one department never see another's drafts.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..agencies.models import AgencyGroup, AgencyPage, AgencyRole

WRITING_ROLES = (AgencyRole.EDITOR,)
READING_ROLES = (AgencyRole.EDITOR, AgencyRole.LEADER)


def _own_agencies(user, roles):
    ids = AgencyGroup.objects.filter(group__in=user.groups.all(), role__in=roles).values("agency_id")
    return AgencyPage.objects.filter(pk__in=ids)


def writable_agencies(user):
    """The agencies whose reports ``user`` may start and edit."""
    if not user.is_active:
        return AgencyPage.objects.none()
    if user.is_superuser:
        return AgencyPage.objects.all()
    return _own_agencies(user, WRITING_ROLES)


def readable_agencies(user):
    """The agencies whose reports ``user`` may read: its own, and a government's members."""
    if not user.is_active:
        return AgencyPage.objects.none()
    if user.is_superuser:
        return AgencyPage.objects.all()
    own = _own_agencies(user, READING_ROLES)
    governments = own.filter(kind=AgencyPage.Kind.GOVERNMENT)
    return AgencyPage.objects.filter(pk__in=own.values("pk")) | AgencyPage.objects.filter(parent_agency__in=governments)


def can_write(user, report):
    return writable_agencies(user).filter(pk=report.agency_id).exists()


def can_read(user, report):
    return readable_agencies(user).filter(pk=report.agency_id).exists()


def visible_reports(user, queryset):
    if user.is_superuser:
        return queryset
    return queryset.filter(agency__in=readable_agencies(user))


def require_writer(user, report):
    if user is None or not can_write(user, report):
        raise PermissionDenied(_("Only the agency's editors may change its annual report."))
