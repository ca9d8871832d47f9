from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from .admin import urls as admin_urls
from .admin.access import may_run_console
from .lifecycle.conflicts import find_conflicts
from .live.microcache import LiveFeedPolls
from .pages.models import InterviewPage
from .transcript.models import TranscriptEntry


@hooks.register("register_admin_urls")
def register_console_urls():
    return [path("interviews/", include(admin_urls, namespace="online_interview_admin"))]


@hooks.register("register_admin_menu_item")
def register_interviews_menu_item():
    return MenuItem(_("Online interviews"), reverse("online_interview_admin:overview"), icon_name="group", order=260)


def _may_run(page, user):
    """The console's own rule (``admin/access.py``): a hosting agency's staff see the button too."""
    interview = page.specific_deferred
    return isinstance(interview, InterviewPage) and may_run_console(user, interview)


def _console_url(page):
    return reverse("online_interview_admin:console", args=[page.pk])


@hooks.register("register_page_header_buttons")
def console_header_button(page, user, view_name=None, next_url=None):
    if _may_run(page, user):
        yield Button(_("Live console"), _console_url(page), icon_name="comment", priority=5)


@hooks.register("register_page_listing_more_buttons")
def console_listing_button(page, user, next_url=None):
    if _may_run(page, user):
        yield Button(_("Live console"), _console_url(page), icon_name="comment", priority=5)


def _warn_about_double_bookings(request, page):
    if not isinstance(page.specific_deferred, InterviewPage):
        return
    draft = page.specific.get_latest_revision_as_object()
    for conflict in find_conflicts(draft):
        when = f"{timezone.localtime(conflict.other.start_at):%Y-%m-%d %H:%M}"
        if conflict.kind == "guest":
            message = _("Guest %(name)s is also booked for “%(other)s” at %(when)s.")
        else:
            message = _("%(name)s is also booked for “%(other)s” at %(when)s.")
        messages.warning(request, message % {"name": conflict.name, "other": conflict.other.title, "when": when})


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_double_bookings(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_double_bookings(request, page)


@hooks.register("register_log_actions")
def register_interview_log_actions(actions):
    # Names of events in the page history, stored with each entry: they must not follow
    # InterviewStatus if its values ever change, so they are written out here.
    for action, label, message in [
        ("questions_open", _("Questions open"), _("Preview published: questions are collected")),
        ("short_notice", _("Late preview"), _("Preview published later than the required notice")),
        ("live", _("Session live"), _("The session started")),
        ("ended", _("Session ended"), _("The session ended; unanswered questions became follow-ups")),
        ("moved", _("Session moved"), _("The session was moved")),
        ("cancelled", _("Session cancelled"), _("The session was cancelled")),
        ("reinstated", _("Session reinstated"), _("The cancellation was withdrawn")),
    ]:
        actions.register_action(f"online_interview.{action}", label, message)


@hooks.register("gongkai_pages_showing_image")
def sessions_showing_image(image):
    """A live text's photo is shown on its session's page once the entry is released (disclosure.images)."""
    return TranscriptEntry.objects.filter(image=image, released=True).values_list("interview_id", flat=True)


@hooks.register("register_http_microcache")
def share_live_feed_polls():
    """Repeated polls of a moment are answered from the worker's memory (cms/http_microcache.py)."""
    return LiveFeedPolls()
