"""Minutes of an earlier meeting found in a pack: the meeting is held; attendance, draft
minutes, resolutions and declarations are recorded; an approval of still earlier minutes
is recorded where the text makes it unambiguous."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Any

from quorate.core.fuzzy_dates import parse_written_date
from quorate.core.packtext import Document, MinutesItem
from quorate.core.packtext.model import Action as ParsedAction
from quorate.governance import services as gov
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import AgendaItem, Meeting
from quorate.importing import matching
from quorate.importing.context import FileImport
from quorate.importing.meetings import _time, at_start_of, find_meeting, meeting_for
from quorate.people.models import Person
from quorate.people.services import split_name
from quorate.proceedings import services as proc
from quorate.proceedings.enums import AttendanceMode, AttendanceStatus, DeclarationKind
from quorate.proceedings.models import (
    Attendance,
    Declaration,
    Minute,
    MinutesApproval,
    Resolution,
)

_STATUS = {
    "present": AttendanceStatus.PRESENT,
    "substitute": AttendanceStatus.PRESENT,
    "in_attendance": AttendanceStatus.IN_ATTENDANCE,
    "observer": AttendanceStatus.IN_ATTENDANCE,
    "apologies": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
}
_APPROVAL = re.compile(
    r"(?i)(agreed as an accurate (?:reflection|record)|approved and signed as a (?:correct|true) "
    r"record|(?:confirmed|approved|agreed) as a (?:correct|true|accurate) record)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\s+\d{{4}}\b", re.I)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass(frozen=True)
class PendingAction:
    """A minute's action, stored after the pack's tracker (which may already hold it)."""

    meeting: Meeting
    minute: Minute
    action: ParsedAction
    known: dict[str, Person]


def store_minutes(doc: Document, fi: FileImport, *, main: bool) -> list[PendingAction]:
    m = doc.meeting
    if m is None or m.date is None:
        fi.warn(doc.line_start, "minutes with no meeting date: not stored")
        return []
    printed = m.body_name or doc.title
    body = matching.body_for(printed, fi, line=doc.line_start, main=main)
    if body is None:
        fi.warn(doc.line_start, "minutes that name no body: not stored (use --body)")
        return []
    fields: dict[str, Any] = {
        "start_time": _time(m.start_time),
        "end_time": _time(m.end_time),
        "venue": (m.venue or "")[:300],
    }
    fields = {k: v for k, v in fields.items() if v not in ("", None)}
    if m.public is not None:
        fields["is_public"] = m.public
    title = matching.tidy_name(printed) if matching.is_shadow(printed) else ""
    existing = find_meeting(body, m.date, title)
    if existing is None or existing.status in {
        MeetingStatus.SCHEDULED,
        MeetingStatus.AGENDA_PUBLISHED,
    }:
        fields["status"] = MeetingStatus.HELD
    meeting = meeting_for(fi, body, m.date, printed=printed, fields=fields, authoritative=True)
    approval = MinutesApproval.objects.filter(meeting=meeting).first()
    if approval is not None and approval.is_frozen:
        fi.warn(
            doc.line_start,
            f"the minutes of {meeting} are approved and frozen: left as they are",
        )
        return []
    known = _attendance(doc, fi, meeting)
    fi.known_by_body[body.pk] = known
    pending: list[PendingAction] = []
    for index, item in enumerate(doc.minutes_items, start=1):
        minute = _minute(item, index, fi, meeting)
        pending.extend(PendingAction(meeting, minute, a, known) for a in item.actions)
    if fi.pack_date is not None:
        published_at = at_start_of(fi.pack_date)
        fi.track(
            "draft minutes published",
            MinutesApproval,
            lambda: proc.publish_draft_minutes(meeting, at=published_at, actor=fi.actor),
        )
    return pending


def _attendance(doc: Document, fi: FileImport, meeting: Meeting) -> dict[str, Person]:
    pairs: list[tuple[str, str, Person]] = []
    before = list(Attendance.objects.filter(meeting=meeting).select_related("person"))
    matching.learn_organisations([p.organisation for p in doc.attendance], fi, line=doc.line_start)
    for p in doc.attendance:
        status = _STATUS.get(p.status)
        _, _, family = split_name(p.name)
        line = fi.locate(family or p.name, doc.line_start, doc.line_end)
        if status is None:
            continue
        org = matching.organisation(p.organisation, fi, who=p.name, line=line)
        who = matching.person(
            p.name,
            fi,
            line=line,
            initials=p.initials or "",
            job_title=p.role or "",
            organisation=org,
        )
        if who is None:
            continue
        if org is None and who.organisation is None:
            fi.warn(line, f"attendee {p.name!r} has no organisation")
        substitute_for = None
        if p.substitute_for:
            substitute_for = matching.person(p.substitute_for, fi, line=line)
            if substitute_for == who:
                substitute_for = None
        fields = {
            "mode": AttendanceMode.REMOTE if p.mode == "remote" else AttendanceMode.IN_PERSON,
            "substitute_for": substitute_for,
            "organisation": org,
            "title_as_recorded": (p.role or "")[:300],
            "initials_as_recorded": (p.initials or "")[:40],
            "organisation_as_recorded": (p.organisation or "")[:200],
            "items_note": (p.items or "")[:200],
        }
        fi.track(
            "attendance",
            Attendance,
            partial(
                proc.record_attendance,
                meeting,
                person=who,
                status=status,
                actor=fi.actor,
                **fields,
            ),
        )
        pairs.append((p.name, p.initials or "", who))
    listed = {who.pk for _, _, who in pairs}
    for row in before:
        if row.person_id not in listed:
            # re-issued minutes without an apology or attendee: not removed (a clerk may
            # have recorded it), but said
            fi.warn(
                doc.line_start,
                f"{row.person} ({row.get_status_display().lower()}) is recorded at {meeting} "
                "but not in these minutes: left as it is (remove it in the back office if "
                "it was wrong)",
            )
    return matching.known_people(pairs)


def _labels(text: str, count: int) -> list[str]:
    """The printed labels of a RESOLVED block's parts ('i', 'ii' or 'a', 'b'), else i, ii..."""
    after = text[text.rfind("RESOLVED") :] if "RESOLVED" in text else text
    found = re.findall(r"(?m)^\s*(?:[-•]\s*)?\(?([ivx]{1,5}|[a-h])[.)]\s", after)
    if len(found) == count and len(set(found)) == count:
        return found
    return _ROMAN[:count] if count <= len(_ROMAN) else [str(n) for n in range(1, count + 1)]


