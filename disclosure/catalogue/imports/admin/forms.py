"""The upload form of 导入目录: a catalogue the user may import into, and a file checked for what it is."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ....agencies.models import AgencyPage
from ..permissions import importable_catalogues
from ..readers import ImportFileError
from ..uploads import MAX_BYTES, read_upload


class CatalogueChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = agencies or {}

    def label_from_instance(self, catalogue):
        agency = self.agencies.get(catalogue.path[: -Page.steplen])
        return f"{agency} · {catalogue.title}" if agency else catalogue.title


class CatalogueUploadForm(forms.Form):
    catalogue = CatalogueChoiceField(
        queryset=None,
        label=_("Catalogue"),
        empty_label=None,
        help_text=_("Every row is imported into this catalogue; rows of another agency are refused."),
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,.jsonl,.ndjson"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        catalogues = importable_catalogues(user).order_by("path")
        parents = {catalogue.path[: -Page.steplen] for catalogue in catalogues}
        field = self.fields["catalogue"]
        field.queryset = catalogues
        field.agencies = {agency.path: agency.title for agency in AgencyPage.objects.filter(path__in=parents)}
        self.fields["file"].help_text = gettext(
            "CSV (UTF-8 or GBK, as Excel and WPS save it), XLSX (the first sheet) or JSONL; at most %(limit)s."
        ) % {"limit": filesizeformat(MAX_BYTES)}

    def clean_file(self):
        """The upload as the importer reads it (``readers.FileContent``), or the reason it cannot be."""
        try:
            return read_upload(self.cleaned_data["file"])
        except ImportFileError as refusal:
            raise forms.ValidationError(str(refusal)) from None
