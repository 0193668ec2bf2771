"""Action tracker tables: columns found by their header words, rows kept as written."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quorate.core.packtext.common import Sink
from quorate.core.packtext.dates import month_end, parse_date
from quorate.core.packtext.model import Action, Document
from quorate.core.packtext.normalise import Line
from quorate.core.packtext.segment import is_tracker_header

_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("agenda_number", ("agenda number", "agenda no", "item no", "item", "ref", "no.", "number")),
    ("meeting_date", ("date of meeting", "meeting date", "date raised", "date")),
    ("subject", ("subject", "title", "topic")),
    ("text", ("action",)),
    ("owner", ("lead", "owner", "responsible", "by whom", "who")),
    ("deadline", ("deadline", "due date", "due", "target date", "by when")),
    ("status", ("progress", "status", "update", "comments")),
)


def _column(cell: str) -> str | None:
    low = cell.lower().strip(" :")
    for key, names in _COLUMNS:
        if any(low == n or low.startswith(n + " ") for n in names):
            return key
    for key, names in _COLUMNS:
        if any(n in low for n in names):
            return key
    return None


def parse_tracker(lines: Sequence[Line], sink: Sink) -> Document:
    title: str | None = None
    header_at = next((i for i, line in enumerate(lines) if is_tracker_header(line)), None)
    if header_at is None:
        sink.warn(lines[0] if lines else None, "action tracker: no header row")
        return Document(kind="action_tracker")
    before = [line for line in lines[:header_at] if not line.blank]
    if before:
        title = before[-1].text
    header = lines[header_at]
    columns = [_column(c) for c in header.cells]
    width = len(header.cells)
    rows: list[tuple[Line, list[str]]] = []
    for line in lines[header_at + 1 :]:
        if line.blank:
            if rows:
                continue
            continue
        if is_tracker_header(line):
            continue  # a header repeated on the next page
        if not line.tabbed:
            if rows:
                break
            continue
        cells = list(line.cells) + [""] * (width - len(line.cells))
        if len(cells) > width:
            sink.warn(line, f"action tracker row has {len(cells)} cells, header has {width}")
        date_col = columns.index("meeting_date") if "meeting_date" in columns else None
        continuation = (
            rows
            and date_col is not None
            and not cells[date_col]
            and sum(bool(c) for c in cells) <= 2
        )
        if continuation:
            prev = rows[-1][1]
            for k, cell in enumerate(cells[:width]):
                if cell:
                    prev[k] = f"{prev[k]} {cell}".strip()
            continue
        rows.append((line, cells))
    actions = []
    for line, cells in rows:
        values: dict[str, str | None] = {}
        for k, key in enumerate(columns):
            if key and k < len(cells):
                values[key] = cells[k] or None
        text = values.get("text")
        if not text:
            sink.warn(line, "action tracker row without action text")
            continue
        deadline = values.get("deadline")
        deadline_date = month_end(deadline) if deadline else None
        if deadline and deadline_date is None:
            sink.warn(line, f"deadline {deadline!r} is not a date")
        meeting_date = (
            parse_date(values["meeting_date"] or "") if values.get("meeting_date") else None
        )
        actions.append(
            Action(
                text=text,
                owner=values.get("owner"),
                deadline=deadline,
                deadline_date=deadline_date,
                status=values.get("status"),
                agenda_number=values.get("agenda_number"),
                meeting_date=meeting_date,
                subject=values.get("subject"),
                line=line.no,
            )
        )
    if not actions:
        sink.warn(header, "action tracker: header found but no rows")
    if title and re.match(r"^\d", title):
        title = None
    return Document(kind="action_tracker", title=title, actions=tuple(actions))
