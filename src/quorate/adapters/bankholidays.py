"""England and Wales bank holidays, from the ``holidays`` package, as plain data for the core.

The ``holidays`` package's United Kingdom calendar, subdivision ``ENG``, gives England's
bank holidays including substitute ("observed") days and one-off days (jubilees, the
2022 state funeral, the 2023 coronation). England and Wales share one list (the Banking
and Financial Dealings Act 1971 treats them together); ``tests/adapters`` checks that the
package's ``WLS`` subdivision agrees. This is the only module that imports ``holidays``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from quorate.core.timing import WorkingCalendar

SUBDIVISION = "ENG"


@lru_cache(maxsize=64)
def bank_holidays(first_year: int, last_year: int | None = None) -> frozenset[date]:
    """Bank holidays in England and Wales for the years ``first_year``..``last_year``."""
    last_year = first_year if last_year is None else last_year
    if last_year < first_year:
        raise ValueError(f"last_year {last_year} is before first_year {first_year}")
    found = holidays.country_holidays(
        "GB", subdiv=SUBDIVISION, years=range(first_year, last_year + 1)
    )
    return frozenset(found.keys())


def working_calendar(first_year: int, last_year: int | None = None) -> WorkingCalendar:
    """A calendar for the core covering exactly those years (outside them it refuses)."""
    last_year = first_year if last_year is None else last_year
    return WorkingCalendar(bank_holidays(first_year, last_year), first_year, last_year)


def calendar_for_meeting(meeting_date: date, lookback_days: int = 60) -> WorkingCalendar:
    """The years from ``lookback_days`` before the meeting to the meeting's own year.

    Deadlines run backwards from the meeting (a 28-day notice for a January meeting falls
    in December), so the calendar must reach back as far as the longest of them.
    """
    start = meeting_date - timedelta(days=lookback_days)
    return working_calendar(start.year, meeting_date.year)
