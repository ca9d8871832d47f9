"""The admin's flat catalogue list, whose export is the spreadsheet ``import_catalogue`` reads back."""

import codecs
import datetime

from django.utils.functional import cached_property
from wagtail.admin.views.pages.listing import IndexView as PageIndexView

from .imports import columns


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
