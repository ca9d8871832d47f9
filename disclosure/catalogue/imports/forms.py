"""Each import row is validated by a Django form, the way a page editor's input would be.

``CatalogueRowForm`` has one field per imported column (``columns.COLUMNS``): the field
takes the cell as a reader gives it (text, a number or a date from XLSX) and its
``clean_<column>`` method applies the column's own rule; ``clean`` applies the rules that
read several columns (the category of the row's agency, the reasons 依申请公开 and 不予公开
need, a validity change not before 成文日期). Lookups shared by every row — agencies,
categories, topics, genres — are read once per import by ``RowValidator``, so validating
a row costs no query.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import DisclosureMode, NonDisclosureReason, Validity
from ..validity import validity_date_error
from .rows import (
    MODE_ALIASES,
    VALIDITY_ALIASES,
    ItemValues,
    body_to_rich_text,
    cell_text,
    choice_aliases,
    form_row_errors,
    parse_date,
    parse_datetime,
)

NOT_A_DATE = gettext_lazy("“%(value)s” is not a date; write it as YYYY-MM-DD.")
NOT_A_DATETIME = gettext_lazy("“%(value)s” is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.")


class SharedField:
    """A field no form changes, shared by every form instead of deep-copied into each.

    An import builds a form per row, 10,000 for a large file; copying its seventeen fields
    and their widgets each time was most of the cost of validating a row.
    """

    def __deepcopy__(self, memo):
        return self


class TextCell(SharedField, forms.CharField):
    """A cell as text: numbers Excel stored as floats lose their ``.0``, surrounding space goes."""

    def to_python(self, value):
        return cell_text(value)


class DateCell(SharedField, forms.Field):
    """A cell read by ``parse`` (a date or a spreadsheet date cell); an empty optional cell is None.

    A required cell left empty is refused as not a date, with what was written, like any
    other unreadable date.
    """

    parse = staticmethod(parse_date)
    default_error_messages = {"invalid": NOT_A_DATE}

    def to_python(self, value):
        text = cell_text(value)
        if not text and not self.required:
            return None
        try:
            return self.parse(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": text}) from None


class DateTimeCell(DateCell):
    parse = staticmethod(parse_datetime)
    default_error_messages = {"invalid": NOT_A_DATETIME}


class CatalogueRowForm(forms.Form):
    """One row of an import file. Fields are declared in the order errors are reported."""

    agency_code = TextCell(required=False)
    title = TextCell(
        max_length=255,
        error_messages={
            "required": gettext_lazy("The title is required."),
            "max_length": gettext_lazy("The title is longer than 255 characters."),
        },
    )
    category = TextCell(error_messages={"required": gettext_lazy("The category is required.")})
    issued_date = DateCell()
    published_date = DateTimeCell(required=False)
    topic = TextCell(required=False)
    genre = TextCell(required=False)
    disclosure_mode = TextCell(required=False)
    disclosure_note = TextCell(required=False)
    non_disclosure_reason = TextCell(required=False)
    validity = TextCell(required=False)
    validity_date = DateCell(required=False)
    summary = TextCell(error_messages={"required": gettext_lazy("The summary (内容概述) is required.")})
    doc_number = TextCell(
        required=False,
        max_length=100,
        error_messages={"max_length": gettext_lazy("The document number is longer than 100 characters.")},
    )
    keywords = TextCell(
        required=False,
        max_length=200,
        error_messages={"max_length": gettext_lazy("The keywords are longer than 200 characters.")},
    )
    index_number = TextCell(
        required=False,
        max_length=100,
        error_messages={"max_length": gettext_lazy("The index number is longer than 100 characters.")},
    )
    body = TextCell(required=False)

    def __init__(self, data, *, lookups):
        super().__init__(data)
        self.lookups = lookups
        # The agency the code names, even when the row may not be imported for it: its
        # categories are still checked, so the row's every error is reported at once.
        self.agency = None

    def clean_agency_code(self):
        """The row's agency (not its code): by 组织机构代码, or the one the import was run for."""
        code = self.cleaned_data["agency_code"].upper()
        default = self.lookups.default_agency
        agency = self.agency = self.lookups.agencies.get(code) if code else default
        if agency is None and code:
            raise ValidationError(_("No agency has the organisation code “%(code)s”.") % {"code": code})
        if agency is None:
            raise ValidationError(_("Give the agency's organisation code, or run the import with --agency."))
        if default is not None and agency.pk != default.pk:
            if self.lookups.chosen_in_admin:
                raise ValidationError(
                    _("This row belongs to another agency (%(code)s); this import is for the catalogue of %(agency)s.")
                    % {"code": code, "agency": default.title}
                )
            raise ValidationError(_("This row belongs to another agency than the one given with --agency."))
        return agency

    def clean_topic(self):
        return self._named(self.lookups.topics, "topic", _("Unknown topic “%(name)s”."))

    def clean_genre(self):
        return self._named(self.lookups.genres, "genre", _("Unknown genre “%(name)s”."))

    def _named(self, lookup, column, unknown):
        name = self.cleaned_data[column]
        if not name:
            return None
        if name not in lookup:
            raise ValidationError(unknown % {"name": name})
        return lookup[name]

    def clean_disclosure_mode(self):
        mode = self.lookups.modes.get(self.cleaned_data["disclosure_mode"] or DisclosureMode.PROACTIVE)
        if mode is None:
            raise ValidationError(_("Disclosure mode must be 主动公开, 依申请公开 or 不予公开."))
        return mode

    def clean_validity(self):
        validity = self.lookups.validities.get(self.cleaned_data["validity"] or Validity.VALID)
        if validity is None:
            raise ValidationError(_("Validity must be 有效, 失效, 废止 or 已修改."))
        return validity

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        if len(summary) > 100:
            raise ValidationError(_("The summary must not exceed 100 characters (it has %(n)d).") % {"n": len(summary)})
        return summary

    def clean_body(self):
        return body_to_rich_text(self.cleaned_data["body"])

    def clean(self):
        """The rules that read several columns."""
        data = super().clean()
        if self.agency is not None and data.get("category"):
            category = self.lookups.category(self.agency, data["category"])
            if category is None:
                self.add_error(
                    "category",
                    _("The agency has no catalogue category “%(name)s”.") % {"name": data["category"]},
                )
            else:
                data["category"] = category
        self._clean_disclosure(data)
        if problem := validity_date_error(data.get("issued_date"), data.get("validity_date")):
            self.add_error("validity_date", problem)
        return data

    def _clean_disclosure(self, data):
        """依申请公开 and 不予公开 need the reason in words; 不予公开 a statutory reason too."""
        mode = data.get("disclosure_mode")
        if mode and mode != DisclosureMode.PROACTIVE and not data.get("disclosure_note"):
            self.add_error(
                "disclosure_note", _("Items not disclosed proactively need the reason in the disclosure_note column.")
            )
        reason = data.get("non_disclosure_reason", "")
        if mode != DisclosureMode.NOT_DISCLOSED:
            data["non_disclosure_reason"] = ""
        elif not reason:
            self.add_error(
                "non_disclosure_reason", _("Items not disclosed need a statutory reason (non_disclosure_reason).")
            )
        elif reason not in self.lookups.reasons:
            self.add_error(
                "non_disclosure_reason",
                _("Unknown statutory reason “%(value)s”; write one of: %(choices)s.")
                % {"value": reason, "choices": "、".join(str(label) for label in NonDisclosureReason.labels)},
            )
        else:
            data["non_disclosure_reason"] = self.lookups.reasons[reason]

    def row_errors(self, number):
        return form_row_errors(self, number)

    def item_values(self, number):
        data = self.cleaned_data
        return ItemValues(
            row=number,
            agency=data["agency_code"],
            category=data["category"],
            title=data["title"],
            index_number=data["index_number"],
            doc_number=data["doc_number"],
            generated_date=data["issued_date"],
            published_at=data["published_date"],
            topic=data["topic"],
            genre=data["genre"],
            disclosure_mode=data["disclosure_mode"],
            non_disclosure_reason=data["non_disclosure_reason"],
            disclosure_note=data["disclosure_note"],
            validity=data["validity"],
            validity_date=data["validity_date"],
            keywords=data["keywords"],
            summary=data["summary"],
            body=data["body"],
        )


