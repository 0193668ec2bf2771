"""The parse result as JSON-ready data in the ``quorate-pack/1`` shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from quorate.core.packtext.model import (
    Action,
    AgendaItem,
    Contact,
    Document,
    Meeting,
    MinutesItem,
    Pack,
    Person,
    Report,
)

SCHEMA = "quorate-pack/1"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _contact(c: Contact | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email}


def _meeting(m: Meeting | None) -> dict[str, Any] | None:
    if m is None:
        return None
    out: dict[str, Any] = {
        "body_name": m.body_name,
        "date": _date(m.date),
        "start_time": m.start_time,
        "end_time": m.end_time,
        "venue": m.venue,
        "public": m.public,
        "chair": m.chair,
        "document_status": m.document_status,
        "notes": list(m.notes),
    }
    if m.contact is not None:
        out["contact"] = _contact(m.contact)
    return out


def _person(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "honorific": p.honorific,
        "initials": p.initials,
        "role": p.role,
        "organisation": p.organisation,
        "status": p.status,
        "substitute_for": p.substitute_for,
        "items": p.items,
        "mode": p.mode,
    }


def _action(a: Action) -> dict[str, Any]:
    return {
        "text": a.text,
        "owner": a.owner,
        "deadline": a.deadline,
        "deadline_date": _date(a.deadline_date),
        "status": a.status,
        "agenda_number": a.agenda_number,
        "meeting_date": _date(a.meeting_date),
        "subject": a.subject,
        "line": a.line,
    }


def _agenda_item(i: AgendaItem) -> dict[str, Any]:
    return {
        "number": i.number,
        "title": i.title,
        "description": i.description,
        "lead": i.lead,
        "purpose": list(i.purpose),
        "pages": {"from": i.pages.first, "to": i.pages.last} if i.pages else None,
        "to_follow": i.to_follow,
        "attachment": i.attachment,
        "exempt_paragraph": i.exempt_paragraph,
        "line": i.line,
    }


def _minutes_item(i: MinutesItem) -> dict[str, Any]:
    return {
        "number": i.number,
        "title": i.title,
        "text": i.text,
        "resolutions": list(i.resolutions),
        "declarations": [{"name": d.name, "interest": d.interest} for d in i.declarations],
        "actions": [_action(a) for a in i.actions],
        "exempt": i.exempt,
        "exempt_paragraph": i.exempt_paragraph,
        "line": i.line,
    }


def _report(r: Report | None) -> dict[str, Any] | None:
    if r is None:
        return None
    out: dict[str, Any] = {
        "title": r.title,
        "agenda_item": r.agenda_item,
        "decision_maker": r.decision_maker,
        "meeting_title": r.meeting_title,
        "date_of_decision": _date(r.date_of_decision),
        "report_of": r.report_of,
        "confidentiality": r.confidentiality,
        "brief_summary": r.brief_summary,
        "recommendations": list(r.recommendations),
        "key_decision": r.key_decision,
        "wards_affected": list(r.wards_affected),
        "appendices": list(r.appendices),
        "for_information_only": r.for_information_only,
        "exempt": r.exempt,
        "exempt_paragraph": r.exempt_paragraph,
    }
    # "author" and "director" are objects in the schema: omitted rather than null
    if r.author is not None:
        out["author"] = _contact(r.author)
    if r.director is not None:
        out["director"] = _contact(r.director)
    return out


def document_to_json(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": d.kind,
        "line_start": d.line_start,
        "line_end": d.line_end,
        "title": d.title,
        "agenda_item": d.agenda_item,
        "publication_date": _date(d.publication_date),
        "signatory": d.signatory,
        "members": [_person(p) for p in d.members],
        "agenda_items": [_agenda_item(i) for i in d.agenda_items],
        "attendance": [_person(p) for p in d.attendance],
        "minutes_items": [_minutes_item(i) for i in d.minutes_items],
        "actions": [_action(a) for a in d.actions],
    }
    meeting = _meeting(d.meeting)
    if meeting is not None:
        out["meeting"] = meeting
    report = _report(d.report)
    if report is not None:
        out["report"] = report
    return out


def to_json(pack: Pack) -> dict[str, Any]:
    """``pack`` as the JSON object ``quorate parse-pack --json`` prints."""
    return {
        "schema": SCHEMA,
        "file": pack.file,
        "pages": pack.pages,
        "documents": [document_to_json(d) for d in pack.documents],
        "warnings": [{"line": w.line, "page": w.page, "message": w.message} for w in pack.warnings],
    }
