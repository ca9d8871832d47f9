"""The annual report as files: XLSX (the tables for statistics), PDF (to read and print), DOCX (to file).

Every export draws the national layout from ``layout``'s grids, so the three agree with each other
and with the HTML page. Front door: ``render(report, kind)`` for a report as it stands now;
``render_contents(contents, kind)`` for any ``ReportContents`` (a published page's snapshot);
``content_disposition(filename)`` for the download's header.
"""

import re

from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from ..errors import ReportRefused
from . import docx, pdf, xlsx
from .content import ReportContents

#: kind -> (renderer, content type)
KINDS = {
    "xlsx": (xlsx.render, xlsx.CONTENT_TYPE),
    "pdf": (pdf.render, pdf.CONTENT_TYPE),
    "docx": (docx.render, docx.CONTENT_TYPE),
}
#: What a file name may not hold on Windows, macOS or Linux.
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def filename(title, kind):
    """县教育局2025年政府信息公开工作年度报告.xlsx"""
    return f"{UNSAFE.sub('-', title).strip() or 'report'}.{kind}"


def render_contents(contents, kind):
    """``(bytes, content type, file name)`` of ``contents`` as ``kind`` (xlsx, pdf or docx)."""
    if kind not in KINDS:
        raise ReportRefused(_("A report can be downloaded as XLSX, PDF or DOCX."), "kind")
    renderer, content_type = KINDS[kind]
    return renderer(contents), content_type, filename(contents.title, kind)


def render(report, kind):
    """The report as it stands — the figures it shows now and its current text — as ``kind``."""
    return render_contents(ReportContents.from_report(report), kind)


def content_disposition(name):
    """The Content-Disposition of a download named ``name`` (RFC 6266/5987: a Chinese name survives)."""
    return content_disposition_header(True, name)


__all__ = ["KINDS", "ReportContents", "content_disposition", "filename", "render", "render_contents"]
