"""The default 三审 workflow of an agency: 科室初审 → 保密审查 → 分管领导终审."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from ..agencies.models import AgencyRole
from ..agencies.roles import groups_of
from .models import SecrecyReviewTask


@transaction.atomic
def ensure_agency_workflow(agency):
    """科室初审 → 保密审查 → 分管领导终审 on the agency's subtree, unless it already has a workflow."""
    if WorkflowPage.objects.filter(page=agency).exists():
        return WorkflowPage.objects.get(page=agency).workflow
    with translation.override(settings.LANGUAGE_CODE):  # names are stored, in the site's language
        return _create_workflow(agency)


def _create_workflow(agency):
    name = agency.short_name or agency.title
    workflow = Workflow.objects.create(name=_("%(agency)s publication review") % {"agency": name})
    steps = [
        (GroupApprovalTask, _("%(agency)s department review") % {"agency": name}, AgencyRole.DEPARTMENT_REVIEWER),
        (SecrecyReviewTask, _("%(agency)s secrecy review") % {"agency": name}, AgencyRole.SECRECY_REVIEWER),
        (GroupApprovalTask, _("%(agency)s final approval") % {"agency": name}, AgencyRole.LEADER),
    ]
    for position, (task_class, task_name, role) in enumerate(steps):
        task = task_class.objects.create(name=task_name)
        task.groups.set(groups_of(agency, role))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    WorkflowPage.objects.create(page=agency, workflow=workflow)
    return workflow
