"""Admin views that show and act only on the rows of the user's own agencies, and the catalogue list."""

import codecs
import datetime

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.pages.listing import IndexView as PageIndexView

from ..catalogue.imports import columns


class ScopedIndexView(IndexView):
    """Lists only what the permission policy lets this user act on (their agencies' rows)."""

    scope_actions = ["change"]
    related = ["agency"]

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.scope_actions
        ).select_related(*self.related)


class CategoryIndexView(ScopedIndexView):
    related = ["agency", "parent__parent"]


class InstancePermissionMixin:
    """Generic edit/delete views check the model permission only; also check the object itself."""

    instance_action = "change"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, self.instance_action, obj):
            raise PermissionDenied
        return obj


class ScopedEditView(InstancePermissionMixin, EditView):
    pass


class ScopedDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"


class CatalogueItemIndexView(PageIndexView):
    """The flat catalogue list; its export is the spreadsheet ``import_catalogue`` reads back.

    Columns, headings and values come from ``catalogue/imports/columns.py``. CSV starts with a
    byte-order mark so that Excel on Chinese Windows opens it as UTF-8; dates are in the site's
    time zone, to the minute, in CSV text and as formatted date cells in XLSX.
    """

    custom_value_preprocess = {
        (datetime.date, datetime.datetime): {
            PageIndexView.FORMAT_CSV: columns.as_text,
            PageIndexView.FORMAT_XLSX: None,
        },
    }

    @cached_property
    def export_rows(self):
        return columns.ExportRows()

    def to_row_dict(self, item):
        row = self.export_rows.row(item)
        return {field: row[field] for field in self.list_export}

    def stream_csv(self, queryset):
        yield codecs.BOM_UTF8
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict):
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = columns.XLSX_DATETIME_FORMAT
            elif isinstance(cell.value, datetime.date):
                cell.number_format = columns.XLSX_DATE_FORMAT
            yield cell
