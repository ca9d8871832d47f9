import pytest
from django.core.exceptions import ValidationError

from disclosure.agencies.codes import is_valid_org_code, validate_agency_code


@pytest.mark.parametrize("code", ["000014349", "00001434-9", "11441700007280420Y", "91110000600037341L"])
def test_real_codes_are_accepted(code):
    validate_agency_code(code)


def test_org_code_check_digit_is_verified():
    assert is_valid_org_code("000014349")
    assert not is_valid_org_code("000014348")


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("000014348", "check digit"),
        ("11441700007280420X", "check character"),
        ("1234", "9-character"),
        ("", "9-character"),
    ],
)
def test_wrong_codes_are_rejected_with_a_reason(code, fragment, settings):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        validate_agency_code(code)
    assert fragment in excinfo.value.messages[0]


def test_error_is_in_chinese_by_default():
    with pytest.raises(ValidationError) as excinfo:
        validate_agency_code("000014348")
    assert "校验" in excinfo.value.messages[0]
