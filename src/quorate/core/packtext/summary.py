"""A readable, plain-text summary of a parse result (``quorate parse-pack`` without --json)."""

from __future__ import annotations

from quorate.core.packtext.model import Document, Meeting, MinutesItem, Pack, Person, Report

_KIND = {
    "agenda": "Agenda front sheet",
    "minutes": "Minutes",
    "action_tracker": "Action tracker",
    "report": "Report",
    "appendix": "Appendix",
    "decision_record": "Decision record",
    "other": "Other",
}


def _meeting(m: Meeting | None) -> list[str]:
    if m is None:
        return []
    when = " ".join(
        x
        for x in (
            m.date.isoformat() if m.date else None,
            m.start_time,
            f"- {m.end_time}" if m.end_time else None,
        )
        if x
    )
    parts = [p for p in (m.body_name, when or None, m.venue) if p]
    out = [f"  Meeting: {', '.join(parts)}"] if parts else []
    if m.chair:
        out.append(f"  Chair: {m.chair}")
    return out


def _person(p: Person) -> str:
    extra = [x for x in (p.initials, p.role, p.organisation) if x]
    text = p.name + (f" ({', '.join(extra)})" if extra else "")
    if p.items:
        text += f" [{p.items}]"
    if p.substitute_for:
        text += f" [substitute for {p.substitute_for}]"
    return text


def _document(n: int, d: Document) -> list[str]:
    head = f"{n}. {_KIND[d.kind]}"
    if d.agenda_item:
        head += f" (agenda item {d.agenda_item})"
    if d.title:
        head += f": {d.title}"
    out = [head + f"  [lines {d.line_start}-{d.line_end}]"]
    out.extend(_meeting(d.meeting))
    if d.publication_date:
        out.append(
            f"  Published: {d.publication_date.isoformat()}"
            + (f" by {d.signatory}" if d.signatory else "")
        )
    if d.members:
        out.append(f"  Members ({len(d.members)}): " + "; ".join(_person(p) for p in d.members))
    for item in d.agenda_items:
        pages = f" (pages {item.pages.first}-{item.pages.last})" if item.pages else ""
        follow = " (to follow)" if item.to_follow else ""
        lead = f" - lead {item.lead}" if item.lead else ""
        out.append(f"  {item.number or '-'}  {item.title}{pages}{follow}{lead}")
    for status in ("present", "in_attendance", "apologies", "absent", "substitute", "observer"):
        people = [p for p in d.attendance if p.status == status]
        if people:
            label = status.replace("_", " ").capitalize()
            out.append(f"  {label} ({len(people)}): " + "; ".join(_person(p) for p in people))
    for minute in d.minutes_items:
        out.append(f"  {minute.number or '-'}. {minute.title}{_exempt(minute)}")
        out.extend(f"      RESOLVED: {r}" for r in minute.resolutions)
        out.extend(f"      ACTION ({a.owner or '?'}): {a.text}" for a in minute.actions)
    for a in d.actions:
        due = f", due {a.deadline}" if a.deadline else ""
        out.append(f"  - {a.text} [{a.owner or '?'}{due}] {a.status or ''}".rstrip())
    if d.report is not None:
        r = d.report
        for label, value in (
            ("Decision-maker", r.decision_maker),
            ("Meeting", r.meeting_title),
            ("Report of", r.report_of),
            ("Key decision", r.key_decision),
            ("For information only", r.for_information_only),
        ):
            if value is not None:
                out.append(f"  {label}: {value}")
        if r.exempt:
            out.append(f"  Not for publication:{_exempt(r)}")
        out.extend(f"  Recommendation: {x}" for x in r.recommendations)
        out.extend(f"  Appendix: {x}" for x in r.appendices)
    return out


def _exempt(thing: MinutesItem | Report) -> str:
    if not thing.exempt:
        return ""
    if thing.exempt_paragraph is None:
        return " (exempt, no Schedule 12A paragraph cited)"
    return f" (exempt, paragraph {thing.exempt_paragraph} of Schedule 12A)"


def summary(pack: Pack) -> str:
    lines = [
        f"{pack.file}: {len(pack.documents)} document(s)"
        + (f", {pack.pages} page(s)" if pack.pages is not None else "")
    ]
    for n, d in enumerate(pack.documents, 1):
        lines.extend(_document(n, d))
    if pack.warnings:
        lines.append(f"{len(pack.warnings)} warning(s) (on stderr)")
    return "\n".join(lines) + "\n"
