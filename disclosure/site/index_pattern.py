"""The 索引号 pattern a site or an agency configures: which placeholders it may use."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_FIELDS = {"org_code", "year", "serial", "category"}


def validate_pattern(pattern):
    """Reject patterns with unknown placeholders or without a serial (numbers would repeat)."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
        pattern.format(org_code="X", year=2024, serial=1, category="01")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(_("The 索引号 pattern is not valid: %(error)s"), params={"error": exc}) from exc
    unknown = fields - ALLOWED_FIELDS
    if unknown:
        raise ValidationError(
            _("Unknown placeholder(s) %(names)s; use {org_code}, {year}, {serial} and {category}."),
            params={"names": ", ".join(sorted(unknown))},
        )
    if "serial" not in fields:
        raise ValidationError(_("The 索引号 pattern must contain {serial}."))
