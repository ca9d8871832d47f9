import datetime

import pytest

from disclosure.calendar.models import CalendarDay, CalendarYear
from disclosure.calendar.seeding import seed_from_chinese_calendar
from disclosure.calendar.working_days import CalendarNotCovered, add_working_days, working_days_between

D = datetime.date
pytestmark = pytest.mark.django_db


def test_calendar_is_seeded_from_chinese_calendar_by_migration():
    assert CalendarYear.objects.filter(year__in=[2024, 2025, 2026]).count() == 3
    national_day = CalendarDay.objects.get(date=D(2025, 10, 1))
    assert national_day.kind == CalendarDay.Kind.HOLIDAY and national_day.name == "国庆节"
    assert CalendarDay.objects.get(date=D(2025, 9, 28)).kind == CalendarDay.Kind.WORKDAY  # Sunday worked (调休)


def test_seeding_again_adds_nothing_and_keeps_admin_edits():
    day = CalendarDay.objects.get(date=D(2025, 10, 8))
    day.name = "国庆节（调整）"
    day.save()
    assert seed_from_chinese_calendar() == 0
    assert CalendarDay.objects.get(date=D(2025, 10, 8)).name == "国庆节（调整）"


def test_national_day_2025_with_its_adjusted_weekends():
    # Fri 2025-09-26: Sun 09-28 is worked; 10-01..10-08 off; Sat 10-11 is worked.
    result = add_working_days(D(2025, 9, 26), 6)
    assert [d for d, _ in result.counted_weekends] == [D(2025, 9, 28), D(2025, 10, 11)]
    # 09-28, 09-29, 09-30, 10-09, 10-10 and Saturday 10-11 are the six working days.
    assert result.end == D(2025, 10, 11)
    assert D(2025, 10, 8) in [d for d, _ in result.skipped]


def test_twenty_working_days_across_national_day_2024():
    # 2024: 09-29 (Sun) and 10-12 (Sat) worked; 10-01..10-07 off.
    result = add_working_days(D(2024, 9, 27), 20)
    assert result.end == D(2024, 10, 30)
    explanation = result.explain()
    assert "10-01..10-07" in explanation
    assert "09-29" in explanation and "10-12" in explanation


def test_spring_festival_2026():
    # Spring Festival 2026: 02-15..02-23 off; Sat 02-14 and Sat 02-28 worked.
    result = add_working_days(D(2026, 2, 13), 3)
    assert result.end == D(2026, 2, 25)  # Sat 02-14 (worked), then 02-24 and 02-25
    assert [d for d, _ in result.counted_weekends] == [D(2026, 2, 14)]


def test_working_days_between_counts_adjusted_weekend_and_skips_holidays():
    counted = working_days_between(D(2025, 9, 26), D(2025, 10, 10))
    assert counted.working_days == 5
    assert working_days_between(D(2025, 10, 10), D(2025, 10, 10)).working_days == 0


def test_a_period_running_into_an_unentered_year_refuses_loudly():
    with pytest.raises(CalendarNotCovered) as excinfo:
        add_working_days(D(2026, 12, 20), 20)
    assert excinfo.value.years == [2027]
    assert "2027" in str(excinfo.value)


def test_an_admin_entered_year_is_used():
    CalendarYear.objects.create(year=2027, source="admin")
    CalendarDay.objects.create(date=D(2027, 1, 1), kind=CalendarDay.Kind.HOLIDAY, name="元旦")
    result = add_working_days(D(2026, 12, 30), 2)
    assert result.end == D(2027, 1, 4)  # 12-31 (Thu), then 01-01 off, weekend off, Mon 01-04


def test_explanation_is_chinese_by_default():
    assert "个工作日" in add_working_days(D(2025, 9, 26), 5).explain()
