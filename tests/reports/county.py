"""A county for the deadline tests: its government, two departments, a township and a hospital, each
with its editors (with an e-mail address) and, for some, a report on 2025 in a chosen state."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from disclosure.agencies.models import AgencyPage, AgencyRole
from disclosure.reports import formats
from disclosure.reports.choices import ReportLevel, ReportState
from disclosure.reports.models import AnnualReport
from tests.factories import make_agency, make_user

Kind = AgencyPage.Kind
YEAR = 2025


def report(agency, state=ReportState.DRAFT, level=ReportLevel.AGENCY, year=YEAR, published_on=None):
    published_at = None
    if published_on is not None:
        published_at = datetime.datetime.combine(
            published_on, datetime.time(10), tzinfo=timezone.get_default_timezone()
        )
    return AnnualReport.objects.create(
        agency=agency,
        year=year,
        level=level,
        format_version=formats.CURRENT,
        state=state,
        published_at=published_at,
    )


def editor(agency, name, email=True):
    return make_user(name, agency=agency, role=AgencyRole.EDITOR, email=f"{name}@example.gov.cn" if email else "")


def build(year=YEAR):
    """The government's own report is published, the education bureau's a draft, the hospital's
    submitted, the finance bureau's imported; the township has none."""
    government = make_agency(title="青溪县人民政府", short_name="县政府", kind=Kind.GOVERNMENT)
    education = make_agency(title="青溪县教育局", short_name="县教育局", parent_agency=government)
    finance = make_agency(title="青溪县财政局", short_name="县财政局", parent_agency=government)
    town = make_agency(title="青溪县城关镇人民政府", short_name="城关镇", kind=Kind.TOWNSHIP, parent_agency=government)
    hospital = make_agency(title="青溪县人民医院", short_name="县医院", kind=Kind.INSTITUTION, parent_agency=government)
    reports = SimpleNamespace(
        government=report(government, ReportState.PUBLISHED, year=year, published_on=datetime.date(year + 1, 1, 20)),
        education=report(education, year=year),
        hospital=report(hospital, ReportState.SUBMITTED, year=year),
        finance=report(finance, ReportState.IMPORTED, year=year),
    )
    return SimpleNamespace(
        government=government,
        education=education,
        finance=finance,
        town=town,
        hospital=hospital,
        reports=reports,
        editors=SimpleNamespace(
            government=editor(government, "gov_editor"),
            education=editor(education, "edu_editor"),
            town=editor(town, "town_editor"),
            hospital=editor(hospital, "hospital_editor"),
            finance=editor(finance, "finance_editor"),
        ),
    )
