"""文号 normalisation: one number written with 〔〕 [] ﹝﹞ () 【】 or full-width forms matches itself."""

import re
import unicodedata

_OPENING = "〔[(﹝【［（〖"
_CLOSING = "〕])﹞】］）〗"
_TRANSLATE = str.maketrans({**{c: "〔" for c in _OPENING}, **{c: "〕" for c in _CLOSING}})
_SPACES = re.compile(r"\s+")


def normalise_doc_number(value):
    """The matching key of a 文号: NFKC (full-width digits), one bracket style, no spaces."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value).translate(_TRANSLATE)
    return _SPACES.sub("", text)


DOC_NUMBER_PATTERN = re.compile(
    r"[\u4e00-\u9fa5]{1,12}\s*[〔\[(﹝【［（〖]\s*(?:19|20)\d{2}\s*[〕\])﹞】］）〗]\s*\d{1,5}\s*号"
)


def looks_like_doc_number(value):
    return bool(DOC_NUMBER_PATTERN.fullmatch((value or "").strip()))
