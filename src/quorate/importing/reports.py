"""Report cover sheets: stored on the agenda item they were written for."""

from __future__ import annotations

from typing import Any

from quorate.core.packtext import Document
from quorate.core.packtext.model import Contact
from quorate.core.packtext.model import Report as ParsedReport
from quorate.governance import services as gov
from quorate.governance.models import AgendaItem, Meeting, Report
from quorate.importing import matching
from quorate.importing.context import FileImport
from quorate.importing.meetings import meeting_for, title_words


def _meeting(doc: Document, fi: FileImport, *, main: bool) -> Meeting | None:
    m, r = doc.meeting, doc.report
    if fi.own_meeting is not None and (m is None or m.date in (None, fi.own_meeting.date)):
        return fi.own_meeting
    day = (m.date if m else None) or (r.date_of_decision if r else None)
    printed = (m.body_name if m else None) or (r.meeting_title or r.decision_maker if r else None)
    if day is None:
        fi.warn(doc.line_start, f"report {doc.title!r} names no meeting date: not stored")
        return None
    body = matching.body_for(printed, fi, line=doc.line_start, main=main)
    if body is None:
        fi.warn(doc.line_start, f"report {doc.title!r} names no body: not stored (use --body)")
        return None
    meeting = meeting_for(fi, body, day, printed=printed, fields={}, authoritative=False)
    if fi.own_meeting is None and main:
        fi.own_meeting = meeting
    return meeting


def _item(
    doc: Document, report: ParsedReport, fi: FileImport, meeting: Meeting
) -> AgendaItem | None:
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("order"))
    number = report.agenda_item or doc.agenda_item
    if number:
        hit = next((i for i in items if i.number == number), None)
        if hit is not None:
            return hit
    used = fi.reported_items.get(meeting.pk, [])
    after = max((i.order for i in items if i.pk in used), default=0)
    words = title_words(report.title)
    best, score = None, 0.0
    for i in items:
        if i.pk in used or i.order <= after:
            continue
        theirs = title_words(i.title)
        s = len(words & theirs) / max(1, min(len(words), len(theirs)))
        if s > score:
            best, score = i, s
    if best is not None and score >= 0.34:
        return best
    same_title = next((i for i in items if i.title == report.title[:500]), None)
    if same_title is not None:
        return same_title
    if items and not number:
        fi.warn(
            doc.line_start,
            f"report {report.title!r}: which item of {meeting} it belongs to is not clear: "
            "not stored",
        )
        return None
    number = number or str(len(items) + 1)
    fi.warn(
        doc.line_start,
        f"report {report.title!r} is not on a recorded agenda of {meeting}: "
        f"stored as item {number}",
    )
    return fi.track(
        "agenda items",
        AgendaItem,
        lambda: gov.save_agenda_item(
            meeting,
            number=number,
            title=report.title[:500],
            attachment="attached",
            actor=fi.actor,
        ),
    )


def _contact(prefix: str, c: Contact | None) -> dict[str, Any]:
    if c is None:
        return {}
    return {
        f"{prefix}_name": (c.name or "")[:200],
        f"{prefix}_title": (c.role or "")[:200],
        f"{prefix}_phone": (c.phone or "")[:40],
        f"{prefix}_email": matching.valid_email(c.email),
    }


def store_report(doc: Document, fi: FileImport, *, main: bool) -> None:
    report = doc.report
    if report is None:
        return
    meeting = _meeting(doc, fi, main=main)
    if meeting is None:
        return
    item = _item(doc, report, fi, meeting)
    if item is None:
        return
    fi.reported_items.setdefault(meeting.pk, []).append(item.pk)
    if report.exempt:
        fi.mark_exempt(
            item,
            report.exempt_paragraph,
            line=fi.locate("confidentiality", doc.line_start, doc.line_end),
            why=f"the report {report.title!r} says it is not for publication",
        )
    for contact in (report.author, report.director):
        if contact and contact.email and not matching.is_email(contact.email):
            kept = matching.valid_email(contact.email)
            outcome = f"kept {kept!r}" if kept else "not stored"
            fi.warn(doc.line_start, f"e-mail {contact.email!r} is not one address: {outcome}")
    fields: dict[str, Any] = {
        "subject": report.title[:500],
        "decision_maker": (report.decision_maker or "")[:300],
        "decision_date": report.date_of_decision,
        "report_of": (report.report_of or "")[:300],
        "for_information_only": bool(report.for_information_only),
        "confidentiality_statement": report.confidentiality or "",
        "brief_summary": report.brief_summary or "",
        "recommendations": list(report.recommendations),
        "key_decision": report.key_decision,
        "wards_affected": ", ".join(report.wards_affected)[:500],
        "appendices": list(report.appendices),
        **_contact("author", report.author),
        **_contact("director", report.director),
    }
    fi.track(
        "reports",
        Report,
        lambda: gov.save_report(item, actor=fi.actor, **fields),
    )
