"""The list's filters: year, agency (among those the user reads), level and state."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from ...agencies.models import AgencyPage
from ..choices import ReportLevel, ReportState
from ..models import AnnualReport
from ..permissions import readable_agencies


def _agencies(request):
    return readable_agencies(request.user).order_by("title") if request else AgencyPage.objects.none()


class ReportFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), choices=[])
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=_agencies)
    level = django_filters.ChoiceFilter(label=_("Level"), choices=ReportLevel.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=ReportState.choices)

    class Meta:
        model = AnnualReport
        fields = ["year", "agency", "level", "state"]

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        # The years of the reports the user may read, newest first.
        years = self.queryset.order_by("-year").values_list("year", flat=True).distinct()
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
