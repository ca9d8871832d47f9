"""The secrecy reviewer's decision form (shown in Wagtail's workflow action modal)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState

from ..catalogue.choices import DisclosureMode
from ..screening.scan import report_for
from .choices import SecrecyStatus, statutory_reason_choices


class SecrecyReviewForm(forms.Form):
    secrecy_status = forms.ChoiceField(
        label=_("Secrecy status (涉密状态)"), choices=SecrecyStatus.choices, widget=forms.RadioSelect
    )
    disclosure_mode = forms.ChoiceField(
        label=_("Disclosure attribute (公开属性)"), choices=DisclosureMode.choices, widget=forms.RadioSelect
    )
    statutory_reason = forms.ChoiceField(
        label=_("Statutory reason"),
        choices=statutory_reason_choices,
        required=False,
        help_text=_("Required when the item is not disclosed proactively."),
        error_messages={
            "invalid_choice": _(
                "Choose one of the statutory reasons for not disclosing (不予公开). Reasons such as "
                "“not held by this agency” answer applications and are given at the request desk."
            )
        },
    )
    redaction_needed = forms.BooleanField(label=_("Partial disclosure: content must be redacted"), required=False)
    redaction_notes = forms.CharField(
        label=_("Redaction notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was removed or must be removed before publication, and why."),
    )
    findings_acknowledged = forms.BooleanField(
        label=_("I have checked every pre-screening finding listed above"), required=False
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    # The modal's template fills this in; the task re-checks it against the state it acts on.
    task_state_id = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        mode = data.get("disclosure_mode")
        reason_missing = not data.get("statutory_reason") and "statutory_reason" not in self.errors
        if mode and mode != DisclosureMode.PROACTIVE and reason_missing:
            self.add_error("statutory_reason", _("Choose the statutory reason for not disclosing proactively."))
        if data.get("redaction_needed") and not (data.get("redaction_notes") or "").strip():
            self.add_error("redaction_notes", _("Say what is redacted for partial disclosure."))
        task_state = TaskState.objects.filter(pk=data.get("task_state_id")).select_related("revision").first()
        if data.get("task_state_id") is not None and task_state is None:
            raise forms.ValidationError(_("This review is no longer in progress."))
        if task_state is not None and task_state.revision_id:
            report = report_for(task_state.revision)
            data["findings_count"] = len(report.findings)
            if report.to_acknowledge and not data.get("findings_acknowledged"):
                self.add_error(
                    "findings_acknowledged",
                    _("Confirm that you have checked the %(n)d pre-screening findings.")
                    % {"n": len(report.to_acknowledge)},
                )
        return data
