"""The menu item 导入目录 (under 信息公开): it opens the upload form; the history is the viewset's index.

Only the generic index is kept: a job is never edited or deleted by hand, it moves through
``..transitions``. The permission policy (``..permissions``) follows page permissions, so the
viewset registers no model permissions to grant.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ....agencies.models import AgencyPage
from ..models import ImportJob, ImportState
from ..permissions import visible_jobs
from . import views


def _agencies_with_jobs(request):
    if request is None:
        return AgencyPage.objects.none()
    return AgencyPage.objects.filter(pk__in=visible_jobs(request.user).values("agency_id")).order_by("title")


class ImportJobFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_agencies_with_jobs)
    state = django_filters.ChoiceFilter(label=_("State"), choices=ImportState.choices)

    class Meta:
        model = ImportJob
        fields = ["agency", "state"]


class CatalogueImportViewSet(ModelViewSet):
    model = ImportJob
    name = views.NAMESPACE
    url_prefix = "catalogue-imports"
    icon = "upload"
    menu_label = _("Import catalogue")
    index_view_class = views.JobIndexView
    filterset_class = ImportJobFilterSet
    list_per_page = 50
    form_fields = []
    copy_view_enabled = False
    list_display = [
        "filename",
        "agency",
        Column("user", label=_("Uploaded by"), accessor=views.uploader),
        Column("state", label=_("State"), accessor="get_state_display"),
        Column("outcome", label=_("Result"), accessor=views.outcome_text),
        DateColumn("created_at", label=_("Uploaded at")),
    ]

    def get_permissions_to_register(self):
        return Permission.objects.none()

    #: The generic views kept; the others would edit or delete a job by hand.
    GENERIC_VIEWS = {"index", "index_results"}

    def get_urlpatterns(self):
        # The upload form comes first: it is where the menu item leads.
        return [
            path("upload/", views.UploadView.as_view(), name="add"),
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in self.GENERIC_VIEWS),
            path("<int:pk>/", views.JobView.as_view(), name="edit"),
            path("<int:pk>/confirm/", views.ConfirmView.as_view(), name="confirm"),
            path("<int:pk>/discard/", views.DiscardView.as_view(), name="discard"),
            path("<int:pk>/status/", views.StatusView.as_view(), name="status"),
        ]
