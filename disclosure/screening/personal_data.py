"""Personal data in submitted text: identity numbers, mobile numbers, bank card numbers.

Each candidate is validated (GB 11643 checksum and birth date, mobile prefixes, Luhn) so
that 索引号, 文号, amounts and statistics are not reported.
"""

import re

from stdnum import luhn
from stdnum.cn import ric

from .findings import Finding

# Digits not glued to other digits or letters (an 18-character credit code is no ID number).
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![0-9A-Za-z])")
CARD = re.compile(r"(?<![0-9A-Za-z])[3-69]\d{3}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?(?![0-9A-Za-z])")


def _is_id_number(candidate):
    """GB 11643 checksum and a real birth date; the region code is not checked, since
    regions are renamed and merged while old numbers stay in use."""
    number = candidate.upper()
    try:
        ric.get_birth_date(number)
    except ValueError:
        return False
    return ric.calc_check_digit(number[:17]) == number[17]


def find_id_numbers(text, source):
    return [
        Finding.at("id_number", source, text, m.start(), m.end())
        for m in ID_NUMBER.finditer(text)
        if _is_id_number(m.group())
    ]


def find_mobiles(text, source):
    return [Finding.at("mobile", source, text, m.start(), m.end()) for m in MOBILE.finditer(text)]


def find_bank_cards(text, source):
    findings = []
    for match in CARD.finditer(text):
        digits = re.sub(r"[\s-]", "", match.group())
        if not 16 <= len(digits) <= 19 or not luhn.is_valid(digits) or _is_id_number(digits):
            continue
        findings.append(Finding.at("bank_card", source, text, match.start(), match.end()))
    return findings


def find_personal_data(text, source):
    return find_id_numbers(text, source) + find_mobiles(text, source) + find_bank_cards(text, source)
