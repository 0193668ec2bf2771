"""England and Wales bank holidays from the ``holidays`` package, as data for the core."""

from datetime import date

import holidays
import pytest

from quorate.adapters.bankholidays import (
    bank_holidays,
    calendar_for_meeting,
    working_calendar,
)
from quorate.core.timing import CalendarRangeError, publish_by


@pytest.mark.parametrize(
    "day",
    [
        date(2013, 5, 27),  # Spring bank holiday (seed 004's pack spans it)
        date(2013, 3, 29),  # Good Friday
        date(2013, 4, 1),  # Easter Monday
        date(2020, 5, 8),  # Early May bank holiday moved to VE Day
        date(2020, 12, 28),  # Boxing Day (Saturday) substitute
        date(2021, 12, 27),  # Christmas Day (Saturday) substitute
        date(2021, 12, 28),  # Boxing Day (Sunday) substitute
        date(2022, 1, 3),  # New Year's Day (Saturday) substitute
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        date(2023, 5, 8),  # Coronation of King Charles III
    ],
)
def test_bank_holidays_include_england_and_wales_days(day):
    assert day in bank_holidays(day.year)


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 1, 2),  # Scotland only
        date(2023, 11, 30),  # St Andrew's Day, Scotland only
        date(2024, 3, 18),  # St Patrick's Day (observed), Northern Ireland only
        date(2024, 7, 12),  # Battle of the Boyne, Northern Ireland only
        date(2024, 8, 5),  # Scottish summer bank holiday
    ],
)
def test_bank_holidays_exclude_other_nations_days(day):
    assert day not in bank_holidays(day.year)


def test_england_and_wales_lists_are_the_same():
    years = range(1990, 2036)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(england) == set(wales)


def test_bank_holidays_range_is_frozen_and_cached():
    first = bank_holidays(2012, 2014)
    assert isinstance(first, frozenset)
    assert bank_holidays(2012, 2014) is first
    assert date(2012, 6, 5) in first and date(2014, 12, 26) in first
    assert len(bank_holidays(2024)) == 8


def test_bank_holidays_reversed_range_is_refused():
    with pytest.raises(ValueError, match="before"):
        bank_holidays(2024, 2023)


def test_working_calendar_covers_only_its_years():
    cal = working_calendar(2024)
    assert not cal.is_working_day(date(2024, 12, 25))
    with pytest.raises(CalendarRangeError):
        cal.is_working_day(date(2025, 1, 2))


@pytest.mark.parametrize(
    ("meeting", "published"),
    [
        (date(2024, 1, 25), date(2024, 1, 17)),
        (date(2018, 6, 11), date(2018, 6, 1)),
        (date(2013, 5, 29), date(2013, 5, 20)),
    ],
)
def test_seed_publication_dates_with_real_bank_holidays(meeting, published):
    assert publish_by(meeting, calendar_for_meeting(meeting)) == published
