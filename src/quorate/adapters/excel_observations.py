"""Reading (and writing) tables of observations as CSV or Excel (``.xlsx``) files.

The only module that imports openpyxl for observations. It reads cells as they are (numbers
stay numbers, dates stay dates, text stays text) with their row numbers in the file, so the
checks in :mod:`quorate.performance.importing` can name the row and column of each problem.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

CSV_SUFFIXES = (".csv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")

Cell = str | int | float | dt.date | dt.datetime | None


class ObservationFileError(ValueError):
    """The file cannot be read as a table: the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Table:
    """The header row and the data rows of a file; row numbers are as in the file (1-based)."""

    header: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def _blank(cells: Sequence[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _table(path: Path, numbered: list[tuple[int, tuple[Cell, ...]]]) -> Table:
    numbered = [(n, cells) for n, cells in numbered if not _blank(cells)]
    if not numbered:
        raise ObservationFileError(f"{path}: the file is empty")
    header_row, header = numbered[0]
    width = len(header)
    while width and (header[width - 1] is None or not str(header[width - 1]).strip()):
        width -= 1
    rows = []
    for n, cells in numbered[1:]:
        extra = [c for c in cells[width:] if c not in (None, "")]
        if extra:
            raise ObservationFileError(
                f"{path}: row {n} has {len(cells)} cells but the header has {width} columns"
            )
        rows.append((n, tuple(cells[:width]) + (None,) * (width - len(cells[:width]))))
    return Table(tuple(str(h or "").strip() for h in header[:width]), header_row, tuple(rows))


def _read_csv(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservationFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return _table(path, [(reader.line_num, tuple(row)) for row in reader])
    except csv.Error as exc:
        raise ObservationFileError(f"{path}: line {reader.line_num}: {exc}") from exc


def _read_excel(path: Path, sheet: str | None) -> Table:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ObservationFileError(f"{path}: not a readable Excel workbook ({exc})") from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ObservationFileError(
                f"{path}: no sheet named {sheet!r}; the sheets are {', '.join(book.sheetnames)}"
            )
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        numbered = [
            (n, tuple(row)) for n, row in enumerate(ws.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _table(path, numbered)


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The table in a ``.csv`` or ``.xlsx`` file (the first sheet unless ``sheet`` is named)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ObservationFileError(f"{path}: no such file")
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, sheet)
    raise ObservationFileError(
        f"{path}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx"
    )


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Write a table as ``.csv`` or ``.xlsx`` (by suffix): for exports and test files."""
    if path.suffix.lower() in CSV_SUFFIXES:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(["" if c is None else c for c in row] for row in rows)
        return
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Observations"
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    book.save(path)
