"""The application-number pattern (申请编号) a site configures: which placeholders it may use."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_FIELDS = {"agency_short", "org_code", "year", "serial"}


def validate_request_number_pattern(pattern):
    """Reject unknown placeholders and patterns without year and serial (numbers would repeat)."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        pattern.format(agency_short="X", org_code="X", year=2024, serial=1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(
            _("The application number pattern is not valid: %(error)s"), params={"error": exc}
        ) from exc
    unknown = fields - ALLOWED_FIELDS
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s) %(names)s; use {agency_short}, {org_code}, {year} and {serial}."),
            params={"names": ", ".join(sorted(unknown))},
        )
    if not {"serial", "year"} <= fields:
        raise ValidationError(_("The application number pattern must contain {year} and {serial}."))
