"""Who may do what in the live console: page permissions, so each agency runs its own sessions.

A session is filed in one agency's subtree (often the government office's column) but may be
hosted by others (``hosting_agencies``). A hosting agency's staff run it as if it were filed
under their own agency: whoever may edit that agency's pages may run the console, whoever may
publish them may release held answers. Nobody gains the right to edit the page itself.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..pages.models import InterviewPage

_pages = PagePermissionPolicy()


def _pages_user_may(user, action):
    return _pages.instances_user_has_permission_for(user, action).values("pk")


def _hosts_user_may(user, interview, action):
    return any(_pages.user_has_permission_for_instance(user, action, host) for host in interview.hosting_agencies.all())


def editable_interviews(user):
    """Sessions the user may run: those they may edit, and those their agencies host."""
    where = Q(pk__in=_pages_user_may(user, "change")) | Q(hosting_agencies__in=_pages_user_may(user, "change"))
    return InterviewPage.objects.filter(pk__in=InterviewPage.objects.filter(where).values("pk"))


def may_run_console(user, interview):
    """Host, text editor and moderators: anyone who may edit the session, or the pages of a hosting agency."""
    return interview.permissions_for_user(user).can_edit() or _hosts_user_may(user, interview, "change")


def console_interview(request, pk):
    interview = get_object_or_404(InterviewPage, pk=pk)
    if not may_run_console(request.user, interview):
        raise PermissionDenied
    return interview


def may_release(user, interview):
    """The reviewer gate (政策关): those who may publish the page or a hosting agency's pages,
    or hold the release permission."""
    return (
        interview.permissions_for_user(user).can_publish()
        or _hosts_user_may(user, interview, "publish")
        or user.has_perm("online_interview.release_answer")
    )
