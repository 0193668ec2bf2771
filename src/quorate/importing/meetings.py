"""Meetings from a pack: the agenda front sheet (the pack's own meeting, published) and the
minutes of earlier meetings (held, with draft minutes, attendance and resolutions)."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from quorate.core.packtext import Document
from quorate.core.packtext.model import AgendaItem as ParsedItem
from quorate.governance import services as gov
from quorate.governance.enums import Attachment, MeetingStatus
from quorate.governance.models import AgendaItem, Body, Meeting
from quorate.importing import matching
from quorate.importing.context import FileImport

LONDON = ZoneInfo("Europe/London")
_ROLE_WORDS = frozenset(
    [
        "chair",
        "chairman",
        "vice",
        "director",
        "officer",
        "head",
        "manager",
        "board",
        "council",
        "team",
        "lead",
        "service",
        "services",
        "executive",
        "member",
        "members",
        "clerk",
        "secretary",
        "all",
        "various",
        "tbc",
    ]
)


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def at_start_of(day: dt.date) -> dt.datetime:
    """A printed date as a moment: the start of that day in Europe/London."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=LONDON)


def find_meeting(body: Body, date: dt.date, title: str = "") -> Meeting | None:
    found = list(Meeting.objects.filter(body=body, date=date).order_by("id"))
    exact = [m for m in found if m.title == title]
    if exact:
        return exact[0]
    return found[0] if len(found) == 1 else None


def meeting_for(
    fi: FileImport,
    body: Body,
    date: dt.date,
    *,
    printed: str | None,
    fields: dict[str, Any],
    authoritative: bool,
) -> Meeting:
    """Schedule (or update) the body's meeting on ``date``. A source that is not
    authoritative for an existing meeting only fills in what is blank."""
    title = matching.tidy_name(printed) if matching.is_shadow(printed) else ""
    existing = find_meeting(body, date, title)
    if existing is not None:
        title = existing.title
        if not authoritative:
            fields = {k: v for k, v in fields.items() if getattr(existing, k) in ("", None)}
        if gov.minutes_approved(existing):
            # Its record is frozen: what this file says differently is reported, not stored.
            differ = sorted(k for k, v in fields.items() if getattr(existing, k) != v)
            if differ:
                fi.warn(
                    None,
                    f"{existing}: the minutes are approved, so the meeting's record is frozen; "
                    f"not changing {', '.join(differ)}",
                )
            fields = {k: v for k, v in fields.items() if k not in differ}
    meeting = fi.track(
        "meetings",
        Meeting,
        lambda: gov.schedule_meeting(body, date=date, title=title, actor=fi.actor, **fields),
    )
    fi.touch(meeting)
    return meeting


def _is_person_name(text: str) -> bool:
    words = text.replace(".", " ").split()
    if not 2 <= len(words) <= 4 or any(w.lower() in _ROLE_WORDS for w in words):
        return False
    return all(w[:1].isupper() for w in words) and text != text.upper()


def _item_fields(item: ParsedItem, fi: FileImport, order: int | None) -> dict[str, Any]:
    lead = (item.lead or "").strip()
    lead_person = None
    if lead and _is_person_name(lead):
        lead_person = matching.person(lead, fi, line=item.line)
    purposes = {p.lower() for p in item.purpose}
    written = (item.attachment or "").strip().lower()
    if item.to_follow:
        attachment = Attachment.TO_FOLLOW
    elif written in {"attached", "none"}:
        attachment = Attachment.ATTACHED if written == "attached" else Attachment.NONE
    else:
        attachment = Attachment.ATTACHED if item.pages else Attachment.NONE
    first, last = (item.pages.first, item.pages.last) if item.pages else (None, None)
    if first is not None and last is not None and last < first:
        fi.warn(item.line, f"item {item.number}: pages {first}-{last} run backwards: not stored")
        first = last = None
    exempt = item.exempt_paragraph if item.exempt_paragraph in range(1, 8) else None
    fields: dict[str, Any] = {
        "title": item.title[:500],
        "description": item.description or "",
        "lead_person": lead_person,
        "lead_text": "" if lead_person else lead[:200],
        "for_discussion": "discussion" in purposes,
        "for_decision": "decision" in purposes,
        "for_information": "information" in purposes,
        "attachment": attachment,
        "page_start": first,
        "page_end": last,
    }
    if exempt is not None:
        # never cleared by a pack: an item made exempt (by a report's statement, a minute
        # taken in private or a clerk) stays exempt until a clerk says otherwise
        fields["exempt_paragraph"] = exempt
    if order is not None:
        fields["order"] = order
    return fields


