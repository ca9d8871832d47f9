"""The queue's filters: state, agency and handler (only the user's agencies), channel, due status in SQL,
and the extensions that wait for a leader's approval."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from ...agencies.models import AgencyGroup, AgencyPage
from ..choices import CLOSED_STATES, ApplicantType, IntakeChannel, RequestState
from ..models import AppealCase, DisclosureRequest
from ..permissions import HANDLING_ROLES, agencies_for
from ..queue import QUEUE_STATES
from . import due
from .forms import HandlerChoiceField

OPEN, CLOSED = "open", "closed"
EXTENSION_PROPOSED = "proposed"


def _agencies(request):
    return agencies_for(request.user) if request else AgencyPage.objects.none()


def _handlers(request):
    if request is None:
        return get_user_model().objects.none()
    groups = AgencyGroup.objects.filter(agency__in=agencies_for(request.user), role__in=HANDLING_ROLES)
    return (
        get_user_model()
        .objects.filter(groups__in=groups.values("group_id"), is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class StateFilter(django_filters.ChoiceFilter):
    """A single state, or every open (or closed) state at once; "open" includes the online submissions
    whose receipt is not yet confirmed, the desk's first work."""

    def filter(self, qs, value):
        if value == OPEN:
            return qs.filter(state__in=QUEUE_STATES)
        if value == CLOSED:
            return qs.filter(state__in=CLOSED_STATES)
        return super().filter(qs, value)


class HandlerFilter(django_filters.ModelChoiceFilter):
    """Handlers by their full name (the username when they have none), as the queue's column shows them."""

    field_class = HandlerChoiceField


class ExtensionFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return qs.filter(proposed_extension_working_days__gt=0) if value == EXTENSION_PROPOSED else qs


class DueFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return due.filter_due(qs, value) if value else qs


class RequestQueueFilterSet(WagtailFilterSet):
    state = StateFilter(
        label=_("State"),
        choices=[(OPEN, _("All open requests")), (CLOSED, _("All closed requests")), *RequestState.choices],
    )
    due = DueFilter(label=_("Due"), choices=due.FILTER_CHOICES)
    extension = ExtensionFilter(label=_("Extension"), choices=[(EXTENSION_PROPOSED, _("Proposed, awaiting approval"))])
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_agencies)
    handler = HandlerFilter(label=_("Handler"), queryset=_handlers)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=IntakeChannel.choices)
    applicant_type = django_filters.ChoiceFilter(label=_("Applicant type"), choices=ApplicantType.choices)
    received_on = django_filters.DateFromToRangeFilter(label=_("Date of receipt"))

    class Meta:
        model = DisclosureRequest
        fields = ["state", "due", "extension", "agency", "handler", "channel", "applicant_type", "received_on"]


class YearFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__year": int(value)}) if value else qs


def _appeal_years():
    years = AppealCase.objects.dates("filed_on", "year", order="DESC")
    return [(str(year.year), str(year.year)) for year in years]


class AppealCaseFilterSet(WagtailFilterSet):
    year = YearFilter(label=_("Year filed"), field_name="filed_on", choices=_appeal_years)
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_agencies)

    class Meta:
        model = AppealCase
        fields = ["kind", "result", "year", "agency"]
