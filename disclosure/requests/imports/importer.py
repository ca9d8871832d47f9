"""Imports requests handled before Gongkai, so that the first annual report's 上年结转 is right.

A file is imported whole or not at all: every row is validated first (``forms.RequestRowForm``,
plus the numbers against the database and the rest of the file) and every error is reported
with its row; only a file without errors is written, in one transaction.

A row without an outcome becomes an open request (办理中) whose clock runs from its date of
receipt, exactly as if it had been registered at the desk that day; a row with an outcome
becomes a decided request (archived when the file gives 归档日期). Personal data is stored as
the form stores it: the identity number encrypted, masked and fingerprinted. No notice is
produced and no listener is told (the applicant was answered by the old system).

Numbers: a number in the agency's pattern (e.g. 县教育局依申〔2025〕17号) moves that year's
sequence past it, so the desk never hands it out again; rows without a number get the next
one of their year of receipt; the numbers' uniqueness is also a database constraint.
"""

import datetime
import re
import string
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...agencies.models import AgencyPage
from ...catalogue.imports.readers import ImportFileError
from ...catalogue.imports.rows import RowError
from .. import clock, encryption, identity
from ..choices import EventKind, RequestState
from ..models import DisclosureRequest, RequestEvent, RequestNumberSequence
from ..numbers import APPLICATION_SERIES, application_pattern, format_number, next_serial
from . import columns
from .forms import RequestRowForm
from .readers import RequestFile


@dataclass
class ImportReport:
    open: int = 0
    decided: int = 0
    archived: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def created(self):
        return self.open + self.decided + self.archived

    @property
    def ok(self):
        return not self.errors


class Lookups:
    """What every row is checked against, read once per import."""

    def __init__(self, default_agency=None):
        self.default_agency = default_agency
        self.agencies = {agency.org_code.upper(): agency for agency in AgencyPage.objects.all()}
        self.applicant_types = columns.applicant_type_aliases()
        self.id_types = columns.id_type_aliases()
        self.channels = columns.channel_aliases()
        self.delivery_forms = columns.delivery_form_aliases()
        self.delivery_channels = columns.delivery_channel_aliases()
        self.outcomes = columns.outcome_aliases()


def number_parser(pattern, agency):
    """A regex recognising numbers written in ``pattern`` for ``agency``: groups ``year`` and ``serial``."""
    parts, seen = [], set()
    for literal, name, _spec, _conversion in string.Formatter().parse(pattern):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in ("year", "serial"):
            group = r"\d{4}" if name == "year" else r"\d+"
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{group})")
            seen.add(name)
        else:
            value = {"agency_short": agency.short_name or agency.title, "org_code": agency.org_code}.get(name, "")
            parts.append(re.escape(value))
    return re.compile("^" + "".join(parts) + "$")