def store_agenda(doc: Document, fi: FileImport, *, main: bool) -> Meeting | None:
    """The pack's own meeting: details as printed, agenda published on the printed date."""
    m = doc.meeting
    if m is None or m.date is None:
        fi.warn(doc.line_start, "the agenda names no meeting date: not stored")
        return None
    printed = m.body_name or doc.title
    body = matching.body_for(printed, fi, line=doc.line_start, main=main)
    if body is None:
        fi.warn(doc.line_start, "the agenda names no body: not stored (use --body)")
        return None
    fields: dict[str, Any] = {
        "start_time": _time(m.start_time),
        "end_time": _time(m.end_time),
        "venue": (m.venue or "")[:300],
        "notes": "\n".join(m.notes),
        "publication_signatory": (doc.signatory or "")[:200],
    }
    if m.public is not None:
        fields["is_public"] = m.public
    if m.contact is not None and m.contact.name:
        c = m.contact
        fields["apologies_to"] = matching.person(
            c.name or "",
            fi,
            line=fi.locate(c.name or "", doc.line_start, doc.line_end),
            job_title=c.role or "",
            email=matching.valid_email(c.email),
            phone=c.phone or "",
        )
        parts = [
            c.role,
            f"Tel: {c.phone}" if c.phone else None,
            f"Email: {c.email}" if c.email else None,
        ]
        fields["apologies_contact"] = ", ".join(p for p in parts if p)[:300]
    title = matching.tidy_name(printed) if matching.is_shadow(printed) else ""
    existing = find_meeting(body, m.date, title)
    authoritative = existing is None or existing.status in {
        MeetingStatus.SCHEDULED,
        MeetingStatus.AGENDA_PUBLISHED,
    }
    meeting = meeting_for(
        fi, body, m.date, printed=printed, fields=fields, authoritative=authoritative
    )
    if fi.own_meeting is None:
        fi.own_meeting = meeting
    if doc.publication_date is not None:
        fi.pack_date = fi.pack_date or doc.publication_date
        at = at_start_of(doc.publication_date)
        if meeting.status == MeetingStatus.CANCELLED:
            fi.warn(doc.line_start, f"{meeting} is cancelled: its publication is not recorded")
        elif meeting.published_at != at:
            fi.track(
                "meetings", Meeting, lambda: gov.publish_agenda(meeting, at=at, actor=fi.actor)
            )
    _store_items(doc, fi, meeting)
    for member in doc.members:
        line = fi.locate(member.name.split()[-1], doc.line_start, doc.line_end)
        org = matching.organisation(member.organisation, fi, who=member.name, line=line)
        matching.person(member.name, fi, line=line, job_title=member.role or "", organisation=org)
    return meeting


def _store_items(doc: Document, fi: FileImport, meeting: Meeting) -> None:
    held = {i.number: i for i in AgendaItem.objects.filter(meeting=meeting)}
    orders = {i.order: i.number for i in held.values()}
    for index, item in enumerate(doc.agenda_items, start=1):
        number = item.number or str(index)
        if item.number is None:
            fi.warn(item.line, f"agenda item {item.title!r} has no number: stored as {number}")
        order: int | None = index
        if orders.get(index, number) != number:
            fi.warn(item.line, f"item {number}: place {index} is taken by item {orders[index]}")
            order = None if number not in held else held[number].order
        fields = _item_fields(item, fi, order)
        fi.track(
            "agenda items",
            AgendaItem,
            partial(gov.save_agenda_item, meeting, number=number, actor=fi.actor, **fields),
        )
    printed = {item.number or str(index) for index, item in enumerate(doc.agenda_items, start=1)}
    for number, old in sorted(held.items(), key=lambda kv: kv[1].order):
        if number not in printed:
            # a re-issued agenda without an item: not removed (it may hold minutes, reports
            # or a clerk's work), but said, so that a withdrawn item is not left unnoticed
            fi.warn(
                doc.line_start,
                f"item {number} {old.title!r} of {meeting} is not on this agenda: left as it "
                "is (remove it in the back office if it was withdrawn)",
            )


_WORDS = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "this",
        "that",
        "into",
        "update",
        "report",
        "paper",
        "of",
        "to",
        "on",
        "a",
        "an",
    ]
)


def title_words(text: str) -> set[str]:
    """A title's significant words, cut to five letters ('providers' ~ 'provid')."""
    words = _WORDS.findall(text.lower().replace("&", " and "))
    return {w[:5] for w in words if len(w) > 2 and w not in _STOP}
