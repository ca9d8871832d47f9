from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.simple_tag
def category_tree(nodes, selected_pk=None):
    """Nested lists of category links with counts, rendered in Python: the tree can be deep, and
    an {% include %} per node costs more than the rest of the catalogue page."""

    def render(level):
        items = []
        for node in level:
            current = mark_safe(' aria-current="true"') if node.pk == selected_pk else ""
            children = render(node.children) if node.children else ""
            items.append(
                format_html(
                    '<li><a href="{}"{}>{} <span class="count">({})</span></a>{}</li>',
                    node.url,
                    current,
                    node.category.name,
                    node.count,
                    format_html("<ul>{}</ul>", children) if children else "",
                )
            )
        return mark_safe("".join(items))

    return render(nodes)
