"""Admin screens of the review: the 保密审查登记表 (read-only, exportable) and the sensitive words."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from ..admin.permissions import AgencyScopedPermissionPolicy
from ..admin.views import InstancePermissionMixin, ScopedIndexView
from ..screening.models import SensitiveWord
from .models import ReviewRecord

RECORD_FIELDS = [
    "decided_at",
    "agency",
    "item_title",
    "index_number",
    "item_summary",
    "step_name",
    "proposed_mode",
    "decided_mode",
    "secrecy_status",
    "statutory_reason_display",
    "scope_display",
    "redaction_notes",
    "findings_count",
    "findings_acknowledged",
    "decision",
    "comment",
    "reviewer_name",
]


PROPERTY_LABELS = {"statutory_reason_display": _("statutory reason"), "scope_display": _("disclosure scope")}

# Exports carry the words a clerk reads (非涉密), not the stored codes.
CHOICE_DISPLAYS = {
    name: f"get_{name}_display" for name in ("proposed_mode", "decided_mode", "secrecy_status", "decision")
}


class ReviewRecordPermissionPolicy(AgencyScopedPermissionPolicy):
    """Viewing is scoped to the user's agencies; nobody adds, changes or deletes a record here."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def _in_scope(self, user, instance):
        return user.is_superuser or (instance.agency_id is not None and super()._in_scope(user, instance))


class RecordIndexView(ScopedIndexView):
    scope_actions = ["view"]


class RecordInspectView(InstancePermissionMixin, InspectView):
    instance_action = "view"

    def get_field_label(self, field_name, field):
        # Two of the register's fields are properties, which have no verbose name of their own.
        return PROPERTY_LABELS.get(field_name) or super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):  # Wagtail would print True or False
            return _("Yes") if value else _("No")
        return value


class ReviewRecordViewSet(ModelViewSet):
    name = "review_records"
    model = ReviewRecord
    icon = "clipboard-list"
    menu_label = _("Review register (保密审查登记表)")
    add_to_admin_menu = True
    menu_order = 195
    inspect_view_enabled = True
    inspect_view_fields = RECORD_FIELDS
    list_display = [
        DateColumn("decided_at", label=_("decided at"), sort_key="decided_at"),
        "item_title",
        "agency",
        "step_name",
        Column("decision", label=_("decision"), accessor="get_decision_display"),
        Column("secrecy_status", label=_("secrecy status"), accessor="get_secrecy_status_display"),
        Column("decided_mode", label=_("decided disclosure mode"), accessor="get_decided_mode_display"),
        "reviewer_name",
    ]
    list_filter = ["agency", "stage", "decision", "secrecy_status", "decided_mode", "redaction_needed", "decided_at"]
    search_fields = ["item_title", "index_number", "reviewer_name", "comment"]
    list_export = [CHOICE_DISPLAYS.get(name, name) for name in RECORD_FIELDS]
    export_headings = {
        **PROPERTY_LABELS,
        **{display: ReviewRecord._meta.get_field(name).verbose_name for name, display in CHOICE_DISPLAYS.items()},
    }
    export_filename = "review-register"
    ordering = ["-decided_at", "-pk"]
    list_per_page = 50
    permission_policy = ReviewRecordPermissionPolicy(ReviewRecord)
    # Wagtail builds add/edit/delete views for every ModelViewSet; the policy refuses them all.
    form_fields = ["comment"]
    index_view_class = RecordIndexView
    inspect_view_class = RecordInspectView


class SensitiveWordViewSet(ModelViewSet):
    name = "sensitive_words"
    model = SensitiveWord
    icon = "warning"
    menu_label = _("Sensitive words")
    list_display = [
        "word",
        "note",
        Column("active", label=_("active"), accessor=lambda word: _("Yes") if word.active else _("No")),
    ]
    list_filter = ["active"]
    form_fields = ["word", "note", "active"]
    search_fields = ["word", "note"]
    list_per_page = 50
