"""表二 from the catalogue: which field decides each count, the agency's choice of category or 体裁 per
row, rows entered by hand with a source note, and the 2019 format's 新公开 by 发布日期 in the site's zone."""

import datetime

import pytest
from django.utils import timezone

from disclosure.catalogue.choices import Validity
from disclosure.catalogue.models import Genre
from disclosure.reports import drafting, figures
from disclosure.reports.choices import RowSource
from disclosure.reports.errors import ReportRefused
from disclosure.reports.models import ReportRowSource
from tests.factories import category, make_item

from .helpers import nonzero, shown

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def items(catalogue):
    make_item(catalogue, "青溪县城市绿化管理办法", category_code="0101", generated_date=D(2025, 3, 1))
    make_item(
        catalogue,
        "青溪县旧规章",
        category_code="0101",
        generated_date=D(2023, 1, 1),
        validity=Validity.REPEALED,
        validity_date=D(2025, 6, 30),
    )
    make_item(catalogue, "在2024年制发的规范性文件", category_code="0102", generated_date=D(2024, 5, 1))
    make_item(
        catalogue,
        "2026年才失效的规范性文件",
        category_code="0102",
        generated_date=D(2025, 2, 1),
        validity=Validity.LAPSED,
        validity_date=D(2026, 3, 1),
    )
    make_item(
        catalogue,
        "已修改的规范性文件",
        category_code="0102",
        generated_date=D(2025, 4, 1),
        validity=Validity.AMENDED,
        validity_date=D(2025, 9, 1),
    )
    make_item(catalogue, "草稿中的规范性文件", category_code="0102", generated_date=D(2025, 5, 1), live=False)
    make_item(catalogue, "许可决定一", category_code="0501", generated_date=D(2025, 1, 10))
    make_item(catalogue, "许可决定二", category_code="0501", generated_date=D(2025, 12, 31))
    make_item(catalogue, "许可决定（上年）", category_code="0501", generated_date=D(2024, 12, 31))
    make_item(catalogue, "处罚决定", category_code="0601", generated_date=D(2025, 7, 1))
    make_item(catalogue, "强制决定", category_code="0602", generated_date=D(2025, 8, 1))


def test_counts_by_catalogue_category_with_the_dates_that_decide_each_column(agency, items):
    report = drafting.start_report(agency, 2025)
    assert nonzero(report, "t2") == {
        "t2:regulations:issued": 1,  # 成文日期 in 2025
        "t2:regulations:repealed": 1,  # 废止 on 2025-06-30
        "t2:regulations:in_force": 1,
        "t2:normative_documents:issued": 2,  # the draft does not count
        "t2:normative_documents:in_force": 3,  # lapsing in 2026 and amended both stay in force at the end of 2025
        "t2:licensing:decisions": 2,
        "t2:penalties:decisions": 1,
        "t2:enforcement:decisions": 1,
    }
    note = report.figures.get(cell="t2:regulations:issued").source_note
    assert "法规文件 / 规章" in note


def test_a_genre_named_as_the_row_counts_too(agency, catalogue):
    genre = Genre.objects.create(name="行政规范性文件")
    make_item(catalogue, "放在其他文件里的规范性文件", category_code="0103", generated_date=D(2025, 6, 1), genre=genre)
    assert shown(drafting.start_report(agency, 2025))["t2:normative_documents:issued"] == 1


def test_the_agency_chooses_the_category_a_row_counts(agency, items):
    ReportRowSource.objects.create(agency=agency, row="enforcement", category=category(agency, "06"))
    found = shown(drafting.start_report(agency, 2025))
    assert found["t2:enforcement:decisions"] == 2  # 行政处罚和行政强制 and everything below it


def test_a_row_kept_in_another_system_is_entered_with_its_source_note(agency, handler, items):
    ReportRowSource.objects.create(
        agency=agency, row="licensing", source=RowSource.ENTERED, source_note="浙江政务服务网办件统计"
    )
    report = drafting.start_report(agency, 2025)
    figure = report.figures.get(cell="t2:licensing:decisions")
    assert figure.computed is None and figure.value is None
    assert figure.source_note == "浙江政务服务网办件统计"
    editor = handler
    figures.enter(report, "t2:licensing:decisions", "1,234", editor)
    assert shown(report)["t2:licensing:decisions"] == 1234
    with pytest.raises(ReportRefused) as refused:
        figures.override(report, "t2:licensing:decisions", 5, editor, reason="不对")
    assert refused.value.field == "cell"


def test_fees_are_entered_in_ten_thousand_yuan_and_need_a_source_note(agency, items):
    report = drafting.start_report(agency, 2025)
    with pytest.raises(ReportRefused) as refused:
        figures.enter(report, "t2:fees:amount", "12.5", None)
    assert refused.value.field == "source_note"
    with pytest.raises(ReportRefused) as refused:
        figures.enter(report, "t2:fees:amount", "0.00001", None, source_note="县财政局非税收入系统")
    assert refused.value.field == "value"
    figures.enter(report, "t2:fees:amount", "12.5", None, source_note="县财政局非税收入系统")
    figure = report.figures.get(cell="t2:fees:amount")
    assert str(figure.value) == "12.5000" and figure.source_note == "县财政局非税收入系统"
    figures.recompute(report)
    assert str(report.figures.get(cell="t2:fees:amount").value) == "12.5000"  # survives recomputation


def test_the_2019_format_counts_publication_in_the_sites_time_zone(agency, catalogue):
    shanghai = timezone.get_default_timezone()
    make_item(
        catalogue,
        "年末最后一刻发布",
        category_code="0101",
        generated_date=D(2025, 12, 1),
        published_at=datetime.datetime(2025, 12, 31, 23, 30, tzinfo=shanghai),
    )
    make_item(
        catalogue,
        "新年第一刻发布",
        category_code="0101",
        generated_date=D(2025, 12, 1),
        published_at=datetime.datetime(2026, 1, 1, 0, 30, tzinfo=shanghai),  # 2025-12-31 16:30 UTC
    )
    report = drafting.start_report(agency, 2025, format_version="national-2019")
    assert nonzero(report, "t2") == {
        "t2:regulations:made": 2,
        "t2:regulations:published": 1,
        "t2:regulations:total_public": 1,
    }
    assert report.figures.get(cell="t2:licensing:previous_items").computed is None  # entered in that format


def test_a_row_moved_back_to_the_catalogue_drops_the_figure_typed_for_it(agency, handler, items):
    setting = ReportRowSource.objects.create(
        agency=agency, row="licensing", source=RowSource.ENTERED, source_note="政务服务网"
    )
    report = drafting.start_report(agency, 2025)
    figures.enter(report, "t2:licensing:decisions", 40, handler)
    setting.source = RowSource.CATALOGUE
    setting.save()
    figures.recompute(report, handler)
    figure = report.figures.get(cell="t2:licensing:decisions")
    assert (figure.entered, figure.value) == (None, 2)
    change = report.figure_changes.first()
    assert (change.kind, change.before, change.after) == ("override_removed", 40, 2)
