"""Checking rows of an observations file before anything is stored.

The adapter (:mod:`quorate.adapters.excel_observations`) reads a CSV or Excel file into
raw cells; :func:`parse_rows` checks every row and either returns them all, parsed, or
raises :class:`ImportFailed` listing every problem by row number and column. No database.

Columns (header row, any case, spaces or underscores): ``period`` (required), ``value``
(or ``actual``), ``status``, ``planned``, ``footnote``. A value may carry footnote
markers as printed ("272.00*"), a percent sign for a percentage indicator ("95.31%"), a
pound sign and thousands separators for money ("£1,234"), or say the data is not
available ("Data not available to report at this time", "n/a", "***").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from quorate.performance import periods
from quorate.performance.enums import ObservationStatus, Unit

COLUMNS = ("period", "value", "status", "planned", "footnote")
ALIASES = {"actual": "value", "period_start": "period", "plan": "planned", "note": "footnote"}
_NOT_AVAILABLE = re.compile(r"^(?:data )?not available\b|^n/?a$|^-+$|^no data\b", re.I)
_MARKERS_ONLY = re.compile(r"^\*+$|^†+$")
_NUMBER = re.compile(
    r"^(?P<sign>[-+])?(?P<gbp>£)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*"
    r"(?P<pct>%)?\s*(?P<marker>\*+|†+)?$"
)


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class ImportFailed(ValueError):
    """Every problem found in a file; nothing has been stored."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:20]))


@dataclass(frozen=True, slots=True)
class RawRow:
    """One data row as the adapter read it: its row number in the file and its cells."""

    number: int
    cells: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class ParsedRow:
    row: int
    period_start: dt.date
    value: Decimal | None = None
    status: str = ObservationStatus.ACTUAL
    not_available: bool = False
    not_available_text: str = ""
    footnote_marker: str = ""
    footnote: str = ""
    planned: Decimal | None = None
    has_observation: bool = True


@dataclass
class _Row:
    errors: list[RowError] = field(default_factory=list)


def normalise_header(name: object) -> str:
    key = re.sub(r"[\s\-]+", "_", str(name or "").strip().lower())
    return ALIASES.get(key, key)


def check_header(header: Iterable[object], *, header_row: int = 1) -> list[str]:
    """The normalised column names; raises :class:`ImportFailed` for a bad header."""
    names = [normalise_header(h) for h in header]
    errors = []
    seen: set[str] = set()
    for name, raw in zip(names, header, strict=True):
        if not name:
            continue
        if name not in COLUMNS:
            errors.append(
                RowError(header_row, str(raw), f"unknown column; use {', '.join(COLUMNS)}")
            )
        elif name in seen:
            errors.append(RowError(header_row, str(raw), "this column appears twice"))
        seen.add(name)
    if "period" not in seen:
        errors.append(RowError(header_row, "period", "the file has no 'period' column"))
    if not seen & {"value", "planned"}:
        errors.append(RowError(header_row, "value", "the file has no 'value' column"))
    if errors:
        raise ImportFailed(errors)
    return names


def raw_rows(
    header: Iterable[object],
    rows: Iterable[tuple[int, Iterable[object]]],
    *,
    header_row: int = 1,
) -> list[RawRow]:
    """Rows keyed by normalised column name, after checking the header."""
    names = check_header(list(header), header_row=header_row)
    return [
        RawRow(n, {name: cell for name, cell in zip(names, cells, strict=False) if name})
        for n, cells in rows
    ]


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return re.sub(r"\s+", " ", str(cell)).strip()


def _number(
    cell: object, unit: str, column: str, row: int, errors: list[RowError]
) -> tuple[Decimal | None, str]:
    """A number and its footnote marker from a cell."""
    if isinstance(cell, bool):
        errors.append(RowError(row, column, f"{cell!r} is not a number"))
        return None, ""
    if isinstance(cell, (int, float, Decimal)):
        try:
            value = Decimal(str(cell))
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            errors.append(RowError(row, column, f"{cell!r} is not a finite number"))
            return None, ""
        return value, ""
    text = _text(cell)
    m = _NUMBER.match(text)
    if m is None:
        errors.append(RowError(row, column, f"{text!r} is not a number"))
        return None, ""
    if m["pct"] and unit != Unit.PERCENTAGE:
        errors.append(RowError(row, column, f"{text!r} is a percentage but the unit is {unit}"))
        return None, ""
    if m["gbp"] and unit != Unit.GBP:
        errors.append(RowError(row, column, f"{text!r} is in pounds but the unit is {unit}"))
        return None, ""
    value = Decimal(m["num"].replace(",", ""))
    return (-value if m["sign"] == "-" else value), m["marker"] or ""


def parse_row(raw: RawRow, *, frequency: str, unit: str) -> tuple[ParsedRow | None, list[RowError]]:
    errors: list[RowError] = []
    n, cells = raw.number, raw.cells
    try:
        start = periods.parse_period(cells.get("period"), frequency)
    except ValueError as exc:
        errors.append(RowError(n, "period", str(exc)))
        start = None
    status_text = _text(cells.get("status")).lower()
    status = status_text or ObservationStatus.ACTUAL
    if status not in ObservationStatus.values:
        errors.append(
            RowError(
                n,
                "status",
                f"{status_text!r} is not a status; use {', '.join(ObservationStatus.values)}",
            )
        )
    footnote = _text(cells.get("footnote"))
    planned = None
    if _text(cells.get("planned")):
        planned, _ = _number(cells.get("planned"), unit, "planned", n, errors)
    value_cell = cells.get("value")
    value_text = _text(value_cell)
    value, marker, not_available, na_text = None, "", False, ""
    has_observation = True
    if not value_text:
        if planned is None and "value" in cells:
            errors.append(RowError(n, "value", "empty; write a number or 'data not available'"))
        has_observation = False
    elif _MARKERS_ONLY.match(value_text):
        not_available, marker = True, value_text
    elif _NOT_AVAILABLE.match(value_text):
        not_available, na_text = True, value_text
    else:
        value, marker = _number(value_cell, unit, "value", n, errors)
    if not has_observation and (status_text or footnote):
        errors.append(RowError(n, "value", "a status or footnote needs a value"))
    if errors or start is None:
        return None, errors
    return (
        ParsedRow(
            row=n,
            period_start=start,
            value=value,
            status=status,
            not_available=not_available,
            not_available_text=na_text,
            footnote_marker=marker,
            footnote=footnote,
            planned=planned,
            has_observation=has_observation,
        ),
        [],
    )


def parse_rows(rows: Iterable[RawRow], *, frequency: str, unit: str) -> list[ParsedRow]:
    """Every row parsed, or :class:`ImportFailed` with every problem in the file."""
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    first_row_of: dict[dt.date, int] = {}
    for raw in rows:
        row, row_errors = parse_row(raw, frequency=frequency, unit=unit)
        errors.extend(row_errors)
        if row is None:
            continue
        if row.period_start in first_row_of:
            errors.append(
                RowError(
                    row.row,
                    "period",
                    f"{periods.period_label(frequency, row.period_start)} is already given "
                    f"in row {first_row_of[row.period_start]}",
                )
            )
            continue
        first_row_of[row.period_start] = row.row
        parsed.append(row)
    if errors:
        raise ImportFailed(errors)
    if not parsed:
        raise ImportFailed([RowError(1, "period", "the file has no data rows")])
    return parsed
