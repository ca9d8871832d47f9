"""The feed views: one class per subject, each in RSS 2.0 and in Atom.

A feed is sent with an ETag of its content and ``Cache-Control: no-cache``: a reader or a
proxy may keep it but asks again every time (a 304 when nothing changed), so a withdrawn
entry leaves a feed as soon as it leaves the listings. Django's Last-Modified (the newest
entry's date) is dropped: a withdrawal changes a feed without changing that date.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from wagtail.models import Site

from . import entries, subjects
from .lookups import column_owner_title, public_catalogue, public_category, public_column


class SubjectFeed(Feed):
    """A feed of ``FeedEntry`` objects about one ``FeedSubject``; subclasses say which in ``follow``."""

    feed_type = Rss201rev2Feed
    language = "zh-cn"
    item_guid_is_permalink = True

    def follow(self, request, **kwargs):
        """Return (subject, entries); raise ``ObjectDoesNotExist`` when the subject is not public."""
        raise NotImplementedError

    def get_object(self, request, **kwargs):
        return self.follow(request, **kwargs)

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        del response["Last-Modified"]
        set_response_etag(response)
        patch_cache_control(response, no_cache=True)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def title(self, obj):
        return obj[0].title

    def description(self, obj):
        return obj[0].description

    def link(self, obj):
        return obj[0].page_url

    def items(self, obj):
        return obj[1]

    def item_title(self, entry):
        # RSS readers show titles as HTML (Django's default escapes them for that reason).
        return escape(entry.title)

    def item_link(self, entry):
        return entry.url

    def item_description(self, entry):
        return escape(entry.description)

    def item_pubdate(self, entry):
        # In the site's time zone, as the pages show dates.
        return timezone.localtime(entry.published) if entry.published else None

    def item_author_name(self, entry):
        return entry.author or None

    def item_categories(self, entry):
        return entry.categories


class AtomVariant:
    """The same feed in Atom: the description becomes the subtitle, titles are plain text."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return obj[0].description

    def item_title(self, entry):
        return entry.title


def _site_root(request):
    site = Site.find_for_request(request)
    if site is None:
        raise ObjectDoesNotExist("No site answers this host.")
    return site.root_page


class LatestRss(SubjectFeed):
    """Site-wide: the newest catalogue items and announcements together."""

    def follow(self, request):
        name = subjects.site_name(request)
        return subjects.latest_subject(request), entries.latest_entries(_site_root(request), request, name)


class CatalogueRss(SubjectFeed):
    """One agency's 信息公开目录."""

    def follow(self, request, catalogue_id):
        catalogue = public_catalogue(request, catalogue_id)
        subject = subjects.catalogue_subject(catalogue, catalogue.agency.title, request)
        return subject, entries.catalogue_entries(catalogue, request)


class CategoryRss(SubjectFeed):
    """One category of a catalogue, its subcategories included."""

    def follow(self, request, catalogue_id, category_id):
        catalogue = public_catalogue(request, catalogue_id)
        category = public_category(catalogue, category_id)
        subject = subjects.category_subject(catalogue, catalogue.agency.title, category, request)
        return subject, entries.catalogue_entries(catalogue, request, category)


class ColumnRss(SubjectFeed):
    """One announcement column (通知公告, 工作动态…)."""

    def follow(self, request, column_id):
        column = public_column(request, column_id)
        owner = column_owner_title(column, request)
        return subjects.column_subject(column, owner, request), entries.column_entries(column, request, owner)


class LatestAtom(AtomVariant, LatestRss):
    pass


class CatalogueAtom(AtomVariant, CatalogueRss):
    pass


class CategoryAtom(AtomVariant, CategoryRss):
    pass


class ColumnAtom(AtomVariant, ColumnRss):
    pass
