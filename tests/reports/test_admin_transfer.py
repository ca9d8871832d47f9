"""The report screens' files: a past report imported after a preview, a report downloaded as it stands."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from disclosure.agencies.models import AgencyRole
from disclosure.reports import drafting
from disclosure.reports.choices import ReportState
from disclosure.reports.models import AnnualReport
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PAGE = Path(__file__).resolve().parent / "fixtures" / "report_2021_format.html"
PAST_YEAR = timezone.localdate().year - 2


@pytest.fixture
def editor(client, agency):
    user = make_user("editor", agency=agency, role=AgencyRole.EDITOR)
    client.force_login(user)
    return user


def form(agency, **extra):
    return {"agency": agency.pk, "year": PAST_YEAR, "level": "agency", "format_version": "", **extra}


def upload(name="report.html", content=None):
    return SimpleUploadedFile(name, content if content is not None else PAGE.read_bytes(), "text/html")


def test_the_editor_previews_a_published_page_then_imports_it_without_choosing_it_again(client, agency, editor):
    url = reverse("disclosure_reports:import")
    assert client.get(url).status_code == 200
    preview = client.post(url, form(agency, file=upload(), preview="1"))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "data-import-problems" in html and "表四" in html  # the page's own wrong 总计, listed
    assert not AnnualReport.objects.exists()  # the preview keeps nothing
    token = preview.context["form"]["token"].value()
    assert token
    done = client.post(url, form(agency, token=token, confirm="1"))
    report = AnnualReport.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("disclosure_reports:edit", args=[report.pk])
    assert report.state == ReportState.IMPORTED and report.year == PAST_YEAR and report.imported_from == "report.html"
    screen = client.get(done["Location"]).content.decode()
    assert "表四" in screen and "report.html" in screen
    # Figures as published: nobody overrode them here, and nothing on the screen says so.
    assert "report-mark--overridden" not in screen and "data-figure-form" not in screen


def test_a_file_that_is_no_report_is_refused_in_chinese_and_nothing_is_kept(client, agency, editor):
    response = client.post(
        reverse("disclosure_reports:import"), form(agency, file=upload("x.html", b"\x89PNG\r\n\x1a\n..."), confirm="1")
    )
    assert response.status_code == 400
    assert "errorlist" in response.content.decode() or "error-message" in response.content.decode()
    assert not AnnualReport.objects.exists()
    missing = client.post(reverse("disclosure_reports:import"), form(agency, preview="1"))
    assert missing.status_code == 400 and not AnnualReport.objects.exists()


def test_a_report_downloads_as_it_stands_for_its_readers_only(client, agency, other_agency, editor):
    report = drafting.start_report(agency, timezone.localdate().year - 1)
    screen = client.get(reverse("disclosure_reports:edit", args=[report.pk])).content.decode()
    for kind, magic in (("xlsx", b"PK"), ("pdf", b"%PDF"), ("docx", b"PK")):
        url = reverse("disclosure_reports:export", args=[report.pk, kind])
        assert f'href="{url}"' in screen
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(magic)
    assert client.get(reverse("disclosure_reports:export", args=[report.pk, "exe"])).status_code == 404
    client.force_login(make_user("stranger", agency=other_agency, role=AgencyRole.EDITOR))
    assert client.get(reverse("disclosure_reports:export", args=[report.pk, "pdf"])).status_code == 404
