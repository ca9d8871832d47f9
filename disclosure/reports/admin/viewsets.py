"""The menu item 年度报告: the list of reports is the index, "add" starts a report, and the report's
own screen (``edit``) with its actions replaces the generic edit view. Registered by
``disclosure.wagtail_hooks`` with the permission policy of ``permissions``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AnnualReport
from . import transfer, views
from .filters import ReportFilterSet


class AnnualReportViewSet(ModelViewSet):
    model = AnnualReport
    name = views.NAMESPACE
    url_prefix = "reports"
    icon = "table"
    menu_label = _("Annual reports")
    menu_order = 186
    add_to_admin_menu = True
    list_per_page = 50
    filterset_class = ReportFilterSet
    index_view_class = views.ReportIndexView
    index_template_name = views.TEMPLATES + "index.html"
    form_fields = []

    @property
    def add_view(self):
        return views.StartReportView.as_view()

    #: The generic views kept; edit, delete, history and usage would show any report by its id.
    GENERIC_VIEWS = {"index", "index_results", "add"}

    def get_urlpatterns(self):
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in self.GENERIC_VIEWS),
            path("<int:pk>/", views.ReportView.as_view(), name="edit"),
            path("<int:pk>/export/<str:kind>/", transfer.ExportView.as_view(), name="export"),
            path("<int:pk>/delete/", views.DiscardReportView.as_view(), name="discard"),
            path("import/", transfer.ImportReportView.as_view(), name="import"),
            path("<int:pk>/sections/", views.SaveSectionsView.as_view(), name="save_sections"),
            path("<int:pk>/recompute/", views.RecomputeView.as_view(), name="recompute"),
            path("<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
            path("<int:pk>/row-sources/", views.RowSourcesView.as_view(), name="row_sources"),
            path("<int:pk>/figures/<str:cell>/", views.FigureView.as_view(), name="figure"),
            path("<int:pk>/figures/<str:cell>/<slug:action>/", views.FigureActionView.as_view(), name="figure_action"),
        ]
