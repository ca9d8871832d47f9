"""The frame every public page shares: the header's links and the footer's.

Links to pages go through the visibility rule like any listing: a withdrawn column disappears
from the navigation the moment it is withdrawn, without anyone editing the settings.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from ..visibility import public_pages


@dataclass(frozen=True)
class FrameLink:
    label: str
    url: str
    current: bool = False


def _public_by_id(pages):
    ids = [page.pk for page in pages if page is not None]
    return {page.pk: page for page in public_pages(Page.objects.filter(pk__in=ids))}


def _is_current(url, path, is_home):
    if is_home:
        return path == url
    return bool(url) and url.startswith("/") and (path == url or path.startswith(url.rstrip("/") + "/"))


def header_links(request, site_settings):
    """The configured links, or else the home page and its pages marked "show in menus"."""
    site = Site.find_for_request(request)
    home = site.root_page if site else None
    configured = list(site_settings.navigation) if site_settings else []
    if configured:
        visible = _public_by_id(block.value["page"] for block in configured)
        entries = []
        for block in configured:
            page = block.value["page"]
            if page is not None:
                if page.pk in visible:
                    entries.append((block.value["label"], visible[page.pk].get_url(request), page.pk == home.pk))
            elif block.value["url"]:
                entries.append((block.value["label"], block.value["url"], False))
    else:
        entries = [(_("Home"), "/", True)] if home else []
        if home:
            children = public_pages(home.get_children().filter(show_in_menus=True)).order_by("path")
            entries += [(child.title, child.get_url(request), False) for child in children]
    path = request.path
    # The longest matching link is the current one: 公开目录 inside 机构概况 marks the former only.
    matches = [url for _label, url, is_home in entries if _is_current(url, path, is_home)]
    current = max(matches, key=len) if matches else None
    return [FrameLink(label, url, url == current) for label, url, _is_home in entries]


def contact_link(request, site_settings):
    page = site_settings.contact_page if site_settings else None
    if page is None or page.pk not in _public_by_id([page]):
        return None
    return page.get_url(request)
