"""Dates and times as board papers write them ("Thursday, 25th January, 2024 at 9.30 am",
"16TH October 2023", "29 th MAY, 2013", "28/06/2023", "Apr-18", "09:30 - 11:30")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_LONG_DATE = re.compile(
    rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s*(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I
)
_US_DATE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(rf"^({_MONTH_RE})[\s\-/']+(\d{{2}}|\d{{4}})$", re.I)
_TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/])", re.I)
_TIME_RANGE = re.compile(
    r"\b(\d{1,2}[.:]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))\s*(?:-|–|—|to)\s*"
    r"(\d{1,2}[.:]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))",
    re.I,
)
_AT_TIME = re.compile(r"\bat\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)", re.I)


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date | None, int, int]:
    """The first date written in ``text`` and its span (``-1, -1`` when none)."""
    best: tuple[dt.date | None, int, int] = (None, -1, -1)
    for pattern in (_LONG_DATE, _US_DATE, _NUMERIC_DATE):
        m = pattern.search(text)
        if not m or (best[1] >= 0 and m.start() >= best[1]):
            continue
        if pattern is _LONG_DATE:
            value = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        elif pattern is _US_DATE:
            value = _safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        else:  # UK order: day/month/year
            value = _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if value is not None:
            best = (value, m.start(), m.end())
    return best


def parse_date(text: str) -> dt.date | None:
    return find_date(text)[0]


def month_end(text: str) -> dt.date | None:
    """A deadline as written ("Apr-18", "April 2018", "30/04/2018") as a date; a month
    alone means its last day."""
    text = text.strip()
    m = _MONTH_YEAR.match(text)
    if m:
        year, month = _year(m.group(2)), MONTHS[m.group(1).lower()]
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return parse_date(text)


def normalise_time(text: str) -> str | None:
    """ "9.30 am" -> "09:30"; "5.30 pm" -> "17:30"; "15:00" -> "15:00"."""
    m = _TIME.fullmatch(text.strip()) or _TIME.search(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    suffix = (m.group(3) or "").replace(".", "").lower()
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (not m.group(2) and not suffix):
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> tuple[str | None, str | None, int]:
    """Start and end time written in ``text`` and where the time text ends (-1: none)."""
    m = _TIME_RANGE.search(text)
    if m:
        end_raw = m.group(2)
        start_raw = m.group(1)
        if not re.search(r"am|pm", start_raw, re.I) and re.search(r"pm", end_raw, re.I):
            start_raw += (
                " pm"
                if int(re.split(r"[.:]", start_raw)[0]) < 12
                and int(re.split(r"[.:\s]", end_raw)[0]) >= int(re.split(r"[.:]", start_raw)[0])
                else ""
            )
        return normalise_time(start_raw), normalise_time(end_raw), m.end()
    m2 = _AT_TIME.search(text)
    if m2:
        return normalise_time(m2.group(1)), None, m2.end()
    return None, None, -1


def is_date_line(text: str) -> bool:
    """True for a line that is only a date, weekday optional ("Monday, 20 May 2013")."""
    value, start, end = find_date(text)
    if value is None:
        return False
    rest = (text[:start] + " " + text[end:]).strip(" ,.").lower()
    return rest == "" or rest in WEEKDAYS
