"""Document segmentation: where each document of a pack starts and what kind it is.

A document starts at a marker line: "Public Document Pack" or an AGENDA heading (agenda
front sheet), a minutes heading ("Meeting Minutes", "... MINUTES OF THE MEETING HELD
ON ...") or a headerless "Present:" list, an action-tracker header row, a report cover
sheet ("DECISION-MAKER:", "Title of meeting:", "Report to:"), an "Appendix N" heading,
or a decision record. "Agenda Item N" stamps carry the item number to what follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quorate.core.packtext.model import DocumentKind
from quorate.core.packtext.normalise import Line

_PACK = re.compile(r"^(?:public|supplementary)?\s*document pack$|^agenda( front sheet)?$", re.I)
_AGENDA_STAMP = re.compile(r"^agenda item(?:\s+(\S{1,12}))?$", re.I)
_MINUTES = re.compile(
    r"^(?:meeting\s+minutes\b|minutes\s+of\s+(?:a|the)\s+(?!previous)(?:\w+\s+)?meeting\b"
    r"|minutes\s*:|(?:draft\s+|unconfirmed\s+|confirmed\s+)?minutes$)",
    re.I,
)
_MINUTES_UPPER = re.compile(r"^[A-Z][A-Z &,'\-]{5,} MINUTES\b")
_COVER = re.compile(r"^(?:decision[- ]maker\b|title of meeting\s*:|report to\s*:)", re.I)
_BANNER = re.compile(r"^this item is for information only", re.I)
_APPENDIX = re.compile(r"^(?:appendix|annex|annexe)\s+([0-9]{1,2}|[A-Z])\b[.:]?(.{0,90})$", re.I)
_DECISION = re.compile(
    r"^(?:record of (?:the )?(?:executive |officer )?decision|decision notice|decision record)",
    re.I,
)
_PRESENT = re.compile(r"^present\s*:", re.I)
_TRACKER_WORDS = {
    "action": "action",
    "actions": "action",
    "lead": "owner",
    "owner": "owner",
    "responsible": "owner",
    "deadline": "deadline",
    "due": "deadline",
    "progress": "status",
    "status": "status",
    "update": "status",
    "subject": "subject",
}


@dataclass(frozen=True)
class Segment:
    kind: DocumentKind
    start: int  # index into the line list
    end: int  # exclusive
    agenda_item: str | None = None


def is_tracker_header(line: Line) -> bool:
    """A table header row naming at least three of action, owner, deadline, progress."""
    if len(line.filled) < 4:
        return False
    found = set()
    for cell in line.filled:
        for word in re.findall(r"[a-z]+", cell.lower()):
            if word in _TRACKER_WORDS:
                found.add(_TRACKER_WORDS[word])
    return len(found & {"action", "owner", "deadline", "status"}) >= 3


def _next_filled(lines: Sequence[Line], i: int, limit: int) -> list[int]:
    out: list[int] = []
    j = i + 1
    while j < len(lines) and len(out) < limit:
        if not lines[j].blank:
            out.append(j)
        j += 1
    return out


def _marker(lines: Sequence[Line], i: int) -> DocumentKind | None:
    line = lines[i]
    text = line.text
    if not text or len(text) > 160:
        return None
    first = line.filled[0]
    if _COVER.match(text):
        return "report"
    if is_tracker_header(line):
        return "action_tracker"
    if _DECISION.match(text):
        return "decision_record"
    if _PACK.match(text):
        return "agenda"
    if (_MINUTES.match(text) or _MINUTES_UPPER.match(text)) and not re.match(r"^\d", first):
        ahead = " ".join(lines[j].text for j in _next_filled(lines, i, 14)).lower()
        if "present" in ahead or "held on" in ahead or "held on" in text.lower():
            return "minutes"
    if _APPENDIX.match(text) and not line.tabbed:
        return "appendix"
    return None


def segment(lines: Sequence[Line]) -> list[Segment]:
    """Split ``lines`` into documents, in order; blank stretches belong to the previous one."""
    starts: list[tuple[int, DocumentKind, str | None]] = []
    pending_item: tuple[int, str | None] | None = None
    current: DocumentKind | None = None
    current_label = ""
    for i, line in enumerate(lines):
        if line.blank:
            continue
        stamp = _AGENDA_STAMP.match(line.text)
        if stamp:
            pending_item = (i, stamp.group(1))
            continue
        kind = _marker(lines, i)
        if kind is None and current not in ("minutes",) and _PRESENT.match(line.text):
            kind = "minutes"
        if kind in ("agenda", "action_tracker") and current == kind:
            kind = None  # a repeated heading or a table header repeated on the next page
        if kind == "appendix":
            label = _APPENDIX.match(line.text).group(1).lower()  # type: ignore[union-attr]
            if current == "appendix" and label == current_label and pending_item is None:
                kind = None
            else:
                current_label = label
        if (
            kind == "report"
            and starts
            and _BANNER.match(lines[starts[-1][0]].text)
            and starts[-1][1] == "report"
            and i - starts[-1][0] < 8
        ):
            kind = None  # the banner above a Portsmouth cover sheet already opened this report
        if kind is None and _BANNER.match(line.text) and current != "report":
            ahead = [lines[j].text for j in _next_filled(lines, i, 4)]
            if any(_COVER.match(t) for t in ahead):
                kind = "report"
        if kind is None:
            if pending_item is not None and i - pending_item[0] > 12:
                starts.append((pending_item[0], "other", pending_item[1]))
                current = "other"
                pending_item = None
            continue
        start, item = i, None
        if pending_item is not None:
            start, item = pending_item
            pending_item = None
        if kind == "action_tracker":
            prev = [j for j in range(max(0, i - 3), i) if not lines[j].blank]
            if (
                prev
                and re.search(r"tracker|action log|actions log", lines[prev[-1]].text.lower())
                and (not starts or prev[-1] > starts[-1][0])
            ):
                start = min(start, prev[-1])
        starts.append((start, kind, item))
        current = kind
    if pending_item is not None:
        starts.append((pending_item[0], "other", pending_item[1]))
    if not starts or any(not lines[j].blank for j in range(0, starts[0][0])):
        first_kind: DocumentKind = "other"
        head = " ".join(line.text for line in lines[: starts[0][0] if starts else len(lines)])
        if re.search(r"(?m)\bAGENDA\b", head) or re.search(r"\bItem For\b", head):
            first_kind = "agenda"
        starts.insert(0, (0, first_kind, None))
    segments: list[Segment] = []
    for n, (start, kind, item) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        if end > start:
            segments.append(Segment(kind=kind, start=start, end=end, agenda_item=item))
    return segments
