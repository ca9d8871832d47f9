from django import template

from ..catalogue.choices import DisclosureMode
from ..review.decisions import proposed_mode
from ..screening.scan import report_for

register = template.Library()


@register.simple_tag
def screening_report(task_state):
    """The pre-screening report of the revision a task state reviews (None without a revision)."""
    return report_for(task_state.revision) if task_state and task_state.revision_id else None


@register.simple_tag
def proposed_disclosure_mode(task_state):
    page = task_state.revision.as_object()
    return DisclosureMode(proposed_mode(page)).label
