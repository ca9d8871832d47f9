"""Filters of the report table include (``disclosure/reports/includes/report_table.html``): a figure
by its cell code as the national format prints it, a grid's head and body rows, prefixed ids."""

from django import template

from ..reports.formats.schema import display

register = template.Library()


@register.filter
def figure(values, code):
    """``{{ values|figure:cell.cell }}``: 15, 0.04, -3; blank prints 0 (as published reports do).

    ``values`` maps cell codes to Decimals (``figures.values``) or to the strings a published
    page keeps (``AnnualReportPage.figures``)."""
    return display((values or {}).get(code))


@register.filter
def lookup(mapping, key):
    """``{{ marks|lookup:cell.cell }}``: a dict's entry, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def head_rows(grid):
    return grid.rows[: grid.head_rows]


@register.filter
def body_rows(grid):
    return grid.rows[grid.head_rows :]


@register.filter
def prefixed(ids, prefix):
    """Header ids (a tuple, or one id) with the page's prefix, space-separated for ``headers``."""
    if isinstance(ids, str):
        ids = (ids,)
    return " ".join(f"{prefix or ''}{header}" for header in ids)