class RequestImporter:
    def __init__(self, agency=None, user=None):
        self.lookups = Lookups(default_agency=agency)
        self.user = user
        self._parsers = {}

    def run(self, path, dry_run=False):
        report = ImportReport(dry_run=dry_run)
        try:
            rows = RequestFile(path)
        except ImportFileError as exc:
            report.errors.append(RowError(0, "file", str(exc)))
            return report
        if rows.header.unknown:
            report.warnings.append(
                _("Columns not imported (unknown headings): %(names)s.") % {"names": "、".join(rows.header.unknown)}
            )
        valid = self._validate(rows, report)
        if report.errors:
            return report
        for values in valid:
            if not values.outcome:
                report.open += 1
            elif values.archived_on:
                report.archived += 1
            else:
                report.decided += 1
        if dry_run or not valid:
            return report
        try:
            self._write(valid, Path(path).name)
        except IntegrityError as exc:
            report.open = report.decided = report.archived = 0
            report.errors.append(
                RowError(
                    0, "number", _("Nothing was imported: a number is already taken (%(error)s).") % {"error": exc}
                )
            )
        return report

    # Validation --------------------------------------------------------------------------------

    def _validate(self, rows, report):
        valid = []
        for number, raw in rows:
            form = RequestRowForm(raw, lookups=self.lookups)
            if form.is_valid():
                valid.append(form.values(number))
            else:
                report.errors.extend(form.row_errors(number))
        self._check_numbers(valid, report)
        return valid

    def _check_numbers(self, valid, report):
        given = [values for values in valid if values.number]
        taken = set(
            DisclosureRequest.objects.filter(number__in={v.number for v in given}).values_list("number", flat=True)
        )
        first_row = {}
        for values in given:
            if values.number in taken:
                report.errors.append(
                    RowError(
                        values.row,
                        "number",
                        _("The application number %(number)s is already on the desk.") % {"number": values.number},
                    )
                )
            elif values.number in first_row:
                report.errors.append(
                    RowError(
                        values.row,
                        "number",
                        _("The application number %(number)s is also on row %(row)d.")
                        % {"number": values.number, "row": first_row[values.number]},
                    )
                )
            else:
                first_row[values.number] = values.row
        report.errors.sort(key=lambda error: error.row)

    # Writing ----------------------------------------------------------------------------------

    def _parsed(self, agency, number):
        if agency.pk not in self._parsers:
            self._parsers[agency.pk] = number_parser(application_pattern(agency), agency)
        match = self._parsers[agency.pk].match(number)
        return (int(match.group("year")), int(match.group("serial"))) if match else None

    def _reserve_numbers(self, valid):
        """Move each agency's sequence past the imported numbers written in its pattern."""
        highest = defaultdict(int)
        for values in valid:
            parsed = values.number and self._parsed(values.agency, values.number)
            if parsed:
                year, serial = parsed
                highest[(values.agency.pk, year)] = max(highest[(values.agency.pk, year)], serial)
        for (agency_id, year), serial in highest.items():
            sequence, _created = RequestNumberSequence.objects.select_for_update().get_or_create(
                agency_id=agency_id, year=year, series=APPLICATION_SERIES
            )
            if sequence.last_serial < serial:
                sequence.last_serial = serial
                sequence.save(update_fields=["last_serial"])

    def _new_number(self, agency, year, taken):
        pattern = application_pattern(agency)
        while True:
            number = format_number(pattern, agency, year, next_serial(agency, year, APPLICATION_SERIES))
            if number not in taken and not DisclosureRequest.objects.filter(number=number).exists():
                taken.add(number)
                return number

    def _build(self, values, taken):
        request = DisclosureRequest(agency=values.agency, query_code_digest="", **values.fields)
        request.number = values.number or self._new_number(values.agency, values.received_on.year, taken)
        if values.id_number:
            request.id_number_token = encryption.encrypt(values.id_number)
            request.id_number_masked = identity.mask(values.id_number)
            request.applicant_fingerprint = encryption.fingerprint(f"{request.id_type}:{values.id_number}", "applicant")
        request.received_on = request.clock_start = values.received_on
        deadline = clock.compute(request, pauses=[])
        if values.outcome:
            request.state = RequestState.ARCHIVED if values.archived_on else RequestState.DECIDED
            request.outcome = values.outcome
            request.decided_on = values.decided_on
            request.archived_on = values.archived_on
            # A closed request keeps its due date when the calendar covers it (for "answered in time").
            request.due_date, request.due_explanation = deadline.due, deadline.explanation
        else:
            request.state = RequestState.IN_PROGRESS
            request.due_date, request.due_explanation = deadline.due, deadline.explanation
            request.clock_problem = deadline.problem
        return request

    @transaction.atomic
    def _write(self, valid, filename):
        self._reserve_numbers(valid)
        taken = {values.number for values in valid if values.number}
        requests = [self._build(values, taken) for values in valid]
        DisclosureRequest.objects.bulk_create(requests)
        # Lists order by submission: an imported request was "submitted" when it was received.
        by_day = defaultdict(list)
        for request in requests:
            by_day[request.received_on].append(request.pk)
        for day, ids in by_day.items():
            moment = timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 9))
            DisclosureRequest.objects.filter(pk__in=ids).update(submitted_at=moment)
        RequestEvent.objects.bulk_create(self._events(valid, requests, filename))
        return requests

    def _events(self, valid, requests, filename):
        for values, request in zip(valid, requests, strict=True):
            note = _("Imported from %(file)s, row %(row)d.") % {"file": filename, "row": values.row}
            state = RequestState.IN_PROGRESS
            yield RequestEvent(
                request=request,
                kind=EventKind.REGISTERED,
                state_after=state,
                actor=self.user,
                note=note,
                data={"imported": filename, "row": values.row, "received_on": str(values.received_on)},
            )
            if values.outcome:
                yield RequestEvent(
                    request=request,
                    kind=EventKind.DECIDED,
                    state_before=state,
                    state_after=RequestState.DECIDED,
                    actor=self.user,
                    note=note,
                    data={"imported": filename, "outcome": values.outcome, "decided_on": str(values.decided_on)},
                )
            if values.archived_on:
                yield RequestEvent(
                    request=request,
                    kind=EventKind.ARCHIVED,
                    state_before=RequestState.DECIDED,
                    state_after=RequestState.ARCHIVED,
                    actor=self.user,
                    note=note,
                    data={"imported": filename, "archived_on": str(values.archived_on)},
                )
