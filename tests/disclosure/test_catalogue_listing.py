import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from disclosure.catalogue.listing import CatalogueListing
from disclosure.models import Genre, Topic
from tests import factories

pytestmark = pytest.mark.django_db


def moment(year, month=6):
    return timezone.make_aware(datetime.datetime(year, month, 1, 10, 0))


@pytest.fixture
def items(catalogue):
    education = Topic.objects.get(name="科技、教育")
    notice = Genre.objects.get(name="通知")
    return {
        "rule_2024": factories.make_item(
            catalogue, title="规章一", category_code="0101", published_at=moment(2024), topic=education
        ),
        "norm_2025": factories.make_item(
            catalogue, title="规范性文件一", category_code="0102", published_at=moment(2025), genre=notice
        ),
        "budget_2025": factories.make_item(
            catalogue, title="部门预算", category_code="0701", published_at=moment(2025, 3)
        ),
        "repealed": factories.make_item(
            catalogue,
            title="已废止文件",
            category_code="0102",
            generated_date=datetime.date(2023, 5, 20),
            published_at=moment(2023),
            validity="repealed",
            validity_date=datetime.date(2024, 1, 1),
        ),
        "draft": factories.make_item(catalogue, title="草稿", category_code="0101", live=False),
        "secret": factories.make_item(
            catalogue,
            title="不予公开文件",
            category_code="0101",
            disclosure_mode="not_disclosed",
            non_disclosure_reason="state_secret",
            disclosure_note="涉密",
        ),
    }


def listing(agency, query=""):
    return CatalogueListing(agency, QueryDict(query))


def titles(result):
    return [item.title for item in result.page().object_list]


def test_lists_public_items_newest_first(agency, items):
    assert titles(listing(agency)) == ["规范性文件一", "部门预算", "规章一", "已废止文件"]


def test_category_filter_includes_subcategories(agency, items):
    regulations = agency.catalogue_categories.get(code="01")
    assert sorted(titles(listing(agency, f"category={regulations.pk}"))) == ["已废止文件", "规章一", "规范性文件一"]


def test_category_counts_include_descendants_and_only_public_items(agency, items):
    tree = {node.category.code: node for node in listing(agency).category_tree()}
    assert tree["01"].count == 3
    children = {child.category.code: child.count for child in tree["01"].children}
    assert children == {"0101": 1, "0102": 2, "0103": 0}
    assert tree["07"].count == 1


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2025", ["规范性文件一", "部门预算"]),
        ("validity=repealed", ["已废止文件"]),
        ("genre={notice}", ["规范性文件一"]),
        ("topic={education}", ["规章一"]),
        ("year=2025&genre={notice}", ["规范性文件一"]),
    ],
)
def test_filters_combine(agency, items, query, expected):
    query = query.format(notice=Genre.objects.get(name="通知").pk, education=Topic.objects.get(name="科技、教育").pk)
    assert titles(listing(agency, query)) == expected


def test_bad_filter_values_are_refused_naming_each_parameter(client, catalogue, agency, items):
    assert set(listing(agency, "year=abc&category=-3&validity=valid").errors) == {"year", "category"}
    response = client.get(f"{catalogue.url}?year=abc&category=-3&validity=valid")
    html = response.content.decode()
    assert response.status_code == 400 and "“year”" in html and "“category”" in html
    assert "规范性文件一" not in html  # no listing with the bad filters silently dropped


def test_another_agencys_category_is_refused_not_silently_empty(client, catalogue, agency, other_agency, items):
    foreign = other_agency.catalogue_categories.get(code="01")
    errors = listing(agency, f"category={foreign.pk}").errors
    assert list(errors) == ["category"] and "没有该分类" in errors["category"][0]
    assert client.get(f"{catalogue.url}?category={foreign.pk}").status_code == 400


def test_years_offered_span_the_public_items(agency, items):
    assert listing(agency).years() == [2025, 2024, 2023]


def test_pagination_keeps_filters_in_links(client, catalogue, agency):
    for n in range(23):
        factories.make_item(catalogue, title=f"分页测试{n:02d}", published_at=moment(2025), category_code="0102")
    category = agency.catalogue_categories.get(code="0102")
    response = client.get(catalogue.url + f"?category={category.pk}&year=2025")
    html = response.content.decode()
    assert f"?category={category.pk}&amp;year=2025&amp;page=2" in html
    second = client.get(catalogue.url + f"?category={category.pk}&year=2025&page=2")
    assert second.content.decode().count("分页测试") == 3


def count_of(agency, code):
    return {child.category.code: child.count for root in listing(agency).category_tree() for child in root.children}[
        code
    ]


def test_cached_counts_follow_publication_unpublication_and_deletion(agency, catalogue, items):
    assert count_of(agency, "0102") == 2
    new = factories.make_item(catalogue, title="新发布", category_code="0102", published_at=moment(2025))
    assert count_of(agency, "0102") == 3
    assert listing(agency, "year=2025").page().paginator.count == 3
    new.unpublish()
    assert count_of(agency, "0102") == 2
    items["norm_2025"].delete()
    assert count_of(agency, "0102") == 1
    assert listing(agency).page().paginator.count == 3


def test_counts_from_cache_agree_with_counting_queries(agency, items):
    for query in ["", "year=2025", f"category={agency.catalogue_categories.get(code='01').pk}&year=2024"]:
        result = listing(agency, query)
        assert result.page().paginator.count == result.filtered_queryset().count()
