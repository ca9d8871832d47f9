"""The column's month calendar leads only to months near sessions: a crawler following its links
stops, and never reaches a month more than one month from a public session; empty months are not indexed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

ROBOTS_NOINDEX = '<meta name="robots" content="noindex,follow">'


def shift(month, months):
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def this_month():
    return timezone.localdate().replace(day=1)


def session_in(column, month, title, **fields):
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 15, 10, 0))
    return factories.make_interview(column, title=title, start=start, **fields)


@pytest.fixture
def session_months(column, other_agency):
    """Public sessions five months ago and in three months; a draft and another column's session elsewhere."""
    months = [shift(this_month(), -5), shift(this_month(), 3)]
    session_in(column, months[0], "往期：县教育局谈校园安全")
    session_in(column, months[1], "预告：县教育局谈中考改革")
    session_in(column, shift(this_month(), 12), "草稿：尚未发布的访谈", live=False)
    other_column = factories.make_interview_column(other_agency)
    session_in(other_column, shift(this_month(), -12), "县卫健局谈医保报销")
    return months


def month_links(html):
    """The ``?month=`` links of a column page, as anchors."""
    return [a for a in BeautifulSoup(html, "html.parser").find_all("a") if a.get("href", "").startswith("?month=")]


def crawl(client, column):
    """Follow every calendar link from the column's front page, as a crawler would; returns the months seen."""
    seen, queue, pages = set(), [column.url], 0
    while queue:
        response = client.get(queue.pop())
        pages += 1
        assert response.status_code == 200 and pages < 50, "the calendar's links do not end"
        for link in month_links(response.content.decode()):
            assert link.get("rel") == ["nofollow"]
            month = link["href"].removeprefix("?month=")
            if month not in seen:
                seen.add(month)
                queue.append(f"{column.url}{link['href']}")
    return {datetime.date(int(m[:4]), int(m[5:]), 1) for m in seen}


def test_crawling_the_calendar_ends_within_a_month_of_the_sessions(client, column, session_months):
    reached = crawl(client, column)
    near = {shift(month, step) for month in session_months for step in (-1, 0, 1)}
    assert reached == near  # every session's month can be reached, and nothing further


def test_from_an_empty_month_the_links_jump_to_the_nearest_months_with_sessions(client, column, session_months):
    html = client.get(column.url).content.decode()
    targets = [link["href"] for link in month_links(html)]
    assert targets == [f"?month={month:%Y-%m}" for month in session_months]
    earlier, later = session_months
    assert f"‹ {earlier.year}年{earlier.month}月" in html and f"{later.year}年{later.month}月 ›" in html


def test_a_month_far_from_any_session_is_shown_empty_unindexed_and_leads_back_to_the_sessions(
    client, column, session_months
):
    for month in (
        shift(this_month(), 24),
        shift(this_month(), 12),
        shift(this_month(), -12),
        datetime.date(1950, 1, 1),
    ):
        response = client.get(column.url, {"month": f"{month:%Y-%m}"})
        html = response.content.decode()
        assert response.status_code == 200 and ROBOTS_NOINDEX in html
        targets = {link["href"].removeprefix("?month=") for link in month_links(html)}
        assert targets <= {f"{session_month:%Y-%m}" for session_month in session_months} and targets
    assert client.get(column.url, {"month": "2026-13"}).status_code == 400  # malformed: a 400 naming it


def test_empty_months_are_kept_out_of_search_engines_indexes(client, column, session_months):
    empty_neighbour = shift(session_months[1], 1)
    assert ROBOTS_NOINDEX in client.get(column.url, {"month": f"{empty_neighbour:%Y-%m}"}).content.decode()
    with_session = client.get(column.url, {"month": f"{session_months[1]:%Y-%m}"}).content.decode()
    assert "预告：县教育局谈中考改革" in with_session and ROBOTS_NOINDEX not in with_session
    assert ROBOTS_NOINDEX not in client.get(column.url).content.decode()  # the column itself stays indexed


def test_every_link_of_the_calendar_is_nofollow(client, column, session_months):
    html = client.get(column.url, {"month": f"{session_months[1]:%Y-%m}"}).content.decode()
    calendar = BeautifulSoup(html, "html.parser").find(attrs={"aria-labelledby": "calendar-heading"})
    links = calendar.find_all("a")
    assert len(links) == 3  # previous, next, and the session on its day
    assert all(link.get("rel") == ["nofollow"] for link in links)


def test_a_column_without_sessions_links_no_month(client, column):
    assert month_links(client.get(column.url).content.decode()) == []
    next_month = client.get(column.url, {"month": f"{shift(this_month(), 1):%Y-%m}"}).content.decode()
    assert month_links(next_month) == [] and ROBOTS_NOINDEX in next_month


def test_the_calendar_offers_no_month_its_filter_would_refuse(client, column):
    for month in (datetime.date(1949, 1, 1), datetime.date(2100, 12, 1)):
        session_in(column, month, f"{month.year}年的访谈")
    first = [link["href"] for link in month_links(client.get(column.url, {"month": "1949-01"}).content.decode())]
    assert first == ["?month=1949-02"]  # not 1948-12, which the filter refuses
    last = [link["href"] for link in month_links(client.get(column.url, {"month": "2100-12"}).content.decode())]
    assert last == ["?month=2100-11"]  # not 2101-01
