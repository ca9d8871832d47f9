"""The OpenAPI description of what the views check by hand: query parameters read from the forms that
validate them (so the documentation cannot drift from the validation) and the conditional-GET headers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..catalogue.listing import CatalogueFilterForm
from .params import ApiParamsForm

HINTS = {
    "agency": _("Only this agency's items (its id, as /agencies/ lists them); all agencies' items when left out."),
    "category": _("A category of the agency's catalogue; its subcategories are included."),
    "year": _("The year of the publication date."),
    "topic": _("The id of a topic (主题分类), as an agency's filters list them."),
    "genre": _("The id of a genre (体裁), as an agency's filters list them."),
    "validity": _("Validity (有效性)."),
    "mode": _("Disclosure mode: proactive, or on request (only the metadata of those is public)."),
    "page": _("The page number, from 1."),
    "page_size": _("Items per page (the site's page size when left out)."),
}


def _schema(field):
    if isinstance(field, forms.ModelChoiceField):
        return {"type": "integer", "minimum": 1}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _label in field.choices if value]}
    schema = {"type": "integer"}
    if field.min_value is not None:
        schema["minimum"] = field.min_value
    if field.max_value is not None:
        schema["maximum"] = field.max_value
    return schema


def item_query_parameters():
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": HINTS.get(name, field.label),
            "schema": _schema(field),
        }
        for form_class in (ApiParamsForm, CatalogueFilterForm)
        for name, field in form_class.base_fields.items()
    ]


CONDITIONAL_HEADERS = {
    "ETag": {
        "description": _("Changes whenever the answer does; send it back in If-None-Match."),
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": _(
            "The latest publication or change of visibility the answer depends on; send it back in If-Modified-Since."
        ),
        "schema": {"type": "string"},
    },
}


def conditional_get():
    """The ``openapi_extra`` of every GET: the headers of a 200 and a 429, and the 304 (int keys, as ninja's)."""
    return {
        "responses": {
            200: {"headers": CONDITIONAL_HEADERS},
            304: {"description": _("Not modified: the answer is the one the client holds.")},
            429: {
                "headers": {
                    "Retry-After": {
                        "description": _("Seconds until the client may ask again."),
                        "schema": {"type": "integer"},
                    }
                }
            },
        }
    }
