"""The report screens' forms. A form checks what a form can (types, choices); the services
(``drafting``, ``figures``) stay the one place that decides what is allowed, and their refusal is
shown on the field it names (``show_refusal``). Fields are named as the services' arguments.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ...agencies.models import AgencyPage
from ...catalogue.models import CatalogueCategory, Genre
from .. import formats
from ..choices import ReportLevel, ReportState
from ..errors import ReportRefused
from ..models import AnnualReport, ReportRowSource
from ..permissions import writable_agencies

FIRST_YEAR = 2008  # the Regulations' first year in force


def show_refusal(form, refusal):
    """A service's refusal on the field it names, or above the form."""
    form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class StartReportForm(forms.Form):
    """``drafting.start_report(agency, year, level=…, format_version=…)``; last year's report by default."""

    agency = AgencyChoiceField(label=_("Agency"), queryset=AgencyPage.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)
    level = forms.ChoiceField(
        label=_("Report"),
        choices=ReportLevel.choices,
        initial=ReportLevel.AGENCY,
        widget=forms.RadioSelect,
        help_text=_("Only a people's government also reports for the whole government, summing its members' reports."),
    )
    format_version = forms.ChoiceField(
        label=_("Report format"),
        required=False,
        help_text=_("A report keeps the format it was started in."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = writable_agencies(user).order_by("title")
        self.fields["agency"].queryset = agencies
        if len(choices := list(agencies[:2])) == 1:
            self.fields["agency"].initial = choices[0].pk
        this_year = timezone.localdate().year
        self.fields["year"].validators.append(MaxValueValidator(this_year - 1))  # a year that is over
        self.fields["year"].widget.attrs["max"] = this_year - 1
        self.fields["year"].initial = this_year - 1
        self.fields["format_version"].choices = [
            ("", gettext("The format in force for the report's year")),
            *formats.choices(),
        ]
        if not agencies.filter(kind=AgencyPage.Kind.GOVERNMENT).exists():
            self.fields["level"].choices = [(ReportLevel.AGENCY, ReportLevel.AGENCY.label)]

    def clean(self):
        data = super().clean()
        agency, level = data.get("agency"), data.get("level")
        if agency and level == ReportLevel.GOVERNMENT and agency.kind != AgencyPage.Kind.GOVERNMENT:
            self.add_error("level", gettext("Only a people's government reports for the whole government."))
        return data

    def start_arguments(self):
        data = self.cleaned_data
        return {"level": data["level"], "format_version": data["format_version"] or None}


class SectionsForm(WagtailAdminModelForm):
    """The report's text: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项."""

    class Meta:
        model = AnnualReport
        fields = ["overview", "problems", "other_matters"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labelled as the format prints them (一、总体情况), not as the model's field names.
        for section in self.instance.format.narrative_sections():
            if section.narrative in self.fields:
                self.fields[section.narrative].label = f"{section.number}、{section.title}"

    @transaction.atomic
    def save(self, commit=True):
        """Saves the three sections while the report is a draft (a submitted report's text is what
        its reviewers approve)."""
        locked = AnnualReport.objects.select_for_update().get(pk=self.instance.pk)
        if locked.state != ReportState.DRAFT:
            raise ReportRefused(
                gettext("Only a draft report can be changed; this one is “%(state)s”.")
                % {"state": locked.get_state_display()}
            )
        self.instance.save(update_fields=[*self._meta.fields, "updated_at"])
        return self.instance


FIGURE = _("Figure")


def _figure_field(label=FIGURE):
    # Text, not a number field: ``figures.parse_value`` reads 1,234 and 1，234 and says what a cell holds.
    return forms.CharField(label=label, max_length=40, required=False)


def _text_field(label, help_text=""):
    return forms.CharField(
        label=label, required=False, max_length=2000, help_text=help_text, widget=forms.Textarea(attrs={"rows": 2})
    )


class OverrideForm(forms.Form):
    """``figures.override(report, cell, value, actor, reason)``: the reason is required there."""

    value = _figure_field(_("Figure to show instead"))
    reason = _text_field(_("Reason"), _("Why the computed figure is wrong; kept with the figure and in its history."))


class RemoveOverrideForm(forms.Form):
    reason = _text_field(_("Reason (optional)"))


class EnterForm(forms.Form):
    """``figures.enter(report, cell, value, actor, source_note)``: the figure the agency keeps elsewhere."""

    value = _figure_field()
    source_note = _text_field(_("Source"), _("Where the figure comes from, e.g. the 政务服务网's statistics."))


class RowSourceForm(forms.ModelForm):
    """Where one 表二 row of the agency comes from (``ReportRowSource``; the model checks the rest)."""

    class Meta:
        model = ReportRowSource
        fields = ["source", "category", "genre", "source_note"]
        widgets = {"source": forms.RadioSelect, "source_note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, agency, row, **kwargs):
        instance = ReportRowSource.objects.filter(agency=agency, row=row.code).first()
        if instance is None:
            instance = ReportRowSource(agency=agency, row=row.code)
        super().__init__(*args, instance=instance, prefix=row.code, **kwargs)
        self.row = row
        self.default_names = "、".join(row.catalogue_names)
        self.fields["category"].queryset = CatalogueCategory.objects.filter(agency=agency).select_related("parent")
        self.fields["genre"].queryset = Genre.objects.all()


class ImportReportForm(StartReportForm):
    """导入往年报告: a report published before Gongkai, as its web page (HTML) or an XLSX workbook."""

    file = forms.FileField(
        label=_("Published report"),
        required=False,
        help_text=_("The report's web page saved as HTML (UTF-8 or GBK), or an XLSX workbook in the national layout."),
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 2
        self.fields["format_version"].choices = [("", gettext("Recognised from the tables")), *formats.choices()]
        self.fields["format_version"].help_text = _("The format the published tables follow.")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("token"):
            self.add_error("file", gettext("Choose the file of the published report."))
        return data
