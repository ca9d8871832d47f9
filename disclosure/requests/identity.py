"""Identity numbers: the checksums of 居民身份证 (GB 11643) and 统一社会信用代码 (GB 32100), and masking.

python-stdnum implements both checksums and is maintained; we only phrase its verdicts in the
applicant's language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from .choices import IdentityDocument


def normalise(document_type, number):
    number = "".join(number.split()).upper()
    if document_type == IdentityDocument.RESIDENT_ID:
        return ric.compact(number)
    if document_type == IdentityDocument.CREDIT_CODE:
        return uscc.compact(number)
    return number


def validate_identity_number(document_type, number):
    """Return the normalised number, or raise a ValidationError that says what is wrong."""
    number = normalise(document_type, number)
    if not number:
        raise ValidationError(_("Enter the number of the identity document."), code="required")
    checks = {IdentityDocument.RESIDENT_ID: (ric, 18), IdentityDocument.CREDIT_CODE: (uscc, 18)}
    if document_type not in checks:
        if len(number) > 40:
            raise ValidationError(_("The document number is too long."), code="too_long")
        return number
    module, length = checks[document_type]
    try:
        module.validate(number)
    except stdnum_errors.InvalidLength as exc:
        raise ValidationError(
            _("The number must have %(length)d characters; you entered %(count)d."),
            params={"length": length, "count": len(number)},
            code="length",
        ) from exc
    except stdnum_errors.InvalidChecksum as exc:
        raise ValidationError(
            _("The last character (check digit) does not match: please check the number for a typing error."),
            code="checksum",
        ) from exc
    except stdnum_errors.InvalidComponent as exc:
        if document_type == IdentityDocument.RESIDENT_ID:
            message = _("The birth date or region code in this identity card number is not valid.")
        else:
            message = _("This unified social credit code contains a character that is not allowed.")
        raise ValidationError(message, code="component") from exc
    except stdnum_errors.InvalidFormat as exc:
        if document_type == IdentityDocument.RESIDENT_ID:
            message = _("The first 17 characters must be digits and the last a digit or X.")
        else:
            message = _("A unified social credit code has digits and capital letters only (no I, O, Z, S or V).")
        raise ValidationError(message, code="format") from exc
    except stdnum_errors.ValidationError as exc:
        raise ValidationError(_("This number is not valid."), code="invalid") from exc
    return number


def mask(number):
    """Lists show ``3301**********1234``: enough to tell two applicants apart, not to use the number."""
    if not number:
        return ""
    if len(number) <= 8:
        return number[:1] + "*" * (len(number) - 2) + number[-1:] if len(number) > 2 else "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
