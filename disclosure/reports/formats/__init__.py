"""The report formats Gongkai knows, one JSON file each, keyed by the version code a report stores.

- ``national-2021``: 国办公开办函〔2021〕30号, for reports on 2021 and later.
- ``national-2019``: the format of the 2019 revision of the Regulations, still used by some
  agencies (its 表二 counts 新制作 / 新公开 / 对外公开总数量, 上一年项目数量 / 本年增/减 and
  第二十条第（九）项 政府集中采购; its 表三 has one （六）其他处理 row).

A report keeps the format it was started in. The next revision of the national format is a
new JSON file here and a new entry in ``FILES``; existing reports are untouched.
"""

from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .loader import FormatError, load
from .schema import ReportFormat

__all__ = ["CURRENT", "FILES", "FormatError", "ReportFormat", "all_formats", "choices", "for_year", "get"]

HERE = Path(__file__).resolve().parent

#: version code -> (file, what an editor is shown)
FILES = {
    "national-2021": ("national_2021.json", _("National format of 2021 (国办公开办函〔2021〕30号)")),
    "national-2019": ("national_2019.json", _("Format of 2019 (used for reports on 2019 and 2020)")),
}
CURRENT = "national-2021"


@cache
def get(code):
    """The format of version ``code``; ``KeyError`` names the unknown code."""
    try:
        filename, _label = FILES[code]
    except KeyError:
        raise KeyError(f"unknown report format {code!r}; known: {sorted(FILES)}") from None
    return load(HERE / filename)


def all_formats():
    return [get(code) for code in FILES]


def choices():
    return [(code, label) for code, (_filename, label) in FILES.items()]


def for_year(year):
    """The newest format in force for a report on ``year``."""
    candidates = [fmt for fmt in all_formats() if fmt.first_year <= year]
    return max(candidates, key=lambda fmt: fmt.first_year) if candidates else get(CURRENT)
