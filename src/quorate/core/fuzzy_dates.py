"""Dates as board papers write them: 'Apr-18', 'April 2018', '08/02/2018', '14th December 2023'."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9


@dataclass(frozen=True)
class WrittenDate:
    """A date as written, and what it means: a day, or a month (due at its end)."""

    text: str
    date: dt.date
    is_month: bool


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_written_date(text: str) -> WrittenDate | None:
    """Read a deadline or meeting date as papers write it; None when it is not a date.

    'Apr-18' and 'April 2018' are months and fall due on the month's last day;
    '08/02/2018' is day first (British); '14th December 2023' is a day.
    """
    raw = text.strip()
    s = re.sub(r"(\d)\s*(st|nd|rd|th)\b", r"\1", raw.lower())
    s = re.sub(r"\s+", " ", s)
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", s):
        return _day(raw, _year(m[3]), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        return _day(raw, int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(?:[a-z]+day,? )?(\d{1,2}) ([a-z]+),? (\d{4})", s):
        month = _MONTHS.get(m[2])
        return _day(raw, int(m[3]), month, int(m[1])) if month else None
    if m := re.fullmatch(r"([a-z]+)[-' ]+(\d{2}|\d{4})", s):
        month = _MONTHS.get(m[1])
        if month is None:
            return None
        year = _year(m[2])
        last = calendar.monthrange(year, month)[1]
        return WrittenDate(raw, dt.date(year, month, last), True)
    return None


def _day(raw: str, year: int, month: int | None, day: int) -> WrittenDate | None:
    if month is None:
        return None
    try:
        return WrittenDate(raw, dt.date(year, month, day), False)
    except ValueError:
        return None
