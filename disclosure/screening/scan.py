"""Run every detector over every text of a submission; keep the result per revision."""

from django.utils.translation import gettext as _

from .findings import Finding
from .markings import find_markings
from .models import ScreeningReport
from .personal_data import find_personal_data
from .sources import texts_of_form, texts_of_page
from .words import find_sensitive_words

DETECTORS = (find_markings, find_personal_data, find_sensitive_words)


def scan_text(text, source):
    findings = []
    for detector in DETECTORS:
        findings.extend(detector(text, source))
    return findings


def scan(texts):
    """``texts``: (source, text, error) triples, as the sources module yields them."""
    findings = []
    for source, text, error in texts:
        if error:
            findings.append(Finding(kind="unreadable", source=source, match="", note=_("Not screened: %s") % error))
            continue
        findings.extend(scan_text(text, source))
    return findings


def screen_page(page):
    return scan(texts_of_page(page))


def screen_form(form):
    return scan(texts_of_form(form))


def report_for(revision):
    """The revision's report, screening it now if nobody has yet."""
    report = ScreeningReport.objects.filter(revision=revision).first()
    if report is None:
        findings = screen_page(revision.as_object())
        report, _created = ScreeningReport.objects.get_or_create(
            revision=revision, defaults={"findings": [finding.as_dict() for finding in findings]}
        )
    return report
