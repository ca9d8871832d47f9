"""The demo county's codes, one set used everywhere, and valid agency codes for its agencies.

青溪县 is fictional but lives at one real place in the numbering plans: one 行政区划代码
(in the agencies' 统一社会信用代码, hence their 索引号, in the site's 网站标识码 and in
identity numbers), one postcode and one telephone area code. A reader who checks a phone
number against a postcode must not find two provinces. Check digits are computed, never
copied.
"""

from stdnum.cn import ric, uscc

from disclosure.agencies.codes import org_code_check_digit

DIVISION_CODE = "331123"  # 行政区划代码: a county of 丽水市, 浙江省
POSTCODE = "323300"
AREA_CODE = "0578"  # 丽水
SITE_ID_CODE = f"{DIVISION_CODE}0001"  # 政府网站标识码: the county's division code and a serial
ICP_NUMBER = "浙ICP备00000000号-1"


def org_code(body8):
    return body8 + org_code_check_digit(body8)


def credit_code(registration, body8):
    """An 18-char 统一社会信用代码: registration code (``11`` an organ, ``12`` an institution,
    ``91`` a company), the county's division code, the organisation code and the check character."""
    first17 = registration + DIVISION_CODE + org_code(body8)
    return first17 + uscc.calc_check_digit(first17)


def phone_number(rng):
    return f"{AREA_CODE}-{rng.randint(5000000, 5999999)}"


def id_number(birth_date, serial):
    """A valid 18-digit 居民身份证号码 of someone registered in the county (``serial``: 3 digits)."""
    first17 = f"{DIVISION_CODE}{birth_date:%Y%m%d}{serial:03d}"
    return first17 + ric.calc_check_digit(first17)
