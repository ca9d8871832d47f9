"""A checked report becomes a page in the agency's catalogue, reviewed like every page, and only then public."""

import re

import pytest
from wagtail.models import ModelLogEntry

from disclosure.models import AgencyRole, AnnualReportPage, CatalogueItemPage
from disclosure.reports import drafting, figures
from disclosure.reports.choices import ReportState
from disclosure.reports.models import AnnualReport
from disclosure.reports.submission import submit_for_review
from disclosure.requests.choices import ApplicantType, Outcome
from tests.reports.helpers import decided, received, with_fees
from tests.review.conftest import Desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(agency, catalogue, handler):
    decided(agency, handler, "2025-03-03", "2025-03-20")
    decided(agency, handler, "2025-05-06", "2025-05-20", Outcome.NOT_HELD, ApplicantType.COMMERCIAL)
    received(agency, handler, "2025-12-22")  # carried into 2026
    return with_fees(drafting.start_report(agency, 2025), handler)


@pytest.fixture
def desk(client, agency, catalogue):
    return Desk(client, agency, catalogue)


def submitted(report, desk):
    report.overview = "<p>2025年，本局共收到政府信息公开申请3件。</p>"
    report.save()
    return submit_for_review(report, desk.users[AgencyRole.EDITOR])


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_submitting_files_a_draft_page_under_the_annual_report_category_in_review(report, desk, catalogue):
    submitted(report, desk)
    page = AnnualReportPage.objects.get(report=report)
    assert page.title == "青溪县教育局2025年政府信息公开工作年度报告"
    assert not page.live
    assert page.get_parent().pk == catalogue.pk
    assert page.category.name == "公开指南和年报"
    assert page.current_workflow_state is not None
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_a_report_in_review_is_on_no_public_surface(client, report, desk, catalogue):
    submitted(report, desk)
    page = AnnualReportPage.objects.get(report=report)
    assert client.get(page.url_path.replace("/home", "", 1)).status_code == 404
    for url in (catalogue.url, "/", "/sitemap.xml", "/search/?q=年度报告", "/api/search/?q=年度报告"):
        assert page.title not in client.get(url).content.decode(), url


def test_after_the_three_reviews_the_public_reads_the_tables_as_submitted(client, report, desk, catalogue, handler):
    submitted(report, desk)
    page = desk.through_the_chain(AnnualReportPage.objects.get(report=report))
    assert page.live
    report.refresh_from_db()
    assert report.state == ReportState.PUBLISHED and report.published_at
    logged = list(
        ModelLogEntry.objects.filter(object_id=str(report.pk)).order_by("pk").values_list("action", flat=True)
    )
    assert logged[-2:] == ["gongkai.report.submitted", "gongkai.report.published"]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    # The national layout: nested groups merged as the format draws them.
    assert '<th id="t3-h' in html and 'rowspan="22"' in html and 'rowspan="8"' in html
    new_total = re.search(r'headers="[^"]*"[^>]*data-cell="t3:new:total">\s*(\d+)\s*<', html)
    assert new_total.group(1) == "3"
    carried = re.search(r'data-cell="t3:carried_out:person">\s*(\d+)\s*<', html)
    assert carried.group(1) == "1"
    text = text_of(response)
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "六、其他需要报告的事项",
    ):
        assert heading in text
    assert "2025年，本局共收到政府信息公开申请3件。" in text
    # Listed in the catalogue under its category, with its 索引号.
    assert page.title in client.get(catalogue.url).content.decode()
    assert page.index_number
    assert CatalogueItemPage.objects.filter(pk=page.pk).exists()


def test_what_is_published_is_the_snapshot_not_later_recomputations(client, report, desk, agency, handler):
    submitted(report, desk)
    page = desk.through_the_chain(AnnualReportPage.objects.get(report=report))
    AnnualReport.objects.filter(pk=report.pk).update(state=ReportState.DRAFT)  # as if reopened
    received(agency, handler, "2025-06-02")
    figures.recompute(report)
    html = client.get(page.url).content.decode()
    assert re.search(r'data-cell="t3:new:total">\s*3\s*<', html)


def test_a_report_sent_back_by_a_reviewer_is_a_draft_again_and_resubmission_resumes_the_review(report, desk):
    submitted(report, desk)
    page = AnnualReportPage.objects.get(report=report)
    desk.login(AgencyRole.DEPARTMENT_REVIEWER)
    response = desk.client.post(desk.action_url(page, "reject"), {"comment": "总体情况需补充。"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT
    assert ModelLogEntry.objects.filter(object_id=str(report.pk), action="gongkai.report.returned").exists()
    report.problems = "<p>补充了存在的问题。</p>"
    report.save()
    submit_for_review(report, desk.users[AgencyRole.EDITOR])
    page = AnnualReportPage.objects.get(report=report)
    assert AnnualReportPage.objects.filter(report=report).count() == 1
    assert page.current_workflow_state.status == "in_progress"
    assert page.get_latest_revision_as_object().problems == "<p>补充了存在的问题。</p>"
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_the_published_report_downloads_as_pdf_xlsx_and_docx_and_a_report_in_review_does_not(client, report, desk):
    submitted(report, desk)
    page = AnnualReportPage.objects.get(report=report)
    hidden = page.url_path.replace("/home", "", 1)
    assert client.get(hidden + "download/pdf/").status_code == 404
    page = desk.through_the_chain(page)
    html = client.get(page.url).content.decode()
    for kind, magic in (("pdf", b"%PDF"), ("xlsx", b"PK"), ("docx", b"PK")):
        url = page.url + f"download/{kind}/"
        assert f'href="{url}"' in html
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(magic), kind
        assert "filename*=utf-8''" in response["Content-Disposition"]
    assert client.get(page.url + "download/exe/").status_code == 404


def test_the_page_editor_offers_only_the_catalogue_metadata_never_the_figures(report, desk):
    from django.urls import reverse

    submitted(report, desk)
    page = AnnualReportPage.objects.get(report=report)
    desk.login(AgencyRole.EDITOR)
    response = desk.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert "summary" in form.fields and "category" in form.fields
    assert not {"figures", "overview", "body", "doc_number"} & set(form.fields)
