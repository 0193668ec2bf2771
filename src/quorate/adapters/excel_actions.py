"""The action tracker as an Excel workbook, in the seed's column layout (seed 001).

Columns: Agenda Number, Date of meeting, Subject, Action, Lead, Deadline, Progress.
:func:`write_tracker` builds a workbook (bytes), neutralising formula injection: a text
cell starting with ``= + - @``, a tab or a carriage return is prefixed with a quote so a
spreadsheet shows it as text instead of running it. :func:`read_tracker` reads one back
into plain :class:`TrackerRow` values, undoing that prefix, and raises
:class:`TrackerImportError` listing every problem by row and column; it never touches the
database. This is the only module that imports openpyxl for the tracker.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from quorate.core.fuzzy_dates import parse_written_date

COLUMNS = (
    "Agenda Number",
    "Date of meeting",
    "Subject",
    "Action",
    "Lead",
    "Deadline",
    "Progress",
)
REQUIRED = ("Date of meeting", "Action")
# Longest text each column may hold (the database's limits), so a bad file fails here.
MAX_LENGTH = {"Agenda Number": 30, "Subject": 300, "Lead": 200, "Deadline": 40}
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_PROGRESS_LINE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{2,4})\s*[-–:]\s*(.+?)\s*$")
_HEADER_SCAN_ROWS = 10


def neutralise(value: str) -> str:
    """Prefix a quote to text a spreadsheet would take as a formula."""
    return "'" + value if value.startswith(DANGEROUS_START) else value


def _unneutralise(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(DANGEROUS_START):
        return value[1:]
    return value


@dataclass(frozen=True)
class TrackerRow:
    """One action as the tracker lists it. ``row`` is the spreadsheet row (for messages)."""

    agenda_number: str
    meeting_date: dt.date
    subject: str
    action: str
    lead: str
    deadline: str
    progress: tuple[ProgressEntry, ...] = ()
    row: int = 0


@dataclass(frozen=True)
class ProgressEntry:
    """A line of the Progress column: '08/02/2018 - Ongoing' (dated) or 'Complete'."""

    on: dt.date | None
    status: str
    as_written: str


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class TrackerImportError(ValueError):
    """The workbook cannot be imported; ``errors`` says where and why, one per problem."""

    def __init__(self, errors: Iterable[CellError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


# --- writing ----------------------------------------------------------------------------


def format_progress(entries: Iterable[ProgressEntry]) -> str:
    lines = []
    for e in entries:
        if e.as_written:
            lines.append(e.as_written)
        elif e.on is not None:
            lines.append(f"{e.on:%d/%m/%Y} - {e.status}")
        else:
            lines.append(e.status)
    return "\n".join(lines)


def write_tracker(rows: Iterable[TrackerRow], *, title: str) -> bytes:
    """A workbook with a title row, the header row and one row per action."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Action Tracker"
    sheet.append([neutralise(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(COLUMNS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append(
            [
                neutralise(r.agenda_number),
                r.meeting_date,
                neutralise(r.subject),
                neutralise(r.action),
                neutralise(r.lead),
                neutralise(r.deadline),
                neutralise(format_progress(r.progress)),
            ]
        )
        line = sheet.max_row
        sheet.cell(line, 2).number_format = "DD/MM/YYYY"
        for col in (3, 4, 7):
            sheet.cell(line, col).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFG", (10, 14, 30, 60, 14, 10, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading ----------------------------------------------------------------------------


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _unneutralise(str(value)).strip()


def _find_header(rows: list[tuple[object, ...]]) -> tuple[int, dict[str, int]] | None:
    wanted = {_norm(c): c for c in COLUMNS}
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        found = {wanted[_norm(v)]: i for i, v in enumerate(row) if _norm(v) in wanted}
        if "Action" in found and "Date of meeting" in found:
            return index, found
    return None


def _meeting_date(value: object) -> dt.date | str:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return "is required"
    written = parse_written_date(text)
    if written is None or written.is_month:
        return f"{text!r} is not a date (write it like 08/03/2018)"
    return written.date


def _deadline(value: object, number_format: str) -> str | CellError:
    """The deadline as text the services read: 'Apr-18' (a month) or '30/04/2018'."""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        month_only = "d" not in number_format.lower() and "m" in number_format.lower()
        return f"{day:%b-%y}" if month_only else f"{day:%d/%m/%Y}"
    text = _text(value)
    if text and parse_written_date(text) is None:
        return CellError(
            0,
            "Deadline",
            f"{text!r} is not a date (like 30/04/2018) or a month (like Apr-18); "
            "leave it blank if there is none",
        )
    return text


def _progress(text: str) -> tuple[ProgressEntry, ...] | str:
    entries = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if m := _PROGRESS_LINE.match(line):
            written = parse_written_date(m[1])
            if written is None:
                return f"{m[1]!r} in {line!r} is not a date"
            entries.append(ProgressEntry(written.date, m[2], line))
        else:
            entries.append(ProgressEntry(None, line, line))
    return tuple(entries)


def read_tracker(data: bytes) -> list[TrackerRow]:
    """Every action in the first sheet; raises :class:`TrackerImportError` on any problem."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TrackerImportError(
            [CellError(1, "", f"the file is not an Excel workbook (.xlsx): {exc}")]
        ) from exc
    sheet = book.worksheets[0]
    cells = [tuple(row) for row in sheet.iter_rows()]
    book.close()
    values = [tuple(c.value for c in row) for row in cells]
    header = _find_header(values)
    if header is None:
        raise TrackerImportError(
            [
                CellError(
                    1,
                    "",
                    "no header row found: the tracker needs the columns "
                    + ", ".join(COLUMNS)
                    + f" in one of the first {_HEADER_SCAN_ROWS} rows",
                )
            ]
        )
    header_index, columns = header
    errors: list[CellError] = []
    out: list[TrackerRow] = []
    for index in range(header_index + 1, len(values)):
        row_no = index + 1
        row = values[index]
        if all(_text(v) == "" for v in row):
            continue

        def get(column: str, row: tuple[object, ...] = row) -> object:
            i = columns.get(column)
            return row[i] if i is not None and i < len(row) else None

        def fmt(column: str, index: int = index) -> str:
            i = columns.get(column)
            if i is None or i >= len(cells[index]):
                return ""
            return str(getattr(cells[index][i], "number_format", "") or "")

        row_errors: list[CellError] = []
        meeting_date = _meeting_date(get("Date of meeting"))
        if isinstance(meeting_date, str):
            row_errors.append(CellError(row_no, "Date of meeting", meeting_date))
        action = _text(get("Action"))
        if not action:
            row_errors.append(CellError(row_no, "Action", "is required"))
        deadline = _deadline(get("Deadline"), fmt("Deadline"))
        if isinstance(deadline, CellError):
            row_errors.append(CellError(row_no, deadline.column, deadline.message))
            deadline = ""
        progress = _progress(_text(get("Progress")))
        if isinstance(progress, str):
            row_errors.append(CellError(row_no, "Progress", progress))
            progress = ()
        texts = {c: _text(get(c)) for c in ("Agenda Number", "Subject", "Lead")}
        texts["Deadline"] = deadline
        for column, limit in MAX_LENGTH.items():
            if len(texts[column]) > limit:
                row_errors.append(
                    CellError(
                        row_no, column, f"is {len(texts[column])} characters (at most {limit})"
                    )
                )
        if row_errors or isinstance(meeting_date, str):
            errors.extend(row_errors)
            continue
        out.append(
            TrackerRow(
                agenda_number=texts["Agenda Number"],
                meeting_date=meeting_date,
                subject=texts["Subject"],
                action=action,
                lead=texts["Lead"],
                deadline=deadline,
                progress=progress,
                row=row_no,
            )
        )
    if errors:
        raise TrackerImportError(errors)
    return out
