"""The catalogue spreadsheet: the columns the admin exports and ``import_catalogue`` reads back.

One list for both directions, so that an exported file can be edited in Excel or WPS and
imported again. Each column has a key (English, as documented in the README and used by
existing files) and a Chinese heading, which is what the export writes and what the
importer also accepts. Values are written as people read them — labels (主动公开, 有效),
the category path, dates in the site's time zone to the minute — and the importer reads
those forms as well as the codes.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from ...agencies.models import AgencyPage
from ..models import CatalogueCategory, Genre, Topic

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
# The same two formats as Excel number formats, for date cells of an XLSX export.
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # a msgid: the Chinese heading, accepted by the importer as written and as translated
    imported: bool = True


SHEET = (
    Column("index_number", gettext_noop("索引号")),
    Column("title", gettext_noop("标题")),
    Column("doc_number", gettext_noop("文号")),
    Column("agency_code", gettext_noop("机构代码")),
    Column("agency_name", gettext_noop("机构名称"), imported=False),
    Column("category", gettext_noop("目录分类")),
    Column("issued_date", gettext_noop("成文日期")),
    Column("published_date", gettext_noop("发布日期")),
    Column("topic", gettext_noop("主题分类")),
    Column("genre", gettext_noop("体裁")),
    Column("disclosure_mode", gettext_noop("公开方式")),
    Column("non_disclosure_reason", gettext_noop("不予公开理由")),
    Column("disclosure_note", gettext_noop("不主动公开理由")),
    Column("validity", gettext_noop("有效性")),
    Column("validity_date", gettext_noop("有效性变更日期")),
    Column("keywords", gettext_noop("主题词")),
    Column("summary", gettext_noop("内容概述")),
    Column("body", gettext_noop("正文")),
    Column("status", gettext_noop("发布状态"), imported=False),
)

# The keys import_catalogue reads (README: Catalogue import format).
COLUMNS = [column.key for column in SHEET if column.imported]
EXPORTED = [column.key for column in SHEET]
EXPORT_HEADINGS = {column.key: gettext_lazy(column.heading) for column in SHEET}


def in_every_language(text):
    """``text`` (a msgid or a lazy translation) as it reads in each of the site's languages."""
    forms = {str(text)}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            forms.add(_(text) if isinstance(text, str) else str(text))
    return forms


def named(key):
    """A column as an error message names it: its key and its heading, e.g. ``title（标题）``."""
    return f"{key}（{EXPORT_HEADINGS[key]}）"


def header_aliases():
    """Header cell → column key: the key itself, or the heading as written in any of the site's languages."""
    aliases = {}
    for column in SHEET:
        if column.imported:
            aliases[column.key] = column.key
            for heading in in_every_language(column.heading):
                aliases[heading] = column.key
    return aliases


def category_paths(categories):
    """Each category's path 'A/B' by id — the form the export writes and the importer looks up."""
    by_id = {c.pk: c for c in categories}
    paths = {}
    for category in by_id.values():
        chain, node, seen = [], category, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node.name)
            node = by_id.get(node.parent_id)
        paths[category.pk] = "/".join(reversed(chain))
    return paths


def local_minute(moment):
    """A stored datetime as the site's wall-clock time to the minute (naive), as the export shows it."""
    if moment is None:
        return None
    local = timezone.localtime(moment, timezone.get_default_timezone()) if timezone.is_aware(moment) else moment
    return local.replace(tzinfo=None, second=0, microsecond=0)


def same_minute(a, b):
    """Whether two datetimes read the same in an export (site time zone, to the minute)."""
    return a is not None and b is not None and local_minute(a) == local_minute(b)


def as_text(value):
    """A cell value as CSV text: dates and datetimes in the formats the importer reads first."""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    return value


class ExportRows:
    """Builds export rows with no query per item: names, codes and paths are looked up once."""

    def __init__(self):
        self.agencies = {a.pk: (a.org_code, a.title) for a in AgencyPage.objects.only("org_code", "title")}
        self.categories = category_paths(CatalogueCategory.objects.only("name", "parent_id"))
        self.topics = dict(Topic.objects.values_list("pk", "name"))
        self.genres = dict(Genre.objects.values_list("pk", "name"))

    def row(self, item):
        """Column key → value; dates stay dates (formatted per file type), choices become their labels."""
        agency_code, agency_name = self.agencies.get(item.agency_id, ("", ""))
        return {
            "index_number": item.index_number or "",
            "title": item.title,
            "doc_number": item.doc_number,
            "agency_code": agency_code,
            "agency_name": agency_name,
            "category": self.categories.get(item.category_id, ""),
            "issued_date": item.generated_date,
            "published_date": local_minute(item.published_at),
            "topic": self.topics.get(item.topic_id, ""),
            "genre": self.genres.get(item.genre_id, ""),
            "disclosure_mode": item.get_disclosure_mode_display(),
            "non_disclosure_reason": item.get_non_disclosure_reason_display() if item.non_disclosure_reason else "",
            "disclosure_note": item.disclosure_note,
            "validity": item.get_validity_display(),
            "validity_date": item.validity_date,
            "keywords": item.keywords,
            "summary": item.summary,
            # As stored: the importer reads Wagtail's stored rich text back unchanged.
            "body": item.body,
            "status": _("Published") if item.live else _("Draft"),
        }
