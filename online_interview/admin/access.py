"""Who may do what in the live console: page permissions, so each agency runs its own sessions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..pages.models import InterviewPage


def editable_interviews(user):
    ids = PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")
    return InterviewPage.objects.filter(pk__in=ids)


def console_interview(request, pk):
    """Host, text editor and moderators: anyone who may edit the session page."""
    interview = get_object_or_404(InterviewPage, pk=pk)
    if not interview.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return interview


def may_release(user, interview):
    """The reviewer gate (政策关): those who may publish the page, or hold the release permission."""
    return interview.permissions_for_user(user).can_publish() or user.has_perm("online_interview.release_answer")
