from django.http import Http404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.permissions import register_permission_policy

from .admin.permissions import AgencyScopedPermissionPolicy
from .attachments.serving import may_download
from .catalogue.imports.models import ImportJob
from .catalogue.imports.permissions import ImportJobPermissionPolicy
from .catalogue.imports.transitions import ACTION as IMPORT_JOB_ACTION
from .catalogue.models import CatalogueCategory
from .reports.admin.panels import ReportDeadlinePanel
from .reports.admin.permissions import ReportPermissionPolicy
from .reports.admin.viewsets import AnnualReportViewSet
from .reports.models import AnnualReport
from .requests.admin.panels import RequestDeskPanel
from .requests.admin.permissions import DeskRecordPermissionPolicy, RequestPermissionPolicy
from .requests.admin.viewsets import RequestDeskGroup
from .requests.models import AppealCase, DisclosureRequest, NoticeTemplate
from .requests.public_links import application_links
from .review import gate
from .review.admin import ReviewRecordPermissionPolicy, ReviewRecordViewSet
from .review.models import ReviewRecord
from .review.panels import PublicationDeadlinePanel, ReviewQueuePanel
from .screening.page_form import findings_html
from .screening.scan import report_for
from .viewsets import CatalogueItemListingViewSet, DisclosureAdminGroup
from .visibility import is_publicly_visible

register_permission_policy(CatalogueCategory, AgencyScopedPermissionPolicy(CatalogueCategory))
register_permission_policy(ReviewRecord, ReviewRecordPermissionPolicy(ReviewRecord))
register_permission_policy(ImportJob, ImportJobPermissionPolicy(ImportJob))


@hooks.register("before_serve_page")
def refuse_non_public_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves any live page; the disclosure rule is stricter (expiry by time, 不予公开, holds, ancestors)."""
    if not is_publicly_visible(page):
        raise Http404


@hooks.register("before_serve_document")
def refuse_non_public_documents(document, request):
    """A 404, not a 403: a guessed id must not even learn that the document exists."""
    if not may_download(request, document):
        raise Http404


@hooks.register("construct_page_action_menu")
def hide_publish_button_under_review(menu_items, request, context):
    gate.without_publish_button(menu_items, context)


@hooks.register("before_publish_page")
def publish_only_through_review(request, page):
    if gate.is_reviewed(page):
        return gate.refuse_direct_publish(request, page)


@hooks.register("before_bulk_action")
def no_bulk_publish_of_reviewed_pages(request, action_type, objects, action_class_instance):
    if action_type == "publish":
        return gate.refuse_bulk_publish(request, objects)


@hooks.register("before_copy_page")
def no_publishing_copies(request, page):
    return gate.refuse_publishing_copies(request, page)


def _report_screening_to_editor(request, page):
    """After a submission, tell the editor what the secrecy reviewer will be asked to check."""
    if not (request.POST.get("action-submit") or request.POST.get("action-restart-workflow")):
        return
    revision = page.get_latest_revision()
    if revision is None or not page.workflow_in_progress:
        return
    report = report_for(revision)
    if report.findings:
        intro = _("Submitted. Pre-screening found these items; the secrecy reviewer must confirm them:")
        messages.warning(request, format_html("{} {}", intro, findings_html(report.finding_objects)))


hooks.register("after_edit_page", _report_screening_to_editor)
hooks.register("after_create_page", _report_screening_to_editor)


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    # Our queue replaces Wagtail's "Awaiting your review": same items, plus how long they waited.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.append(ReviewQueuePanel(request))
    panels.append(PublicationDeadlinePanel(request))


@hooks.register("register_admin_viewset")
def register_disclosure_admin():
    return DisclosureAdminGroup()


@hooks.register("register_admin_viewset")
def register_catalogue_listing():
    return CatalogueItemListingViewSet("catalogue_items")


@hooks.register("register_admin_viewset")
def register_review_register():
    return ReviewRecordViewSet()


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action("gongkai.catalogue.import", _("Imported"), _("Imported from a catalogue file"))
    actions.register_action(
        "gongkai.catalogue.import_update", _("Updated by import"), _("Updated from a catalogue file")
    )

    # 导入目录: each step of an import started in the admin (catalogue/imports/transitions.py).
    job_actions = {
        "previewed": (_("Import checked"), _("Catalogue file uploaded and checked (dry run)")),
        "queued": (_("Import confirmed"), _("Catalogue import confirmed")),
        "started": (_("Import started"), _("Catalogue import started by the worker")),
        "finished": (_("Import finished"), _("Catalogue import finished")),
        "failed": (_("Import failed"), _("Catalogue import failed")),
        "discarded": (_("Import discarded"), _("Catalogue import discarded")),
    }
    for step, (label, message) in job_actions.items():
        actions.register_action(IMPORT_JOB_ACTION.format(step), label, message)


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action(
        "gongkai.report.submitted", _("Submitted for review"), _("Annual report submitted for review")
    )
    actions.register_action("gongkai.report.published", _("Published"), _("Annual report published"))
    actions.register_action("gongkai.report.returned", _("Returned"), _("Annual report sent back to its editors"))


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("gongkai.review.decision", _("Review decision"), _("Review decision recorded"))
    actions.register_action("gongkai.review.hold", _("Withheld"), _("Withheld from the public by a review decision"))
    actions.register_action("gongkai.review.release", _("Hold lifted"), _("Hold lifted by a later secrecy review"))
    actions.register_action(
        "gongkai.review.publish_refused", _("Publication refused"), _("Not published: no approving secrecy review")
    )


# The request desk (依申请公开) ---------------------------------------------------------------------

register_permission_policy(DisclosureRequest, RequestPermissionPolicy(DisclosureRequest))
register_permission_policy(AppealCase, DeskRecordPermissionPolicy(AppealCase))
register_permission_policy(NoticeTemplate, DeskRecordPermissionPolicy(NoticeTemplate))


@hooks.register("register_admin_viewset")
def register_request_desk():
    return RequestDeskGroup()


@hooks.register("construct_homepage_panels")
def add_request_desk_panel(request, panels):
    panels.append(RequestDeskPanel(request))


# 年度报告 ------------------------------------------------------------------------------------------------

register_permission_policy(AnnualReport, ReportPermissionPolicy(AnnualReport))


@hooks.register("register_admin_viewset")
def register_annual_reports():
    return AnnualReportViewSet()


@hooks.register("construct_homepage_panels")
def add_report_deadline_panel(request, panels):
    panels.append(ReportDeadlinePanel(request))


# 依申请公开, the public side: the search page's "no results" box offers the application pages -----------


@hooks.register("register_search_no_results_links")
def offer_application_pages(filters):
    """Searched and found nothing: apply for it — to the agency searched, when the search named one."""
    return application_links(filters.get("agency"))
