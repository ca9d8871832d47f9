from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..feeds.links import feeds_for

register = template.Library()

LINK = '<link rel="alternate" type="{}" title="{} ({})" href="{}">'


@register.simple_tag(takes_context=True)
def feed_links(context, page=None):
    """``<link rel="alternate">`` tags, RSS and Atom, for the feeds that belong to ``page`` (any page: the site's)."""
    request = context.get("request")
    if request is None:
        return ""
    tags = []
    for subject in feeds_for(page, request, context.get("listing")):
        tags.append(format_html(LINK, "application/rss+xml", subject.title, "RSS", subject.rss_url))
        tags.append(format_html(LINK, "application/atom+xml", subject.title, "Atom", subject.atom_url))
    return mark_safe("\n".join(tags))
