"""The feeds' addresses, included at the site's root; the addresses people try first redirect to the site-wide feed."""

from django.urls import path
from django.views.generic import RedirectView

from ..helpers import converters  # noqa: F401 (registers the row_id converter)
from . import feeds

app_name = "feeds"

site_wide = RedirectView.as_view(pattern_name="feeds:latest_rss", permanent=True)

urlpatterns = [
    path("feeds/latest/rss/", feeds.LatestRss(), name="latest_rss"),
    path("feeds/latest/atom/", feeds.LatestAtom(), name="latest_atom"),
    path("feeds/catalogue/<row_id:catalogue_id>/rss/", feeds.CatalogueRss(), name="catalogue_rss"),
    path("feeds/catalogue/<row_id:catalogue_id>/atom/", feeds.CatalogueAtom(), name="catalogue_atom"),
    path(
        "feeds/catalogue/<row_id:catalogue_id>/category/<row_id:category_id>/rss/",
        feeds.CategoryRss(),
        name="category_rss",
    ),
    path(
        "feeds/catalogue/<row_id:catalogue_id>/category/<row_id:category_id>/atom/",
        feeds.CategoryAtom(),
        name="category_atom",
    ),
    path("feeds/column/<row_id:column_id>/rss/", feeds.ColumnRss(), name="column_rss"),
    path("feeds/column/<row_id:column_id>/atom/", feeds.ColumnAtom(), name="column_atom"),
    path("rss.xml", site_wide),
    path("feed/", site_wide),
    path("rss/", site_wide),
    path("feeds/", site_wide),
]
