"""The site frame in templates: ``{% site_navigation %}``, ``{% site_footer %}``, ``{% page_tools %}``."""

from django import template

from ..frame.navigation import contact_link, header_links
from ..site.models import DisclosureSettings

register = template.Library()


def _settings(request):
    return DisclosureSettings.for_request(request)


@register.inclusion_tag("disclosure/frame/navigation.html", takes_context=True)
def site_navigation(context):
    request = context["request"]
    return {"links": header_links(request, _settings(request))}


@register.inclusion_tag("disclosure/frame/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site_settings = _settings(request)
    return {"s": site_settings, "contact_url": contact_link(request, site_settings), "request": request}


@register.inclusion_tag("disclosure/frame/page_tools.html", takes_context=True)
def page_tools(context):
    """打印、字号、分享 and 关闭 for an article; the 纠错 link comes from the site settings."""
    request = context["request"]
    return {
        "share_path": request.path,
        "share_url": request.build_absolute_uri(request.path),
        "error_report_url": _settings(request).error_report_url,
    }
