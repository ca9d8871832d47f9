"""Validation of the agency identifiers an 索引号 is built from.

统一社会信用代码 (18 chars, GB 32100-2015) is checked by python-stdnum; the older
组织机构代码 (9 chars, GB 11714-1997) is not in that library, so its check digit is here.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import uscc

_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def normalise_org_code(value):
    return (value or "").strip().upper().replace("-", "").replace(" ", "")


def org_code_check_digit(body):
    total = sum(_ORG_CODE_ALPHABET.index(char) * weight for char, weight in zip(body, _ORG_CODE_WEIGHTS))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def is_valid_org_code(value):
    code = normalise_org_code(value)
    if len(code) != 9 or any(char not in _ORG_CODE_ALPHABET for char in code[:8]):
        return False
    return org_code_check_digit(code[:8]) == code[8]


def validate_agency_code(value):
    """Accept a 9-char 组织机构代码 or an 18-char 统一社会信用代码, each with a correct check digit."""
    code = normalise_org_code(value)
    if len(code) == 18:
        if not uscc.is_valid(code):
            raise ValidationError(
                _("“%(code)s” is not a valid unified social credit code: the check character does not match."),
                code="invalid_uscc",
                params={"code": value},
            )
    elif len(code) == 9:
        if not is_valid_org_code(code):
            raise ValidationError(
                _("“%(code)s” is not a valid organisation code: the check digit does not match."),
                code="invalid_org_code",
                params={"code": value},
            )
    else:
        raise ValidationError(
            _("Enter a 9-character organisation code or an 18-character unified social credit code."),
            code="invalid_length",
        )