def _minute(item: MinutesItem, index: int, fi: FileImport, meeting: Meeting) -> Minute:
    number = item.number or str(index)
    if item.number is None:
        fi.warn(item.line, f"minute {item.title!r} has no number: stored as {number}")
    agenda_item = AgendaItem.objects.filter(meeting=meeting, number=number).first()
    if agenda_item is None:  # no front sheet for this meeting: the minutes give its items
        agenda_item = fi.track(
            "agenda items",
            AgendaItem,
            lambda: gov.save_agenda_item(
                meeting, number=number, title=item.title[:500], actor=fi.actor
            ),
        )
    if item.exempt:
        fi.mark_exempt(
            agenda_item,
            item.exempt_paragraph,
            line=item.line,
            why=f"minute {number} follows the exclusion of the press and public",
        )
    taken = Minute.objects.filter(meeting=meeting, order=index).exclude(number=number).exists()
    minute = fi.track(
        "minutes",
        Minute,
        lambda: proc.draft_minute(
            meeting,
            number=number,
            title=item.title[:500],
            text=item.text or "",
            order=None if taken else index,
            agenda_item=agenda_item,
            actor=fi.actor,
        ),
    )
    for order, (label, text) in enumerate(
        zip(_labels(item.text or "", len(item.resolutions)), item.resolutions, strict=True),
        start=1,
    ):
        fi.track(
            "resolutions",
            Resolution,
            partial(
                proc.add_resolution, minute, label=label, text=text, order=order, actor=fi.actor
            ),
        )
    for declaration in item.declarations:
        who = matching.person(declaration.name, fi, line=item.line)
        if who is None:
            continue
        nature = declaration.interest or "declared an interest"
        low = nature.lower()
        kind = (
            DeclarationKind.PECUNIARY
            if "pecuniary" in low
            else DeclarationKind.CONFLICT
            if "conflict" in low
            else DeclarationKind.OTHER
        )
        fi.track(
            "declarations",
            Declaration,
            partial(
                proc.record_declaration,
                meeting,
                person=who,
                kind=kind,
                nature=nature,
                actor=fi.actor,
                # a declaration minuted in private is withheld with its item
                **({"agenda_item": agenda_item} if item.exempt else {}),
            ),
        )
    _approval(item, fi, meeting)
    return minute


def _approval(item: MinutesItem, fi: FileImport, meeting: Meeting) -> None:
    """'The minutes ... dated 16 February 2023 were agreed as an accurate reflection':
    approve those minutes, if that meeting is recorded and the date is unambiguous."""
    text = " ".join([item.text or "", *item.resolutions])
    said = _APPROVAL.search(text)
    if said is None:
        return
    days = set()
    for found in _DATE.findall(text):
        written = parse_written_date(found)
        if written is not None and written.date < meeting.date:
            days.add(written.date)
    if len(days) != 1:
        fi.warn(
            item.line,
            f"minute {item.number}: minutes were approved but which meeting's is not clear: "
            "no approval recorded",
        )
        return
    day = days.pop()
    earlier = find_meeting(meeting.body, day)
    if earlier is None or not Minute.objects.filter(meeting=earlier).exists():
        fi.warn(
            item.line,
            f"minute {item.number} approves the minutes of {meeting.body} of {day:%-d %B %Y}, "
            "which are not recorded: no approval stored",
        )
        return
    fi.track(
        "minutes approvals",
        MinutesApproval,
        lambda: proc.approve_minutes(
            earlier,
            at_meeting=meeting,
            approved_on=meeting.date,
            text=said.group(1),
            actor=fi.actor,
        ),
    )
