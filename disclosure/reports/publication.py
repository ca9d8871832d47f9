"""From a checked report to a published page, through the agency's 三审 review like every page.

Submitting a report (``submission``) takes a snapshot — the figures the report shows and its
three written sections — into an ``AnnualReportPage`` revision in the agency's catalogue,
under its 信息公开年报 category, and starts (or resumes) the agency's review workflow on it.
The reviewers approve exactly that snapshot; what is recomputed later does not reach the
public until it is submitted again.

The page's fate moves the report: published → ``PUBLISHED``; sent back by a reviewer or
the workflow cancelled → ``DRAFT`` again, for the editor to correct and resubmit.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from ..catalogue.models import CatalogueIndexPage, Genre
from . import figures
from .choices import ReportState
from .errors import ReportRefused
from .models import AnnualReport
from .pages import AnnualReportPage
from .titles import page_title

REPORT_GENRE = "报告"
KEYWORDS = "政府信息公开 年度报告"
#: Category names that file annual reports, most specific first (the presets file them
#: under 公开指南和年报).
CATEGORY_NAMES = ("信息公开年报", "政府信息公开年报", "年度报告", "公开指南和年报")


def report_category(agency):
    categories = agency.catalogue_categories.all()
    for name in CATEGORY_NAMES:
        found = categories.filter(name=name).order_by("pk").first()
        if found:
            return found
    return categories.filter(name__contains="年报").order_by("pk").first()


def snapshot(report):
    """The figures as the page keeps them: cell code → the figure as text, or None when blank."""
    return {code: (None if value is None else str(value)) for code, value in figures.values(report).items()}


def _fill(page, report):
    page.title = page_title(report)
    with translation.override(settings.LANGUAGE_CODE):  # stored text, in the site's language
        page.summary = _("The annual report on government information disclosure for %(year)s.") % {"year": report.year}
    page.report = report
    page.year = report.year
    page.format_version = report.format_version
    page.figures = snapshot(report)
    page.overview = report.overview
    page.problems = report.problems
    page.other_matters = report.other_matters
    page.generated_date = timezone.localdate()
    page.publisher = report.agency.title
    page.genre = Genre.objects.filter(name=REPORT_GENRE).first()
    page.keywords = KEYWORDS


def _start_review(page, actor):
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(actor)
        return
    if state is not None:  # still in review with an older snapshot: start over with this one
        state.cancel(user=actor)
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        raise ReportRefused(_("This agency has no review workflow; an administrator must set one up first."))
    workflow.start(page, actor)


@transaction.atomic
def file_page(report, actor=None):
    """Write the report's snapshot into a new revision of its page (created on first filing)."""
    agency = report.agency
    catalogue = CatalogueIndexPage.objects.child_of(agency).first()
    if catalogue is None:
        raise ReportRefused(_("This agency has no disclosure catalogue to publish the report in."))
    category = report_category(agency)
    if category is None:
        raise ReportRefused(
            _("This agency's catalogue has no category for annual reports (信息公开年报); add one first.")
        )
    existing = AnnualReportPage.objects.filter(report=report).first()
    if existing is None:
        page = AnnualReportPage(category=category, live=False)
        _fill(page, report)
        catalogue.add_child(instance=page)
    else:
        page = existing.get_latest_revision_as_object()
        _fill(page, report)
    revision = page.save_revision(user=actor)
    return page, revision


@transaction.atomic
def submit_page(report, actor):
    """File the report's snapshot and send it into the agency's review."""
    page, _revision = file_page(report, actor)
    _start_review(page, actor)
    return page


def mark_published(page, user=None):
    """The page went live: the report it shows is published."""
    if (
        AnnualReport.objects.filter(pk=page.report_id)
        .exclude(state=ReportState.PUBLISHED)
        .update(state=ReportState.PUBLISHED, published_at=timezone.now())
    ):
        log(instance=AnnualReport.objects.get(pk=page.report_id), action="gongkai.report.published", user=user)


def return_to_draft(page, user=None):
    """A reviewer sent the page back (or its review was cancelled): the editor corrects the report."""
    if AnnualReport.objects.filter(pk=page.report_id, state=ReportState.SUBMITTED).update(state=ReportState.DRAFT):
        log(instance=AnnualReport.objects.get(pk=page.report_id), action="gongkai.report.returned", user=user)
