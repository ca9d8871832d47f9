"""Forms of the released files: the upload (its content checked, not its name) and the redaction marks."""

import io

import filetype
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ...catalogue.choices import NonDisclosureReason

#: What may be released, recognised by content: PDF, Word and Excel (OOXML) and images.
RELEASABLE_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/jpeg": "jpg",
    "image/png": "png",
}
MAX_RELEASED_FILE_BYTES = 50 * 1024 * 1024


class ReleasedFileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False, help_text=_("Empty: the file name."))
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word (.docx), Excel (.xlsx), JPEG or PNG. Only PDFs can be redacted.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RELEASED_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s is accepted."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_RELEASED_FILE_BYTES)},
            )
        content = upload.read()
        kind = filetype.guess(content)
        if kind is None or kind.mime not in RELEASABLE_TYPES:
            raise forms.ValidationError(
                _("This file is not a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file (judged by its content).")
            )
        if kind.mime == "application/pdf":
            try:
                PdfReader(io.BytesIO(content)).pages[0]
            except (PyPdfError, ValueError, IndexError, KeyError, OSError) as exc:
                raise forms.ValidationError(_("This PDF cannot be read; it may be damaged.")) from exc
        self.content, self.content_type = content, kind.mime
        return upload


class TextMarkForm(forms.Form):
    text = forms.CharField(
        label=_("Withhold this text"),
        max_length=500,
        help_text=_("Every occurrence in the file, for example a name or an identity number."),
    )
    reason = forms.ChoiceField(label=_("Legal reason"), choices=NonDisclosureReason.choices)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 2:
            raise forms.ValidationError(_("Enter at least two characters, so as not to withhold a whole page."))
        return text


class AreaMarkForm(forms.Form):
    page = forms.IntegerField(label=pgettext_lazy("page number", "Page"), min_value=1)
    x0 = forms.FloatField(label=_("Left (x0)"), min_value=0)
    y0 = forms.FloatField(label=_("Top (y0)"), min_value=0)
    x1 = forms.FloatField(label=_("Right (x1)"), min_value=0)
    y1 = forms.FloatField(label=_("Bottom (y1)"), min_value=0)
    reason = forms.ChoiceField(label=_("Legal reason"), choices=NonDisclosureReason.choices)

    def __init__(self, *args, page_count=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_count = page_count

    def clean_page(self):
        page = self.cleaned_data["page"]
        if self.page_count is not None and page > self.page_count:
            raise forms.ValidationError(
                _("The file has %(n)d pages."), params={"n": self.page_count}, code="page_out_of_range"
            )
        return page

    def clean(self):
        data = super().clean()
        if all(key in data for key in ("x0", "y0", "x1", "y1")):
            if data["x1"] <= data["x0"]:
                self.add_error("x1", _("The right edge must be right of the left edge."))
            if data["y1"] <= data["y0"]:
                self.add_error("y1", _("The bottom edge must be below the top edge."))
        return data


def page_count(content):
    try:
        return len(PdfReader(io.BytesIO(content)).pages)
    except (PyPdfError, ValueError, KeyError, OSError):
        return None
