"""Forms of the appeal register and the notice templates, limited to the agencies the user handles."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import DisclosureRequest, NoticeTemplate
from ..permissions import HANDLING_ROLES, agencies_for


class RequestNumbersField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}（{obj.agency.short_name or obj.agency.title}）"


class AgencyScopedForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        if for_user is not None:
            self.fields["agency"].queryset = agencies_for(for_user, HANDLING_ROLES).order_by("title")


class AppealCaseForm(AgencyScopedForm):
    """A case is about requests of its own agency only (report table 四 counts them per agency)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["requests"]
        self.fields["requests"] = RequestNumbersField(
            label=field.label,
            required=False,
            queryset=DisclosureRequest.objects.filter(agency__in=self.fields["agency"].queryset)
            .select_related("agency")
            .order_by("-received_on", "-pk"),
            widget=forms.SelectMultiple(attrs={"size": 8}),
            help_text=_("Requests of the same agency that the case is about."),
        )

    def clean(self):
        data = super().clean()
        agency = data.get("agency")
        if agency is not None:
            strangers = [request.number for request in data.get("requests") or () if request.agency_id != agency.pk]
            if strangers:
                self.add_error(
                    "requests",
                    _("These requests belong to another agency: %(numbers)s") % {"numbers": "、".join(strangers)},
                )
        filed_on, concluded_on = data.get("filed_on"), data.get("concluded_on")
        if filed_on and concluded_on and concluded_on < filed_on:
            self.add_error("concluded_on", _("A case cannot be concluded before it was filed."))
        return data


class NoticeTemplateForm(AgencyScopedForm):
    """An agency's own wording; only a superuser writes the site's defaults (no agency)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not (self.user and self.user.is_superuser):
            self.fields["agency"].required = True
        else:
            self.fields["agency"].help_text = _("Empty: the site's default for every agency without its own.")

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and data.get("agency") is None:
            others = NoticeTemplate.objects.filter(agency=None, kind=kind).exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("kind", _("The site already has a default template of this kind."))
        return data
