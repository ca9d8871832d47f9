"""Seed the working-day calendar from the maintained ``chinese-calendar`` package."""

from importlib.metadata import version

from chinese_calendar import constants
from django.db import transaction

from .models import CalendarDay, CalendarYear

CHINESE_NAMES = {holiday.value: holiday.chinese for holiday in constants.Holiday}


def covered_years():
    """Years for which the package carries the State Council's arrangement."""
    return sorted({day.year for day in constants.holidays})


@transaction.atomic
def seed_from_chinese_calendar(day_model=None, year_model=None, years=None):
    """Insert missing days for the years the package covers; never overwrite an admin's edits.

    Model classes are parameters so a data migration can pass its historical models.
    Returns the number of days created.
    """
    if day_model is None or year_model is None:
        day_model, year_model = CalendarDay, CalendarYear
    years = set(years or covered_years())
    existing = set(day_model.objects.filter(date__year__in=years).values_list("date", flat=True))
    rows = []
    for source, kind in ((constants.holidays, "holiday"), (constants.workdays, "workday")):
        for date, english in source.items():
            if date.year in years and date not in existing:
                rows.append(day_model(date=date, kind=kind, name=CHINESE_NAMES.get(english, english)))
    day_model.objects.bulk_create(rows)
    label = f"chinese-calendar {version('chinesecalendar')}"
    for year in years:
        year_model.objects.get_or_create(year=year, defaults={"source": label})
    return len(rows)
