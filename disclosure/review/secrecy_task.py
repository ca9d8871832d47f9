"""保密审查 as a Wagtail workflow task: the reviewer records a decision, not just a click."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .choices import ReviewDecision
from .screening.scan import report_for


class SecrecyReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups record 公开属性, 涉密状态, the statutory reason and redaction.

    Approving with 涉密 or 不予公开 (or with an attribute other than the draft's) cannot
    publish: the item goes back to its editor with the record.
    """

    class Meta:
        verbose_name = _("secrecy review (保密审查)")
        verbose_name_plural = _("secrecy reviews (保密审查)")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if task_state.revision_id:
            report_for(task_state.revision)  # screened once, before anyone opens the form
        return task_state

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Return for changes"), True),
                ("approve", _("Record decision"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from .forms import SecrecyReviewForm

        return SecrecyReviewForm

    def get_template_for_action(self, action):
        return "disclosure/review/secrecy_action_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from .decisions import record_secrecy_decision

        if action_name not in ("approve", "reject"):
            return super().on_action(task_state, user, action_name, **kwargs)
        if kwargs.get("task_state_id") not in (None, task_state.pk):
            raise PermissionDenied
        record = record_secrecy_decision(task_state, user, returned=(action_name == "reject"), **kwargs)
        if record.decision == ReviewDecision.APPROVED:
            task_state.approve(user=user, comment=record.summary_line())
        else:
            task_state.reject(user=user, comment=record.summary_line())

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups record the secrecy and disclosure decision (保密审查)")
