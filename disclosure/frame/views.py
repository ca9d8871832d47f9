"""The site frame's own addresses: robots.txt, the HTML 网站地图 and the QR code of a page (分享)."""

import io

import segno
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .site_map import site_map

#: Paths no crawler should follow: the admin, search results (endless and personal), APIs,
#: applicants' status pages (their links carry a secret), and the QR images.
ROBOTS_DISALLOW = ["/admin/", "/search/", "/api/", "/share/", "/_util/", "/i18n/", "/*/status/"]
QR_MAX_PATH = 500


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def html_site_map(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return render(
        request,
        "disclosure/frame/site_map.html",
        {"site_map": site_map(site.root_page, request), "breadcrumb_title": _("Site map")},
    )


def _shareable(path):
    return (
        path.startswith("/")
        and not path.startswith("//")
        and len(path) <= QR_MAX_PATH
        and path.isprintable()
        and "\\" not in path
    )


@require_GET
@cache_control(public=True, max_age=86400)
def share_qr(request):
    """A QR code of one of this site's own addresses, for 扫一扫 on a phone; never of another site's."""
    path = request.GET.get("path", "")
    if not _shareable(path):
        return HttpResponseBadRequest(
            _("The QR code can only show an address on this site."), content_type="text/plain; charset=utf-8"
        )
    try:
        code = segno.make(request.build_absolute_uri(path), error="m")
    except segno.DataOverflowError:  # a long Chinese path percent-encodes to more than a QR code holds
        return HttpResponseBadRequest(
            _("This address is too long for a QR code; copy the link instead."),
            content_type="text/plain; charset=utf-8",
        )
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=4, border=2, title=_("QR code of this page"))
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
