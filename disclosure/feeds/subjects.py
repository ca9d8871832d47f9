"""What a feed follows — the whole site, a catalogue, one of its categories, an announcement column —
with the title and addresses that both the feed and the page announcing it use."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..site.models import DisclosureSettings


@dataclass(frozen=True)
class FeedSubject:
    title: str
    description: str
    page_url: str  # the HTML page whose entries the feed carries
    url_name: str  # the feed's route, without the ``_rss`` / ``_atom`` ending
    url_kwargs: tuple = ()

    @property
    def rss_url(self):
        return reverse(f"feeds:{self.url_name}_rss", kwargs=dict(self.url_kwargs))

    @property
    def atom_url(self):
        return reverse(f"feeds:{self.url_name}_atom", kwargs=dict(self.url_kwargs))


def site_name(request):
    """The name the header shows: the site settings', else the Wagtail site's."""
    name = DisclosureSettings.for_request(request).site_name
    if not name:
        site = Site.find_for_request(request)
        name = site.site_name if site else ""
    return name or _("Government information disclosure")


def latest_subject(request):
    name = site_name(request)
    return FeedSubject(
        title=_("%(site)s: latest information") % {"site": name},
        description=_("The newest catalogue items and announcements of %(site)s.") % {"site": name},
        page_url="/",
        url_name="latest",
    )


def catalogue_subject(catalogue, agency_title, request):
    title = f"{agency_title} {catalogue.title}"
    return FeedSubject(
        title=title,
        description=_("The newest items of %(catalogue)s.") % {"catalogue": title},
        page_url=catalogue.get_url(request),
        url_name="catalogue",
        url_kwargs=(("catalogue_id", catalogue.pk),),
    )


def category_subject(catalogue, agency_title, category, request):
    catalogue_title = f"{agency_title} {catalogue.title}"
    return FeedSubject(
        title=_("%(catalogue)s: %(category)s") % {"catalogue": catalogue_title, "category": category.name},
        description=_("The newest items of %(catalogue)s in the category %(category)s and its subcategories.")
        % {"catalogue": catalogue_title, "category": category.name},
        page_url=f"{catalogue.get_url(request)}?category={category.pk}",
        url_name="category",
        url_kwargs=(("catalogue_id", catalogue.pk), ("category_id", category.pk)),
    )


def column_subject(column, owner_title, request):
    title = f"{owner_title} {column.title}"
    return FeedSubject(
        title=title,
        description=_("The newest announcements of %(column)s.") % {"column": title},
        page_url=column.get_url(request),
        url_name="column",
        url_kwargs=(("column_id", column.pk),),
    )
