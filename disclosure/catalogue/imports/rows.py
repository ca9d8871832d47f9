"""Validation of one import row into the values of a catalogue item, with messages per field."""

import datetime
import html
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..choices import DisclosureMode, NonDisclosureReason, Validity
from ..doc_numbers import normalise_doc_number
from ..validity import validity_date_error
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


def _text(value):
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
    text = _text(value)
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
        text = _text(value)
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
    text = _text(value)
    if not text:
        return ""
    if _HTML_TAG.search(text):
        if _converter is None:
            _converter = EditorHTMLConverter()
        return _converter.to_database_format(_converter.from_database_format(text))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r?\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


class RowValidator:
    """Holds lookups shared by every row so validation costs no query per row."""

    def __init__(self, agencies, categories_by_agency, topics, genres, default_agency=None):
        self.agencies = agencies
        self.categories_by_agency = categories_by_agency
        self.topics = topics
        self.genres = genres
        self.default_agency = default_agency
        self.modes = choice_aliases(DisclosureMode, MODE_ALIASES)
        self.validities = choice_aliases(Validity, VALIDITY_ALIASES)
        self.reasons = choice_aliases(NonDisclosureReason)

    def _category(self, agency, value):
        lookup = self.categories_by_agency.get(agency.pk, {})
        return lookup.get(value) or lookup.get(value.replace(" ", "").replace("／", "/"))

    def validate(self, number, raw):
        errors = []

        def error(field, message):
            errors.append(RowError(number, field, message))

        code = _text(raw.get("agency_code")).upper()
        agency = self.agencies.get(code) if code else self.default_agency
        if agency is None:
            if code:
                error("agency_code", _("No agency has the organisation code “%(code)s”.") % {"code": code})
            else:
                error("agency_code", _("Give the agency's organisation code, or run the import with --agency."))
        elif self.default_agency is not None and agency.pk != self.default_agency.pk:
            error("agency_code", _("This row belongs to another agency than the one given with --agency."))

        title = _text(raw.get("title"))
        if not title:
            error("title", _("The title is required."))
        elif len(title) > 255:
            error("title", _("The title is longer than 255 characters."))

        category = None
        category_name = _text(raw.get("category"))
        if not category_name:
            error("category", _("The category is required."))
        elif agency is not None:
            category = self._category(agency, category_name)
            if category is None:
                error("category", _("The agency has no catalogue category “%(name)s”.") % {"name": category_name})

        generated_date = None
        try:
            generated_date = parse_date(raw.get("issued_date"))
        except ValueError:
            error(
                "issued_date",
                _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": _text(raw.get("issued_date"))},
            )

        published_at = None
        if _text(raw.get("published_date")):
            try:
                published_at = parse_datetime(raw.get("published_date"))
            except ValueError:
                error(
                    "published_date",
                    _("“%(value)s” is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.")
                    % {"value": _text(raw.get("published_date"))},
                )

        topic = genre = None
        if _text(raw.get("topic")):
            topic = self.topics.get(_text(raw.get("topic")))
            if topic is None:
                error("topic", _("Unknown topic “%(name)s”.") % {"name": _text(raw.get("topic"))})
        if _text(raw.get("genre")):
            genre = self.genres.get(_text(raw.get("genre")))
            if genre is None:
                error("genre", _("Unknown genre “%(name)s”.") % {"name": _text(raw.get("genre"))})

        mode = self.modes.get(_text(raw.get("disclosure_mode")) or DisclosureMode.PROACTIVE)
        if mode is None:
            error("disclosure_mode", _("Disclosure mode must be 主动公开, 依申请公开 or 不予公开."))
        note = _text(raw.get("disclosure_note"))
        reason_text = _text(raw.get("non_disclosure_reason"))
        reason = self.reasons.get(reason_text, "")
        if mode and mode != DisclosureMode.PROACTIVE and not note:
            error(
                "disclosure_note", _("Items not disclosed proactively need the reason in the disclosure_note column.")
            )
        if mode == DisclosureMode.NOT_DISCLOSED and not reason_text:
            error("non_disclosure_reason", _("Items not disclosed need a statutory reason (non_disclosure_reason)."))
        elif mode == DisclosureMode.NOT_DISCLOSED and not reason:
            error(
                "non_disclosure_reason",
                _("Unknown statutory reason “%(value)s”; write one of: %(choices)s.")
                % {"value": reason_text, "choices": "、".join(str(label) for label in NonDisclosureReason.labels)},
            )

        validity = self.validities.get(_text(raw.get("validity")) or Validity.VALID)
        if validity is None:
            error("validity", _("Validity must be 有效, 失效, 废止 or 已修改."))
        validity_date = None
        if _text(raw.get("validity_date")):
            try:
                validity_date = parse_date(raw.get("validity_date"))
            except ValueError:
                error(
                    "validity_date",
                    _("“%(value)s” is not a date; write it as YYYY-MM-DD.")
                    % {"value": _text(raw.get("validity_date"))},
                )
            else:
                if problem := validity_date_error(generated_date, validity_date):
                    error("validity_date", problem)

        summary = _text(raw.get("summary"))
        if not summary:
            error("summary", _("The summary (内容概述) is required."))
        elif len(summary) > 100:
            error("summary", _("The summary must not exceed 100 characters (it has %(n)d).") % {"n": len(summary)})

        doc_number = _text(raw.get("doc_number"))
        if len(doc_number) > 100:
            error("doc_number", _("The document number is longer than 100 characters."))
        keywords = _text(raw.get("keywords"))
        if len(keywords) > 200:
            error("keywords", _("The keywords are longer than 200 characters."))
        index_number = _text(raw.get("index_number"))
        if len(index_number) > 100:
            error("index_number", _("The index number is longer than 100 characters."))

        if errors:
            return None, errors
        return (
            ItemValues(
                row=number,
                agency=agency,
                category=category,
                title=title,
                index_number=index_number,
                doc_number=doc_number,
                generated_date=generated_date,
                published_at=published_at,
                topic=topic,
                genre=genre,
                disclosure_mode=mode,
                non_disclosure_reason=reason if mode == DisclosureMode.NOT_DISCLOSED else "",
                disclosure_note=note,
                validity=validity,
                validity_date=validity_date,
                keywords=keywords,
                summary=summary,
                body=body_to_rich_text(raw.get("body")),
            ),
            [],
        )
