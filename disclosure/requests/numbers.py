"""Application and notice numbers: sequential per agency, year and series, never handed out twice.

The sequence row is locked for update, so parallel submissions to one agency serialise on it
and get distinct, gapless serials; the number's uniqueness is also a database constraint.
"""

from django.db import transaction
from django.utils import timezone

from .. import conf
from ..site.models import DisclosureSettings
from ..site.request_number_pattern import validate_request_number_pattern
from .models import RequestNumberSequence

APPLICATION_SERIES = "application"


def application_pattern(agency):
    site = agency.get_site()
    if site is not None:
        configured = DisclosureSettings.for_site(site).request_number_pattern
        if configured:
            return configured
    return conf.get("REQUEST_NUMBER_PATTERN")


@transaction.atomic
def next_serial(agency, year, series):
    sequence, _ = RequestNumberSequence.objects.select_for_update().get_or_create(
        agency=agency, year=year, series=series
    )
    sequence.last_serial += 1
    sequence.save(update_fields=["last_serial"])
    return sequence.last_serial


def format_number(pattern, agency, year, serial):
    return pattern.format(
        agency_short=agency.short_name or agency.title, org_code=agency.org_code, year=year, serial=serial
    )


def allocate_application_number(agency, when=None):
    pattern = application_pattern(agency)
    validate_request_number_pattern(pattern)
    year = timezone.localtime(when or timezone.now()).year
    return format_number(pattern, agency, year, next_serial(agency, year, APPLICATION_SERIES))


def allocate_notice_number(agency, series, pattern, when=None):
    """Notices numbered by their template's pattern (e.g. 公复〔2026〕3号), one series per pattern."""
    if not pattern:
        return ""
    year = timezone.localtime(when or timezone.now()).year
    return format_number(pattern, agency, year, next_serial(agency, year, f"notice:{series}"))
