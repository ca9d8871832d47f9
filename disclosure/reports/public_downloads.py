"""The published report's files for the public: the page's snapshot as PDF, XLSX or DOCX.

Reached only through the page's own route, so the one visibility rule that decides whether the
page is served decides whether its files are.
"""

from django.http import Http404, HttpResponse

from .exports import ReportContents, content_disposition, render_contents

KINDS = ("pdf", "xlsx", "docx")


def download(page, kind):
    if kind not in KINDS:
        raise Http404
    body, content_type, name = render_contents(ReportContents.from_page(page), kind)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name)
    return response
