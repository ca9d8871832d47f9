"""Valid agency codes for fictional agencies (check digits computed, never copied)."""

from stdnum.cn import uscc

from disclosure.agencies.codes import org_code_check_digit


def org_code(body8):
    return body8 + org_code_check_digit(body8)


def credit_code(prefix8, body8):
    """An 18-char 统一社会信用代码: registration prefix + organisation code + check character."""
    first17 = prefix8 + org_code(body8)
    return first17 + uscc.calc_check_digit(first17)
