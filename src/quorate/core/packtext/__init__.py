"""Board-paper parsing: the text of a pack or paper in, structured documents out.

Pure: no I/O. Give it page texts (a PDF's pages) or a whole text; get a frozen
:class:`~quorate.core.packtext.model.Pack` back, and :func:`to_json` for the
``quorate-pack/1`` JSON. ``docs/parsing.md`` describes every field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from quorate.core.packtext.common import Sink
from quorate.core.packtext.cover import parse_report
from quorate.core.packtext.frontsheet import parse_agenda
from quorate.core.packtext.minutes import parse_minutes
from quorate.core.packtext.model import (
    Action,
    AgendaItem,
    Contact,
    Document,
    Meeting,
    MinutesItem,
    Pack,
    ParseWarning,
    Person,
    Report,
)
from quorate.core.packtext.normalise import Line, normalise
from quorate.core.packtext.segment import Segment, segment
from quorate.core.packtext.serialise import SCHEMA, to_json
from quorate.core.packtext.tracker import parse_tracker

__all__ = [
    "SCHEMA",
    "Action",
    "AgendaItem",
    "Contact",
    "Document",
    "Meeting",
    "MinutesItem",
    "Pack",
    "ParseWarning",
    "Person",
    "Report",
    "parse_pages",
    "parse_text",
    "to_json",
]


def _titled(kind: str, lines: Sequence[Line]) -> str | None:
    rows = [
        line.text
        for line in lines
        if not line.blank and not re.match(r"(?i)^agenda item", line.text)
    ]
    if not rows:
        return None
    title = rows[0]
    if (
        kind == "appendix"
        and len(rows) > 1
        and len(title.split()) <= 3
        and len(rows[1]) <= 120
        and rows[1] != title
    ):
        title = f"{title} - {rows[1]}"
    return title[:200]


def _parse_segment(seg: Segment, lines: Sequence[Line], sink: Sink) -> Document:
    part = lines[seg.start : seg.end]
    if seg.kind == "agenda":
        doc = parse_agenda(part, sink)
    elif seg.kind == "minutes":
        doc = parse_minutes(part, sink)
    elif seg.kind == "action_tracker":
        doc = parse_tracker(part, sink)
    elif seg.kind == "report":
        doc = parse_report(part, sink, seg.agenda_item)
    else:
        doc = Document(kind=seg.kind, title=_titled(seg.kind, part))
    used = [line.no for line in part if not line.blank] or [part[0].no]
    return replace(
        doc, line_start=used[0], line_end=used[-1], agenda_item=seg.agenda_item or doc.agenda_item
    )


def parse_pages(pages: Sequence[str], *, file: str, pdf: bool = False) -> Pack:
    """Parse page texts (one string per page). ``pdf`` marks pages as real PDF pages, so
    warnings cite page numbers and ``Pack.pages`` is set."""
    sink = Sink()
    lines = normalise(pages, numbered_pages=pdf)
    documents: list[Document] = []
    if all(line.blank for line in lines):
        sink.warn(None, "no text found")
    else:
        for seg in segment(lines):
            if all(line.blank for line in lines[seg.start : seg.end]):
                continue
            try:
                documents.append(_parse_segment(seg, lines, sink))
            except (ValueError, IndexError, KeyError, AttributeError) as exc:  # pragma: no cover
                first = lines[seg.start]
                sink.warn(first, f"could not parse this {seg.kind}: {type(exc).__name__}: {exc}")
                documents.append(
                    Document(kind="other", line_start=first.no, line_end=lines[seg.end - 1].no)
                )
    return Pack(
        file=file,
        documents=tuple(documents),
        warnings=tuple(sink.items),
        pages=len(pages) if pdf else None,
    )


def parse_text(text: str, *, file: str) -> Pack:
    """Parse the text of a ``.txt`` extraction; form feeds, if any, separate pages."""
    return parse_pages(text.split("\f") if "\f" in text else [text], file=file)
