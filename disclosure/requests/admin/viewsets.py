"""The desk's menu (依申请公开): the queue and each request's page, the register of 复议/诉讼, and the
notice templates. Registered by ``disclosure.wagtail_hooks`` with the permission policies of
``permissions``."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ...admin.views import ScopedDeleteView, ScopedEditView, ScopedIndexView
from ..choices import NoticeKind
from ..models import AppealCase, DisclosureRequest, NoticeTemplate
from ..notices.defaults import DEFAULTS
from ..permissions import HANDLING_ROLES, agencies_for
from . import views
from .filters import AppealCaseFilterSet, RequestQueueFilterSet
from .record_forms import AppealCaseForm, NoticeTemplateForm


class DisclosureRequestViewSet(ModelViewSet):
    """The queue is the index; "add" registers an application received on paper; a request's page
    (``detail``) and its actions replace the generic edit view (the policy refuses "change" anyway)."""

    model = DisclosureRequest
    name = views.NAMESPACE
    url_prefix = "requests"
    icon = "mail"
    menu_label = _("Queue")
    menu_order = 100
    list_per_page = 50
    filterset_class = RequestQueueFilterSet
    index_view_class = views.RequestQueueView
    index_template_name = views.TEMPLATES + "queue.html"
    search_fields = ["number", "applicant_name", "description", "reference"]
    form_fields = []

    @property
    def add_view(self):
        return views.RegisterApplicationView.as_view()

    #: The generic views kept; edit, delete, history and usage would show any request by its id.
    GENERIC_VIEWS = {"index", "index_results", "add"}

    def get_urlpatterns(self):
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in self.GENERIC_VIEWS),
            path("<int:pk>/", views.RequestDetailView.as_view(), name="detail"),
            path("<int:pk>/act/<slug:action>/", views.RequestActionView.as_view(), name="act"),
            path("<int:pk>/identity-number/", views.RevealIdNumberView.as_view(), name="reveal_id_number"),
            path("<int:pk>/identity-proof/", views.IdentityProofView.as_view(), name="identity_proof"),
            path(
                "<int:pk>/notices/<int:notice_pk>/<slug:fmt>/",
                views.NoticeDownloadView.as_view(),
                name="notice_download",
            ),
            path("<int:pk>/files/", views.ReleasedFileUploadView.as_view(), name="file_upload"),
            path(
                "<int:pk>/files/<int:file_pk>/download/<slug:which>/",
                views.ReleasedFileDownloadView.as_view(),
                name="file_download",
            ),
            path("<int:pk>/files/<int:file_pk>/mark/<slug:kind>/", views.MarkView.as_view(), name="file_mark"),
            path(
                "<int:pk>/files/<int:file_pk>/marks/<int:index>/remove/",
                views.RemoveMarkView.as_view(),
                name="file_unmark",
            ),
            path("<int:pk>/files/<int:file_pk>/redact/", views.ProduceRedactedView.as_view(), name="file_redact"),
        ]


class ScopedObjectMixin:
    """Wagtail's history and usage views check the model permission only; also check the object's agency."""

    instance_action = "change"

    def get_object(self):
        obj = super().get_object()
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, self.instance_action, obj):
            raise PermissionDenied
        return obj


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


def iso_date(field):
    """A register lists dates as written on the case (2026-05-18), not "6 months ago"."""

    def accessor(instance):
        value = getattr(instance, field)
        return f"{value:%Y-%m-%d}" if value else ""

    return accessor


class AppealIndexView(ScopedIndexView):
    scope_actions = ["view", "change"]


class AppealCaseViewSet(ModelViewSet):
    model = AppealCase
    name = "appeal_cases"
    icon = "doc-full-inverse"
    menu_label = _("Reconsiderations and lawsuits (复议/诉讼)")
    menu_order = 110
    list_display = [
        "case_number",
        "agency",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("filed_on", label=_("filed on"), sort_key="filed_on", accessor=iso_date("filed_on")),
        Column("result", label=_("result"), accessor="get_result_display"),
        Column("concluded_on", label=_("concluded on"), sort_key="concluded_on", accessor=iso_date("concluded_on")),
    ]
    filterset_class = AppealCaseFilterSet
    search_fields = ["case_number", "body", "note"]
    ordering = ["-filed_on", "-pk"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("agency"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("case_number")]),
            FieldPanel("body"),
            FieldPanel("requests"),
            FieldRowPanel([FieldPanel("filed_on"), FieldPanel("result"), FieldPanel("concluded_on")]),
            FieldPanel("co_defendant_only"),
            FieldPanel("note"),
        ],
        base_form_class=AppealCaseForm,
    )
    index_view_class = AppealIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView


class NoticeTemplateIndexView(ScopedIndexView):
    """The agency's own wordings, and below them the built-in wording of every kind of notice, which
    applies until one is saved: an empty list means "the defaults are used", and this shows them."""

    scope_actions = ["view", "change"]
    related = ["agency"]

    def built_in_wordings(self):
        may_add = self.permission_policy.user_has_permission(self.request.user, "add")
        own = {}
        for template in self.get_base_queryset().order_by("agency__title"):
            own.setdefault(template.kind, []).append(template)
        return [
            {
                "kind": kind,
                "label": kind.label,
                "default": DEFAULTS[kind],
                "own": own.get(kind, []),
                "copy_url": f"{reverse('notice_templates:add')}?kind={kind.value}" if may_add else "",
            }
            for kind in NoticeKind
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["built_in_wordings"] = self.built_in_wordings()
        return context


class NoticeTemplateCreateView(CreateView):
    """``?kind=…`` starts from the built-in wording of that kind, for the user's agency when they have one."""

    def get_initial_form_instance(self):
        kind = self.request.GET.get("kind")
        if self.request.method != "GET" or kind not in NoticeKind.values:
            return super().get_initial_form_instance()
        default = DEFAULTS[NoticeKind(kind)]
        agencies = list(agencies_for(self.request.user, HANDLING_ROLES)[:2])
        return NoticeTemplate(
            kind=kind,
            title=default.title,
            number_pattern=default.number_pattern,
            body=default.body,
            agency=agencies[0] if len(agencies) == 1 and not self.request.user.is_superuser else None,
        )


class NoticeTemplateViewSet(ModelViewSet):
    model = NoticeTemplate
    name = "notice_templates"
    icon = "doc-full"
    menu_label = _("Notice templates (告知书模板)")
    menu_order = 120
    list_display = [
        "title",
        Column("kind", label=_("kind of notice"), accessor="get_kind_display"),
        Column("agency", label=_("agency"), accessor=lambda template: template.agency or _("Site default")),
        "number_pattern",
    ]
    list_filter = ["kind"]
    search_fields = ["title", "body"]
    ordering = ["agency__title", "kind"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("agency"), FieldPanel("kind")]),
            FieldPanel("title"),
            FieldPanel("number_pattern"),
            FieldPanel("body"),
            FieldRowPanel([FieldPanel("review_body"), FieldPanel("court")]),
        ],
        base_form_class=NoticeTemplateForm,
    )
    index_view_class = NoticeTemplateIndexView
    index_template_name = views.TEMPLATES + "notice_templates.html"
    add_view_class = NoticeTemplateCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView


class RequestDeskGroup(ViewSetGroup):
    menu_label = _("Disclosure on request (依申请公开)")
    menu_icon = "mail"
    menu_order = 185
    items = (DisclosureRequestViewSet, AppealCaseViewSet, NoticeTemplateViewSet)
