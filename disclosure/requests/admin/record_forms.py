"""Forms of the appeal register and the notice templates, limited to the agencies the user handles."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..choices import NoticeKind
from ..models import DisclosureRequest, NoticeTemplate
from ..notices import PLACEHOLDERS, validate_number_pattern, validate_template_body
from ..notices.placeholders import FOR_APPLICANT, NOT_FOR_APPLICANT, REPLY_KINDS
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


def placeholders_help():
    """The placeholders an editor may write, each with what it means and, when not every notice has it,
    the notices that do: the list ``validate_template_body`` checks against."""
    groups = {
        FOR_APPLICANT: _("notices to the applicant"),
        NOT_FOR_APPLICANT: _("consultations of a third party or another agency"),
        REPLY_KINDS: _("replies"),
    }

    def only_in(placeholder):
        if placeholder.kinds == frozenset(NoticeKind):
            return ""
        kinds = groups.get(placeholder.kinds) or "、".join(
            str(kind.label) for kind in NoticeKind if kind in placeholder.kinds
        )
        return format_html(' <span class="help">（{}）</span>', _("only in: %(kinds)s") % {"kinds": kinds})

    items = format_html_join(
        "", "<li><code>{}</code> — {}{}</li>", ((p.tag, p.description, only_in(p)) for p in PLACEHOLDERS)
    )
    return format_html(
        '{}<ul class="notice-placeholders" data-placeholders>{}</ul>',
        _("Write the text with these placeholders; they are filled in when the notice is issued."),
        items,
    )


class NoticeTemplateForm(AgencyScopedForm):
    """An agency's own wording; only a superuser writes the site's defaults (no agency). The text is
    checked as the notice will use it (its syntax, and only the placeholders of its kind), so a mistake
    shows when saving, not when a notice is due."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = placeholders_help()
        if not (self.user and self.user.is_superuser):
            self.fields["agency"].required = True
        else:
            self.fields["agency"].help_text = _("Empty: the site's default for every agency without its own.")

    def clean_number_pattern(self):
        pattern = self.cleaned_data["number_pattern"].strip()
        validate_number_pattern(pattern)
        return pattern

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if data.get("body") and "body" not in self.errors:
            try:
                validate_template_body(data["body"], kind or None)
            except forms.ValidationError as error:
                self.add_error("body", error)
        if kind and data.get("agency") is None:
            others = NoticeTemplate.objects.filter(agency=None, kind=kind).exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("kind", _("The site already has a default template of this kind."))
        return data
