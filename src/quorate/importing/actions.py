"""Actions: the action tracker's rows with their dated progress log, and the Action column
of minutes (those the tracker does not already carry)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from quorate.core.fuzzy_dates import parse_written_date
from quorate.core.packtext import Document
from quorate.core.packtext.model import Action as ParsedAction
from quorate.governance import services as gov
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import Body, Meeting
from quorate.importing import matching
from quorate.importing.context import FileImport
from quorate.importing.meetings import find_meeting, title_words
from quorate.importing.minutes import PendingAction
from quorate.people.models import Person
from quorate.proceedings import tracker
from quorate.proceedings.models import Action, ActionUpdate, Attendance, Minute

_PROGRESS = re.compile(
    r"(\d{1,2}/\d{1,2}/\d{2,4})\s*[-–:]\s*(.+?)(?=\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[-–:]|$)", re.S
)


@dataclass(frozen=True)
class Progress:
    on: dt.date | None
    status: str
    as_written: str


def progress_entries(text: str | None) -> list[Progress]:
    """'08/02/2018 - Ongoing' -> a dated entry; 'Complete - No further action needed' ->
    one undated entry. Several dated entries in one cell are kept apart, oldest first."""
    if not text or not text.strip():
        return []
    text = " ".join(text.split())
    entries = []
    for when, status in _PROGRESS.findall(text):
        written = parse_written_date(when)
        if written is not None:
            entries.append(Progress(written.date, status.strip(), f"{when} - {status.strip()}"))
    if not entries:
        return [Progress(None, text, text)]
    return sorted(entries, key=lambda e: e.on or dt.date.min)


def _known_at(meeting: Meeting, fi: FileImport) -> dict[str, Person]:
    rows = Attendance.objects.filter(meeting=meeting).select_related("person")
    known = matching.known_people(
        [(a.person.display_name, a.initials_as_recorded, a.person) for a in rows]
    )
    for key, who in fi.known_by_body.get(meeting.body_id, {}).items():
        known.setdefault(key, who)
    return known


def _minute_for(meeting: Meeting, row: ParsedAction) -> Minute | None:
    """The minute a tracker row comes from: by agenda number, else by its subject."""
    minutes = list(Minute.objects.filter(meeting=meeting))
    if row.agenda_number:
        hit = [m for m in minutes if m.number == row.agenda_number]
        if len(hit) == 1:
            return hit[0]
    if row.subject:
        words = title_words(row.subject)
        hit = [m for m in minutes if words and words <= title_words(m.title)]
        if len(hit) == 1:
            return hit[0]
    return None


def store_tracker(doc: Document, fi: FileImport, *, main: bool) -> None:
    body = _tracker_body(doc, fi, main=main)
    if body is None:
        fi.warn(doc.line_start, "the action tracker's body is not clear: not stored (use --body)")
        return
    for row in doc.actions:
        line = row.line or doc.line_start
        meeting = _row_meeting(row, body, fi, line)
        if meeting is None:
            continue
        deadline_text = (row.deadline or "")[:40]
        deadline = None
        if deadline_text and parse_written_date(deadline_text) is None:
            deadline = row.deadline_date
        entries = progress_entries(row.status)
        leads = matching.owners(row.owner, _known_at(meeting, fi), fi, line=line)
        minute = _minute_for(meeting, row)
        action = fi.track(
            "actions",
            Action,
            partial(
                tracker.raise_action,
                meeting,
                text=row.text,
                leads=leads,
                lead_text=(row.owner or "")[:200],
                deadline_text=deadline_text,
                deadline=deadline,
                status=entries[-1].status if entries else "Ongoing",
                subject=(row.subject or "")[:300],
                agenda_number=(row.agenda_number or "")[:30],
                minute=minute,
                actor=fi.actor,
            ),
        )
        for entry in entries:
            on = entry.on or fi.pack_date
            if on is None:
                continue
            fi.track(
                "action updates",
                ActionUpdate,
                partial(
                    tracker.update_action,
                    action,
                    on=on,
                    status=entry.status[:100],
                    progress_as_written=entry.as_written[:500],
                    actor=fi.actor,
                ),
            )


def _tracker_body(doc: Document, fi: FileImport, *, main: bool) -> Body | None:
    if fi.body_override is not None:
        return fi.body_override
    if fi.own_meeting is not None:
        return fi.own_meeting.body
    printed = (doc.meeting.body_name if doc.meeting else None) or doc.title
    if printed:
        printed = re.sub(r"(?i)\s*[-–]?\s*action\s+(?:tracker|log)\s*$", "", printed)
    return matching.body_for(printed or None, fi, line=doc.line_start, main=main)


def _row_meeting(row: ParsedAction, body: Body, fi: FileImport, line: int | None) -> Meeting | None:
    day = row.meeting_date
    if day is None:
        earlier = [m for m in fi.meetings_touched if m.body_id == body.pk and m != fi.own_meeting]
        if len(earlier) == 1:
            return earlier[0]
        fi.warn(line, f"tracker row {row.text[:40]!r} names no meeting: not stored")
        return None
    meeting = find_meeting(body, day)
    if meeting is None:
        fi.warn(
            line,
            f"the tracker names a meeting of {body} on {day:%-d %B %Y} that is not otherwise "
            "recorded: recorded it as held",
        )
        meeting = fi.track(
            "meetings",
            Meeting,
            lambda: gov.schedule_meeting(body, date=day, status=MeetingStatus.HELD, actor=fi.actor),
        )
    fi.touch(meeting)
    return meeting


def store_minute_actions(pending: list[PendingAction], fi: FileImport) -> None:
    """Raise the minutes' actions, except those a tracker row already carries (same
    minute, same people)."""
    for p in pending:
        line = p.action.line
        leads = matching.owners(p.action.owner, p.known, fi, line=line)
        others = Action.objects.filter(meeting=p.meeting, minute=p.minute).exclude(
            text=p.action.text
        )
        carried = set(Person.objects.filter(actions__in=others))
        if leads and set(leads) <= carried:
            continue
        deadline_text = (p.action.deadline or "")[:40]
        fi.track(
            "actions",
            Action,
            partial(
                tracker.raise_action,
                p.meeting,
                text=p.action.text,
                leads=leads,
                lead_text=(p.action.owner or "")[:200],
                deadline_text=deadline_text,
                deadline=None if parse_written_date(deadline_text) else p.action.deadline_date,
                status=p.action.status or "Ongoing",
                agenda_number=p.minute.number,
                minute=p.minute,
                actor=fi.actor,
            ),
        )
