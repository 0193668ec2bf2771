"""Reporting periods: months, financial-year quarters (Q1 = April to June) and financial years.

Plain Python (no Django) so the importer, the CLI and the tests share one reading of the
period labels that papers and spreadsheets use: "Q1 2023/24", "2017/18", "March 2018",
"2023-04", "2023-04-01".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHLY, QUARTERLY, ANNUAL = "monthly", "quarterly", "annual"
FREQUENCIES = (MONTHLY, QUARTERLY, ANNUAL)
FY_START_MONTH = 4  # the NHS and local government financial year starts in April
_QUARTER_START_MONTHS = (4, 7, 10, 1)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_FY = r"(?P<fy>\d{4})\s*[/-]\s*(?P<fy2>\d{2}|\d{4})"
_QUARTER_RES = (
    re.compile(rf"^q(?:uarter)?\s*(?P<q>[1-4])\s*,?\s*(?:fy\s*)?{_FY}$"),
    re.compile(rf"^(?:fy\s*)?{_FY}\s*,?\s*q(?:uarter)?\s*(?P<q>[1-4])$"),
)
_YEAR_RE = re.compile(rf"^(?:fy\s*)?{_FY}$")
_ISO_MONTH_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")
_NAMED_MONTH_RE = re.compile(r"^(?P<name>[a-z]+)\.?\s*-?\s*(?P<y>\d{4}|\d{2})$")


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _check_frequency(frequency: str) -> None:
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {frequency!r}; use one of {', '.join(FREQUENCIES)}")


def validate_start(frequency: str, start: dt.date) -> None:
    """Raise ValueError unless ``start`` is the first day of a period of ``frequency``."""
    _check_frequency(frequency)
    if start.day != 1:
        raise ValueError(f"a period starts on the 1st of a month, not {start.isoformat()}")
    if frequency == QUARTERLY and start.month not in _QUARTER_START_MONTHS:
        raise ValueError(f"a quarter starts in April, July, October or January, not {start:%B %Y}")
    if frequency == ANNUAL and start.month != FY_START_MONTH:
        raise ValueError(f"a financial year starts in April, not {start:%B %Y}")


def period_end(frequency: str, start: dt.date) -> dt.date:
    """The last day of the period starting on ``start``."""
    validate_start(frequency, start)
    months = {MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12}[frequency]
    return _add_months(start, months) - dt.timedelta(days=1)


def financial_year_label(day: dt.date) -> str:
    """'2023/24' for any day from 1 April 2023 to 31 March 2024."""
    start = day.year if day.month >= FY_START_MONTH else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def period_label(frequency: str, start: dt.date) -> str:
    """How papers name the period: 'March 2018', 'Q1 2023/24', '2017/18'."""
    validate_start(frequency, start)
    if frequency == MONTHLY:
        return f"{calendar.month_name[start.month]} {start.year}"
    if frequency == QUARTERLY:
        quarter = _QUARTER_START_MONTHS.index(start.month) + 1
        return f"Q{quarter} {financial_year_label(start)}"
    return financial_year_label(start)


def _fy_start(fy: str, fy2: str) -> int:
    year = int(fy)
    second = int(fy2) if len(fy2) == 4 else (year // 100) * 100 + int(fy2)
    if second < year:
        second += 100
    if second != year + 1:
        raise ValueError(f"{fy}/{fy2} is not a financial year (the years must be consecutive)")
    return year


def parse_period(value: object, frequency: str) -> dt.date:
    """The start of the period written as ``value`` (a date, or text such as 'Q1 2023/24').

    A date or ISO text is taken as the start of its period only if it is that start; a
    quarter needs a quarterly indicator and a financial year an annual one.
    """
    _check_frequency(frequency)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        validate_start(frequency, value)
        return value
    written = re.sub(r"\s+", " ", str(value or "")).strip()
    if not written:
        raise ValueError("the period is empty")
    try:
        start = _parse_text(written.lower(), frequency)
    except ValueError as exc:
        raise ValueError(str(exc).replace(repr(written.lower()), repr(written))) from None
    validate_start(frequency, start)
    return start


def _parse_text(text: str, frequency: str) -> dt.date:
    for regex in _QUARTER_RES:
        if m := regex.match(text):
            if frequency != QUARTERLY:
                raise ValueError(f"{text!r} is a quarter but the indicator is {frequency}")
            year = _fy_start(m["fy"], m["fy2"])
            month = _QUARTER_START_MONTHS[int(m["q"]) - 1]
            return dt.date(year + 1 if month == 1 else year, month, 1)
    m = _YEAR_RE.match(text)
    if m and "/" not in text and len(m["fy2"]) == 2 and int(m["fy2"]) != (int(m["fy"]) + 1) % 100:
        m = None  # "2018-03" is March 2018, not a financial year
    if m:
        if frequency != ANNUAL:
            raise ValueError(f"{text!r} is a financial year but the indicator is {frequency}")
        return dt.date(_fy_start(m["fy"], m["fy2"]), FY_START_MONTH, 1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if m := _ISO_MONTH_RE.match(text):
        month = int(m["m"])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r}: there is no month {month}")
        return dt.date(int(m["y"]), month, 1)
    if (m := _NAMED_MONTH_RE.match(text)) and m["name"] in _MONTHS:
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        return dt.date(year, _MONTHS[m["name"]], 1)
    raise ValueError(
        f"{text!r} is not a period; write e.g. 2023-04-01, 2023-04, April 2023, "
        "Q1 2023/24 or 2023/24"
    )
