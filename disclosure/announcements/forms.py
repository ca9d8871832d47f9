"""What a visitor may ask of an announcement column: a category and a page.

A value the column cannot answer is refused with a 400 that names the parameter, as on
every public listing — not silently replaced by the whole column.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AnnouncementFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("category"), required=False)
    page = forms.IntegerField(label=pgettext_lazy("page number", "Page"), required=False, min_value=1)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "")] + list(categories)
