"""The review's models: the 保密审查登记表 (one immutable row per decision, REFERENCE §5) and
保密审查 as a Wagtail workflow task, where the reviewer records a decision, not just a click."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from ..catalogue.choices import DisclosureMode
from ..screening.scan import report_for
from .choices import ReviewDecision, ReviewStage, SecrecyStatus, statutory_reason_label
from .decisions import record_secrecy_decision
from .forms import SecrecyReviewForm


class ReviewRecord(models.Model):
    """What was decided about which version of an item, by whom and on what ground.

    Snapshots (title, summary, reviewer name) keep the record readable after the item,
    the revision or the user is deleted; the foreign keys then become empty.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("item"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "disclosure.AgencyPage", verbose_name=_("agency"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    item_title = models.CharField(_("title"), max_length=255)
    item_summary = models.CharField(_("summary"), max_length=255, blank=True)
    index_number = models.CharField(_("索引号"), max_length=100, blank=True)
    step_name = models.CharField(_("review step"), max_length=255)
    stage = models.CharField(_("stage"), max_length=20, choices=ReviewStage.choices)
    proposed_mode = models.CharField(
        _("proposed disclosure mode"), max_length=20, choices=DisclosureMode.choices, blank=True
    )
    decided_mode = models.CharField(
        _("decided disclosure mode"), max_length=20, choices=DisclosureMode.choices, blank=True
    )
    secrecy_status = models.CharField(_("secrecy status"), max_length=20, choices=SecrecyStatus.choices, blank=True)
    statutory_reason = models.CharField(_("statutory reason"), max_length=30, blank=True)
    redaction_needed = models.BooleanField(_("partial disclosure (部分公开)"), default=False)
    redaction_notes = models.TextField(_("redaction notes"), blank=True)
    findings_count = models.PositiveIntegerField(_("pre-screening findings"), default=0)
    findings_acknowledged = models.BooleanField(_("findings acknowledged"), default=False)
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(_("reviewer"), max_length=150)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review record")
        verbose_name_plural = _("review records (保密审查登记表)")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.item_title} · {self.step_name} · {self.get_decision_display()}"

    @property
    def statutory_reason_display(self):
        return statutory_reason_label(self.statutory_reason) if self.statutory_reason else ""

    @property
    def scope_display(self):
        if self.stage != ReviewStage.SECRECY:
            return ""
        return _("Partial (部分公开)") if self.redaction_needed else _("Full")

    def summary_line(self):
        """One line for the item's history and the returned editor: the decision in words."""
        parts = [self.step_name, self.get_decision_display()]
        if self.secrecy_status:
            parts.append(self.get_secrecy_status_display())
        if self.decided_mode:
            parts.append(self.get_decided_mode_display())
        if self.statutory_reason:
            parts.append(str(self.statutory_reason_display))
        if self.redaction_needed:
            parts.append(f"{_('Partial (部分公开)')}：{self.redaction_notes}")
        if self.comment:
            parts.append(self.comment)
        return " · ".join(str(part) for part in parts)

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Review records are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Review records are immutable.")


class SecrecyReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups record 公开属性, 涉密状态, the statutory reason and redaction.

    Approving with 涉密 or 不予公开 (or with an attribute other than the draft's) cannot
    publish: the item goes back to its editor with the record.
    """

    #: What the register calls this step (``decisions.stage_of``).
    review_stage = ReviewStage.SECRECY

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
        return SecrecyReviewForm

    def get_template_for_action(self, action):
        return "disclosure/review/secrecy_action_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
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
