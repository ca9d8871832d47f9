"""What a visitor may ask of the interview column: a month of its calendar and a page of its archive.

A value the column cannot answer is refused with a 400 that names the parameter, as on
every public listing (catalogue, announcements, search) — never a 500, never silently ignored.
"""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The calendar spans the years the site's other filters accept (catalogue and search years).
FIRST_YEAR, LAST_YEAR = 1949, 2100

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


class ColumnFilterForm(forms.Form):
    month = forms.CharField(label=_("Month"), required=False)
    page = forms.IntegerField(label=pgettext_lazy("page number", "Page"), required=False, min_value=1)

    def clean_month(self):
        """The first day of the month asked for as YYYY-MM (as the calendar's links write it), or None."""
        value = self.cleaned_data["month"]
        if not value:
            return None
        match = _MONTH.fullmatch(value)
        year, month = (int(match[1]), int(match[2])) if match else (0, 0)
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise forms.ValidationError(
                _("Give a month as YYYY-MM, from %(first)d-01 to %(last)d-12."),
                code="invalid",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return datetime.date(year, month, 1)
