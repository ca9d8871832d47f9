"""Where the public is sent to apply: the agency's application page, when it has a public one.

The guide, the catalogue and the search page's "no results" box link to it; so does the
applicant's e-mail (to the status page under it). One query each, through the visibility rule:
an unpublished or withdrawn application page is linked from nowhere.
"""

from django.utils.translation import gettext as _

from ..agencies.models import AgencyPage
from ..visibility import public_pages
from .models.pages import RequestFormPage

#: The "no results" box lists at most this many agencies' application pages.
LINKS_LIMIT = 5


def application_page(agency):
    """The agency's public application page, or None."""
    if agency is None:
        return None
    return public_pages(RequestFormPage.objects.child_of(agency)).first()


def application_links(agency_id=None):
    """``[{"url", "label", "agency_id"}]`` of public application pages; the given agency's first."""
    pages = list(public_pages(RequestFormPage.objects.all()))
    agencies = AgencyPage.objects.filter(path__in=[page.path[: -page.steplen] for page in pages]).only("title", "path")
    agency_at = {agency.path: agency for agency in agencies}
    pairs = [(agency_at[page.path[: -page.steplen]], page) for page in pages if page.path[: -page.steplen] in agency_at]
    pairs.sort(key=lambda pair: (pair[0].pk != agency_id, pair[0].title))
    return [
        {
            "url": page.url,
            "label": _("%(agency)s: apply for information (依申请公开)") % {"agency": agency.title},
            "agency_id": agency.pk,
        }
        for agency, page in pairs[:LINKS_LIMIT]
    ]
