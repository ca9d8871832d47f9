from django import template
from django.utils import timezone

from ..site.meta import format_datetime, government_meta

register = template.Library()


@register.inclusion_tag("disclosure/tags/government_meta.html", takes_context=True)
def government_meta_tags(context):
    request = context["request"]
    return {"tags": government_meta(context.get("page"), request)}


@register.filter
def gov_datetime(value):
    """Dates as government sites show them: YYYY-MM-DD HH:MM in the site's time zone."""
    return format_datetime(value)


@register.filter
def gov_date(value):
    if not value:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")
