"""One import row: the values of a catalogue item it gives, the errors it is refused with, and
how cells are read (dates in the forms old systems write, bodies as text or HTML).

The rules a row must meet are in ``forms.CatalogueRowForm``.
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..choices import DisclosureMode, Validity
from ..doc_numbers import normalise_doc_number
from .columns import in_every_language

# Words old systems use besides the labels; every code and label is accepted as well (choice_aliases).
MODE_ALIASES = {
    "主动公开": DisclosureMode.PROACTIVE,
    "依申请公开": DisclosureMode.ON_REQUEST,
    "不予公开": DisclosureMode.NOT_DISCLOSED,
}
VALIDITY_ALIASES = {
    "有效": Validity.VALID,
    "现行有效": Validity.VALID,
    "失效": Validity.LAPSED,
    "废止": Validity.REPEALED,
    "已废止": Validity.REPEALED,
    "已修改": Validity.AMENDED,
    "修改": Validity.AMENDED,
}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def __str__(self):
        return _("Row %(row)d, field %(field)s: %(message)s") % {
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }


def form_row_errors(form, number):
    """A row form's errors as an import reports them, column by column in declaration order."""
    errors = form.errors.as_data()
    return [
        RowError(number, name, message) for name in form.fields for error in errors.get(name, ()) for message in error
    ]


@dataclass
class ItemValues:
    row: int
    agency: object
    category: object
    title: str
    index_number: str
    doc_number: str
    generated_date: datetime.date
    published_at: datetime.datetime | None
    topic: object
    genre: object
    disclosure_mode: str
    non_disclosure_reason: str
    disclosure_note: str
    validity: str
    validity_date: datetime.date | None
    keywords: str
    summary: str
    body: str

    @property
    def natural_key(self):
        """Identity of a row without 索引号: the same title, 文号 and date in one agency."""
        return (self.agency.pk, self.title, normalise_doc_number(self.doc_number), self.generated_date)


def choice_aliases(choices, extra=None):
    """Cell text → choice value: the code, or the label in any of the site's languages (as an export writes it)."""
    aliases = dict(extra or {})
    for value, label in choices.choices:
        aliases[value] = value
        for text in in_every_language(label):
            aliases[text] = value
    return aliases


def cell_text(value):
    """A cell as text, as people typed it: Excel's float ``8.0`` reads ``8``; surrounding space goes."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_datetime(value):
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        text = cell_text(value)
        for fmt in DATETIME_FORMATS:
            try:
                moment = datetime.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            day = parse_date(text)
            moment = datetime.datetime(day.year, day.month, day.day, 9, 0)
    # The site's time zone, as the export writes it, whoever runs the import.
    return timezone.make_aware(moment, timezone.get_default_timezone()) if timezone.is_naive(moment) else moment


_converter = None


def body_to_rich_text(value):
    """HTML is cleaned to what Wagtail's editor allows (no scripts, no styles); plain text becomes paragraphs.

    HTML may be in the form Wagtail stores (as the admin export writes it: ``<a linktype="page" id="3">``):
    it is expanded to the editor's form first, so internal links and embeds survive the cleaning.
    """
    global _converter
    text = cell_text(value)
    if not text:
        return ""
    if _HTML_TAG.search(text):
        if _converter is None:
            _converter = EditorHTMLConverter()
        return _converter.to_database_format(_converter.from_database_format(text))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r?\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
