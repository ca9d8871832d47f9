"""How a report is named where it is published."""

import re

from .choices import ReportLevel


def reporting_name(report):
    """Who reports: the agency for its own report, the place for the whole government's
    (青溪县人民政府办公室 → 青溪县)."""
    name = report.agency.title
    if report.level == ReportLevel.GOVERNMENT:
        name = re.sub(r"人民政府(?:办公室|办公厅)?$", "", name) or name
    return name


def page_title(report):
    """The title agencies publish under (青溪县2025年政府信息公开工作年度报告)."""
    return f"{reporting_name(report)}{report.year}年政府信息公开工作年度报告"