class RowValidator:
    """Validates the rows of one import: a ``CatalogueRowForm`` per row, against lookups read once."""

    def __init__(self, agencies, categories_by_agency, topics, genres, default_agency=None, chosen_in_admin=False):
        self.agencies = agencies
        self.categories_by_agency = categories_by_agency
        self.topics = topics
        self.genres = genres
        self.default_agency = default_agency
        # The agency is the catalogue chosen in the admin, not a command's --agency: errors say so.
        self.chosen_in_admin = chosen_in_admin
        self.modes = choice_aliases(DisclosureMode, MODE_ALIASES)
        self.validities = choice_aliases(Validity, VALIDITY_ALIASES)
        self.reasons = choice_aliases(NonDisclosureReason)

    def category(self, agency, name):
        """A category by code, path 'A/B' (full-width slash and spaces tolerated) or unique name."""
        lookup = self.categories_by_agency.get(agency.pk, {})
        return lookup.get(name) or lookup.get(name.replace(" ", "").replace("／", "/"))

    def validate(self, number, raw):
        """``(ItemValues, [])`` for a valid row, ``(None, [RowError, …])`` otherwise."""
        form = CatalogueRowForm(raw, lookups=self)
        if form.is_valid():
            return form.item_values(number), []
        return None, form.row_errors(number)
