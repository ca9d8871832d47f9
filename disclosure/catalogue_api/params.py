"""The items query: the catalogue page's own filters and validation, plus the API's ``agency`` and ``page_size``.

The filters are ``catalogue.listing``'s form, so the API accepts exactly what the page
accepts, refuses what it refuses with the same words, and finds the same items.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..catalogue.listing import CatalogueFilterForm, CatalogueListing
from .catalogues import public_catalogue_of

#: A client may ask for larger pages than the site's, up to this.
MAX_PAGE_SIZE = 100
MAX_ID = 2**31 - 1


class ApiParamsForm(forms.Form):
    agency = forms.IntegerField(label=gettext_lazy("Agency"), required=False, min_value=1, max_value=MAX_ID)
    page_size = forms.IntegerField(
        label=gettext_lazy("Items per page"), required=False, min_value=1, max_value=MAX_PAGE_SIZE
    )


KNOWN_PARAMETERS = frozenset(CatalogueFilterForm.base_fields) | frozenset(ApiParamsForm.base_fields)


class ParameterErrors(Exception):
    """Parameter name → messages: the query names values the API cannot answer (a 400)."""

    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields

    @property
    def message(self):
        return " ".join(
            _("The value of “%(name)s” is not valid: %(reason)s") % {"name": name, "reason": " ".join(messages)}
            for name, messages in self.fields.items()
        )


def item_listing(params):
    """The catalogue listing ``params`` ask for: one agency's (``agency``) or every agency's.

    Raises ParameterErrors naming each parameter that is unknown or has a value the
    catalogue page would refuse too (an agency the public may not see is no agency)."""
    extra = ApiParamsForm(params)
    errors = {} if extra.is_valid() else _messages(extra.errors)
    errors.update({name: [_("This parameter is unknown.")] for name in sorted(set(params) - KNOWN_PARAMETERS)})
    agency_id = extra.cleaned_data.get("agency")
    found = public_catalogue_of(agency_id) if agency_id else None
    if agency_id and found is None:
        errors["agency"] = [_("No public catalogue belongs to an agency with this number.")]
    listing = CatalogueListing(found[0] if found else None, params, page_size=extra.cleaned_data.get("page_size"))
    errors.update(_messages(listing.errors))
    if errors:
        raise ParameterErrors(dict(sorted(errors.items())))
    return listing


def _messages(form_errors):
    return {name: [str(message) for message in messages] for name, messages in form_errors.items()}
