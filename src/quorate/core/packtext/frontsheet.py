"""The agenda front sheet: meeting header, members, contact, agenda items, publication."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quorate.core.packtext.common import Sink, contact_from, filled, join_text
from quorate.core.packtext.dates import MONTHS, find_date, find_times, is_date_line
from quorate.core.packtext.model import AgendaItem, Contact, Document, Meeting, Pages, Person
from quorate.core.packtext.normalise import Line
from quorate.core.packtext.people import clean_name, split_honorific

_ITEM = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{1,2})?|[IVXL]{1,6}(?=[.\s])|[A-Z]{2,5}/\d{2,4}/\d{1,4})"
    r"\.?\s+(?P<title>\S.*)$"
)
_PAGES = re.compile(r"\(\s*pages?\s+(\d+)\s*(?:[-–—]|to)?\s*(\d+)?\s*\)", re.I)
_TO_FOLLOW = re.compile(r"\(\s*to follow\s*\)", re.I)
_EXEMPT = re.compile(r"paragraph\s+(\d)\s+of\s+(?:part\s+1\s+of\s+)?schedule\s+12\s*A", re.I)
_PURPOSES = ("Discussion", "Decision", "Information", "Noting", "Approval", "Assurance")
_STOP_HEADER = re.compile(
    r"^(?:members(?:hip)?|contacts?|please send|agenda|public information|background"
    r"|conduct of meeting|dates? of meetings?)\b",
    re.I,
)


def _is_item_title(title: str) -> bool:
    first = title.split()[0].lower().strip(",.")
    if not title[0].isalpha() or first in MONTHS or first in ("th", "st", "nd", "rd"):
        return False
    letters = [c for c in _PAGES.sub("", _TO_FOLLOW.sub("", title)) if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.7


_OPEN_RANGE = re.compile(r"\(\s*(?:pages?\b[^()]*|to(?:\s+follow)?\s*)$", re.I)
_RANGE_AT_END = re.compile(r"\((?:\s*pages?\s+\d[^()]*|\s*to follow\s*)\)\s*$", re.I)


def _heading_complete(title: str) -> bool:
    return bool(_PAGES.search(title) or _TO_FOLLOW.search(title))


def _continues_heading(title: str, line: Line) -> bool:
    """Is ``line`` the rest of an item heading that wrapped (on a narrow front sheet)?

    Either the rest of a page range split across lines ("(Pages 3 -" then "8)"), or more
    of the capitalised title, possibly ending with the range ("NOTE ONLY (Pages 12 - 15)").
    A line of ordinary prose is the item's description, never part of its title.
    """
    text = line.text
    if line.blank or line.tabbed or _lead_header(line) or is_date_line(text):
        return False
    if _STOP_HEADER.match(text):
        return False
    item = _ITEM.match(text)
    if item and _is_item_title(item.group("title")):
        return False
    if _OPEN_RANGE.search(title):
        return len(text.split()) <= 4 and _heading_complete(f"{title} {text}")
    bare = _PAGES.sub("", _TO_FOLLOW.sub("", text)).strip()
    if not bare:  # "(Pages 12 - 15)" alone on the next line
        return bool(_RANGE_AT_END.search(text))
    letters = [c for c in bare if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return False
    # A capitalised line joins the title only if the title ran to the end of its line
    # or the line finishes the heading with its page range.
    return bool(_RANGE_AT_END.search(text)) or len(title) >= 40


def _lead_header(line: Line) -> bool:
    return (
        bool(line.filled)
        and line.filled[0].lower() == "lead"
        and ("item for" in line.text.lower() or "attachment" in line.text.lower())
    )


def _header(lines: Sequence[Line]) -> tuple[Meeting, int]:
    body: str | None = None
    date = None
    start = end = None
    venue: str | None = None
    public: bool | None = None
    notes: list[str] = []
    last = 0
    for i, line in enumerate(lines):
        text = line.text
        if line.blank:
            continue
        if _STOP_HEADER.match(text) or i > 40:
            break
        last = i
        low = text.lower()
        if re.match(r"^(?:public|supplementary)?\s*document pack$", low):
            continue
        value, _, _ = find_date(text)
        if value is not None and date is None and body is not None:
            date = value
            start, end, _ = find_times(text)
        elif "open to the public" in low or "public meeting" in low:
            public = not re.search(r"\bnot\b|\bclosed\b", low)
        elif re.search(r"\bprivate\b|closed to the public", low):
            public = False
        elif re.search(r"\bNOTE\b", text) or low.startswith("please note"):
            notes.append(text)
        elif body is None:
            body = text
        elif venue is None and date is not None and len(text.split()) <= 14:
            venue = text
        else:
            notes.append(text)
    meeting = Meeting(
        body_name=body,
        date=date,
        start_time=start,
        end_time=end,
        venue=venue,
        public=public,
        document_status="Agenda",
        notes=tuple(notes),
    )
    return meeting, last


def _member(text: str) -> Person:
    name = clean_name(text)
    return Person(name=name, status="member", honorific=split_honorific(name)[0])


def _members(lines: Sequence[Line], sink: Sink) -> tuple[list[Person], list[str], Contact | None]:
    members: list[Person] = []
    notes: list[str] = []
    contact: Contact | None = None
    rows = filled(lines)
    for n, line in enumerate(rows):
        low = line.text.lower()
        if low in ("members", "membership", "board members") and not members:
            for row in rows[n + 1 :]:
                text = row.text
                if _STOP_HEADER.match(text) or text.isupper():
                    break
                if re.search(r"\s[–—-]\s", text):
                    members.extend(_dash_members(text))
                elif re.search(r"\d", text) or len(text.split()) > 6:
                    notes.append(text)
                else:
                    members.append(_member(text))
        if contact is None and (
            low.startswith("please send apologies") or low in ("contacts", "contact")
        ):
            contact = _contact(rows, n)
        if members and contact and n > 60:
            break
    return members, notes, contact


def _dash_members(text: str) -> list[Person]:
    """ "Harry Dymond – Health Watch Alison Elliott – Director of People Dr A ..." """
    parts = [p.strip() for p in re.split(r"\s[–—-]\s", text)]
    people: list[Person] = []
    name = parts[0]
    for k, part in enumerate(parts[1:], 1):
        words = part.split()
        if k == len(parts) - 1:
            role, next_name = part, ""
        else:
            cut = next(
                (i for i, w in enumerate(words) if split_honorific(w)[0] and i > 0),
                max(1, len(words) - 2),
            )
            role, next_name = " ".join(words[:cut]), " ".join(words[cut:])
        honorific = split_honorific(name)[0]
        is_org = not re.search(
            r"\b(?:Director|Officer|Chair|Member|Manager|Lead|Head|Chief|Councillor)\b", role
        )
        people.append(
            Person(
                name=clean_name(name),
                status="member",
                honorific=honorific,
                role=None if is_org else role,
                organisation=role if is_org else None,
            )
        )
        name = next_name
    return people


def _contact(rows: Sequence[Line], n: int) -> Contact | None:
    first = rows[n].text
    rest = re.sub(r"(?i)^please send apologies to:?|^contacts?:?", "", first).strip()
    parts = [rest] if rest else []
    for row in rows[n + 1 : n + 6]:
        if _STOP_HEADER.match(row.text) or (row.text.isupper() and len(row.text) > 5):
            break
        parts.append(row.text)
        if "@" in row.text:
            break
    return contact_from(" ".join(parts))


def _pages(title: str) -> tuple[str, Pages | None, bool]:
    pages = None
    m = _PAGES.search(title)
    if m:
        first = int(m.group(1))
        pages = Pages(first=first, last=int(m.group(2) or first))
    to_follow = bool(_TO_FOLLOW.search(title))
    title = " ".join(_TO_FOLLOW.sub("", _PAGES.sub("", title)).split())
    return title, pages, to_follow


def _items(lines: Sequence[Line], sink: Sink) -> tuple[list[AgendaItem], int | None]:
    """Agenda items and the index of the line that ended them (the publication date)."""
    heading = next((i for i, line in enumerate(lines) if line.text in ("AGENDA", "Agenda")), None)
    start = heading + 1 if heading is not None else 0
    items: list[AgendaItem] = []
    current: dict[str, object] | None = None
    description: list[str] = []
    stop: int | None = None

    def close() -> None:
        if current is not None:
            desc = join_text(description)
            if current.get("attachment") is None and desc and re.search(r",\s*attached\.?$", desc):
                current["attachment"] = "attached"
            m = _EXEMPT.search(f"{current['title']} {desc or ''}")
            items.append(
                AgendaItem(
                    number=str(current["number"]),
                    title=str(current["title"]),
                    description=desc,
                    lead=current.get("lead"),  # type: ignore[arg-type]
                    purpose=tuple(current.get("purpose", ())),  # type: ignore[arg-type]
                    pages=current.get("pages"),  # type: ignore[arg-type]
                    to_follow=bool(current.get("to_follow")),
                    attachment=current.get("attachment"),  # type: ignore[arg-type]
                    exempt_paragraph=int(m.group(1)) if m else None,
                    line=int(current["line"]),  # type: ignore[call-overload]
                )
            )

    i = start
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.blank:
            continue
        text = line.text
        if (items or current is not None) and is_date_line(text):
            stop = i - 1
            break
        m = _ITEM.match(text)
        if m and not line.tabbed and _is_item_title(m.group("title")):
            close()
            wrapped = m.group("title")
            # A long heading wraps: join its continuation lines (no blank line between).
            while (
                not _heading_complete(wrapped)
                and i < len(lines)
                and _continues_heading(wrapped, lines[i])
            ):
                wrapped = f"{wrapped} {lines[i].text}"
                i += 1
            title, pages, to_follow = _pages(wrapped)
            current = {
                "number": m.group("num"),
                "title": title,
                "pages": pages,
                "to_follow": to_follow,
                "line": line.no,
            }
            description = []
            continue
        if current is None:
            continue
        if _STOP_HEADER.match(text) or (line.tabbed and not _lead_header(line)):
            current["closed"] = True  # a following table or section is not the item's text
            continue
        if _lead_header(line):
            values = next((r for r in lines[i:] if not r.blank), None)
            if values is not None and not _lead_header(values):
                cells = list(values.filled)
                i = lines.index(values) + 1
                current["lead"] = cells[0] if cells else None
                if len(cells) > 1:
                    current["purpose"] = [
                        p for p in _PURPOSES if p.lower() in cells[1].lower()
                    ] or [cells[1]]
                if len(cells) > 2:
                    current["attachment"] = cells[2]
            continue
        if not current.get("closed"):
            description.append(text)
    close()
    if not items:
        sink.warn(lines[0] if lines else None, "agenda front sheet: no agenda items found")
    return items, stop


def parse_agenda(lines: Sequence[Line], sink: Sink) -> Document:
    meeting, _ = _header(lines)
    members, member_notes, contact = _members(lines, sink)
    items, stop = _items(lines, sink)
    publication = None
    signatory = None
    if stop is not None:
        publication = find_date(lines[stop].text)[0]
        after = [line for line in lines[stop + 1 :] if not line.blank]
        if after and len(after[0].text.split()) <= 12 and not re.search(r"\d", after[0].text):
            signatory = after[0].text
    if member_notes or contact:
        meeting = Meeting(
            **{**meeting.__dict__, "notes": meeting.notes + tuple(member_notes), "contact": contact}
        )
    return Document(
        kind="agenda",
        meeting=meeting,
        members=tuple(members),
        agenda_items=tuple(items),
        publication_date=publication,
        signatory=signatory,
        title=meeting.body_name,
    )
