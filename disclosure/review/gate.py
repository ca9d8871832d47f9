"""No way around the review in the admin: pages under a review workflow are published only by it.

Wagtail lets anyone with publish permission publish directly (and cancel a running
workflow by doing so). Leaders need that permission for the workflow's last step and for
unpublishing, so the direct routes — the editor's Publish button, bulk publish, publishing
copies — are refused here for every page a workflow covers. Unpublishing stays open:
taking something offline never needs a review.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin import messages


def is_reviewed(page):
    workflow = page.get_workflow()
    return workflow is not None and workflow.active


def without_publish_button(menu_items, context):
    """Hide the Publish button where it would only be refused: the editor offers 提交审核 instead."""
    page = context.get("page")
    target = page if page is not None and page.pk else context.get("parent_page")
    if target is not None and is_reviewed(target):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def refuse_direct_publish(request, page):
    messages.error(
        request,
        _(
            "“%(title)s” is published only through its review workflow (先审查、后公开). Your changes are saved as a draft: submit them for review."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def refuse_bulk_publish(request, pages):
    reviewed = [page for page in pages if is_reviewed(page)]
    if not reviewed:
        return None
    messages.error(
        request,
        _("%(n)d of the selected pages are published only through their review workflow; nothing was published.")
        % {"n": len(reviewed)},
    )
    back = _next_on_this_site(request)
    return HttpResponseRedirect(back) if back else redirect("wagtailadmin_explore_root")


def _next_on_this_site(request):
    """The ``next`` address the admin passed along if it stays on this site (never an open redirect), or None."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return None


def refuse_publishing_copies(request, page):
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    messages.error(
        request,
        _("Copies cannot be published directly: copy them as drafts and submit them for review."),
    )
    return redirect("wagtailadmin_pages:copy", page.pk)
