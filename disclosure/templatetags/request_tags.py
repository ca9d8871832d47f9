"""Template tags linking public pages to the agency's application page (依申请公开)."""

from django import template

from ..agencies.models import agency_of
from ..requests.public_links import application_page

register = template.Library()


@register.simple_tag
def application_page_of(page):
    """The public application page of ``page``'s agency, or None: ``{% application_page_of page as apply %}``."""
    return application_page(agency_of(page))
