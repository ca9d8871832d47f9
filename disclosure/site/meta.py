"""The government-website meta tags (政府网站发展指引): SiteName, SiteIDCode, ColumnName, ArticleTitle…"""

from django.utils import timezone
from wagtail.models import Site

from .models import DisclosureSettings


def format_datetime(value):
    """YYYY-MM-DD HH:MM in the site's time zone (a date alone as YYYY-MM-DD)."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


ARTICLE_DATE_FIELDS = ("published_at", "date")
ARTICLE_SOURCE_FIELDS = ("issuing_agency_name", "source")


def _article_date(page):
    for name in ARTICLE_DATE_FIELDS:
        value = getattr(page, name, None)
        if value:
            return value
    return page.first_published_at


def _content_source(page, site_name):
    for name in ARTICLE_SOURCE_FIELDS:
        value = getattr(page, name, None)
        if value:
            return value
    agency = getattr(page, "agency", None)
    return getattr(agency, "title", None) or site_name


def government_meta(page, request):
    """Return (name, content) pairs; article tags only on leaf content pages."""
    settings = DisclosureSettings.for_request(request)
    site = Site.find_for_request(request)  # cached on the request, unlike page.get_site()
    site_name = settings.site_name or (site.site_name if site else "")
    tags = [("SiteName", site_name), ("SiteDomain", request.get_host()), ("SiteIDCode", settings.site_id_code)]
    if page is None:
        return tags
    is_article = not page.specific_class.allowed_subpage_models() if hasattr(page, "specific_class") else False
    parent = page.get_parent() if page.depth > 2 else None
    column = parent.title if (is_article and parent) else page.title
    tags.append(("ColumnName", column))
    if is_article:
        published = _article_date(page)
        tags += [
            ("ArticleTitle", page.title),
            ("PubDate", format_datetime(published)),
            ("ContentSource", _content_source(page, site_name)),
        ]
    keywords = getattr(page, "keywords", "")
    if keywords:
        tags.append(("Keywords", keywords))
    description = getattr(page, "summary", "") or page.search_description
    if description:
        tags.append(("Description", description))
    return tags
