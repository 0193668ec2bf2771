"""Minutes: header (body, date, times, venue), attendance, numbered minutes with their
text, RESOLVED blocks split into (i), (ii)..., declarations and actions."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from quorate.core.packtext.attendance import label_of, parse_attendance
from quorate.core.packtext.common import ITEM_NUMBER, Sink, join_text, number_style, strip_bullet
from quorate.core.packtext.dates import find_date, find_times
from quorate.core.packtext.exempt import exclusion_paragraph, is_exclusion, readmits
from quorate.core.packtext.model import Action, Declaration, Document, Meeting, MinutesItem, Person
from quorate.core.packtext.normalise import Line
from quorate.core.packtext.people import clean_name, is_owner_text, split_honorific
from quorate.core.packtext.vocab import HEADING_PHRASES

_NUMBER_CELL = re.compile(rf"^({ITEM_NUMBER})\.?$")
# "1. Apologies" (a plain number needs its full stop), "1.1 Welcome", "17/21 Apologies",
# "GBP/2122/255 Minutes", "II. Apologies" / "II Apologies" (a lone "I" needs its stop)
_NUMBERED = re.compile(
    r"^(\d{1,3}(?=\.\s)|\d{1,3}\.\d{1,2}|\d{1,3}/\d{2,4}|[A-Z]{2,5}/\d{2,4}/\d{1,4}"
    r"|[IVXL]{2,6}|[IVXL](?=\.\s))\.?\s+(\S.*)$"
)
_MID_NUMBER = re.compile(r"^(.*\S)\s+(\d{1,3})\.\s+(\S.*)$")
_RESOLVED = re.compile(r"^(?:it was\s+)?resolved\b[:\s,–-]*(.*)$", re.I)
_RESOLVED_INLINE = re.compile(r"^(?:[Tt]he \w+(?: \w+)? )?RESOLVED\b[:\s,–-]*(.*)$")
_LIST_LABEL = re.compile(r"^(?:\(?([ivx]{1,5}|[a-h]|\d{1,2})[.)])\s+(.*)$", re.I)
_ACTION = re.compile(r"^action\s*[:\-–]\s*(.*)$", re.I)
_CHAIR = re.compile(
    r"([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})(?:,\s*[^,.]{1,40})?"
    r"\s+(?:was\s+)?(?i:in the chair)",
)
_SUBSTITUTE = (
    re.compile(
        r"([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}) was in attendance as (?:a |the )?"
        r"(?:nominated )?substitute for ([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})"
    ),
    re.compile(
        r"([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}) (?:was )?(?:representing|deputising|"
        r"substituting)(?: for)? ([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})"
    ),
)
_DECLARATION = re.compile(
    r"((?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?"
    r"|[A-Z]{2,4}) declared (?:an? |their )?([^.]*interest[^.]*)"
)


def _header(lines: Sequence[Line]) -> tuple[Meeting, int]:
    """The meeting described above the attendance list, and where that list starts."""
    body: str | None = None
    public: bool | None = None
    date = None
    start = end = None
    venue: str | None = None
    status: str | None = None
    i = 0
    for i, line in enumerate(lines):
        if line.blank:
            continue
        text = line.text
        if label_of(line.filled[0]) or line.filled[0].lower() == "in" or i > 30:
            break
        low = text.lower()
        m = re.search(r"\b(draft|unconfirmed|confirmed|approved)\b", low)
        if m and len(text.split()) <= 8:
            status = m.group(1).upper() if text.isupper() else m.group(1).capitalize()
        if m := re.match(
            r"^minutes of (?:the |a )?meeting of (?:the )?(.*?)(?:,? held on (.*))?$", text, re.I
        ):
            body = m.group(1).strip(" ,") or body
            if m.group(2):
                date = find_date(m.group(2))[0]
                start, end = find_times(m.group(2))[:2]
            continue
        if m := re.match(
            r"^(?:meeting\s+)?minutes\s*(?:of\s+(?:the\s+)?)?[:\-–]?\s*(.*)$", text, re.I
        ):
            rest = m.group(1)
            if rest and not re.match(r"(?i)meeting\b", rest):
                body = rest
            continue
        if m := re.match(r"^(.*?)\s+MINUTES OF THE MEETING HELD ON\s+(.*)$", text, re.I):
            body, date = m.group(1), find_date(m.group(2))[0]
            continue
        if "held on" in low or "meeting was held" in low:
            value, _, dend = find_date(text)
            date = date or value
            s, e, tend = find_times(text)
            start, end = start or s, end or e
            tail = text[max(dend, tend) :] if max(dend, tend) > 0 else ""
            tail = re.sub(r"^[\s\d,]*(?:am|pm)?[\s,]*", "", tail)
            tail = re.sub(r"(?i)^location\s*:\s*", "", tail).strip(" .,")
            venue = venue or tail or None
            continue
        if body is None and len(text.split()) <= 12:
            body = text
    if body:
        m = re.match(r"^(.*?)\s*[-–]\s*(public|private|part\s*(?:1|2|i|ii))$", body, re.I)
        if m:
            body = m.group(1)
            public = m.group(2).lower() == "public" or m.group(2).lower() in ("part 1", "part i")
    meeting = Meeting(
        body_name=body,
        date=date,
        start_time=start,
        end_time=end,
        venue=venue,
        public=public,
        document_status=status,
    )
    return meeting, i


def _item_heading(line: Line, expected: int) -> tuple[str, str] | None:
    cells = line.filled
    if not cells:
        return None
    title: str | None = None
    number: str | None = None
    m = _NUMBER_CELL.match(cells[0])
    if m and len(cells) >= 2 and line.tabbed:
        number, title = m.group(1), cells[1]
    elif (m2 := _NUMBERED.match(line.text)) is not None:
        number, title = m2.group(1), m2.group(2)
    elif (m3 := _MID_NUMBER.match(line.text)) is not None and int(m3.group(2)) == expected:
        number, title = m3.group(2), f"{m3.group(1)} {m3.group(3)}"
    if number is None or title is None:
        return None
    title = re.sub(r"\s*Action:?$", "", title).strip()
    words = title.split()
    if not words or not title[0].isalnum() or len(words) > 16:
        return None
    if title.endswith(".") and len(words) > 6:
        return None
    if title[0].islower() and not any(p.lower().endswith(title.lower()) for p in HEADING_PHRASES):
        return None
    return number, title


def _complete(title: str, line: Line, sink: Sink) -> str:
    """ "ations of Interest" -> "Declarations of Interest" when a heading phrase ends so."""
    if not title[0].islower():
        return title
    for phrase in HEADING_PHRASES:
        if phrase.lower().endswith(title.lower()) and len(title) >= 8:
            sink.warn(line, f"minute title {title!r} read as {phrase!r} (start lost in extraction)")
            return phrase
    return title


def _actions_and_text(
    body: Sequence[Line], has_action_column: bool
) -> tuple[list[str], list[Action]]:
    """The text of one minute and the actions raised in it."""
    texts: list[str] = []
    actions: list[Action] = []
    rows = [line for line in body if not line.blank]
    for n, line in enumerate(rows):
        cells = list(line.filled)
        owner: str | None = None
        if (
            line.tabbed
            and len(cells) >= 2
            and is_owner_text(cells[-1])
            and (has_action_column or _ACTION.match(cells[0]))
        ):
            owner = cells.pop()
        text = " ".join(cells)
        if n > 0 and is_owner_text(text) and len(text) <= 24:
            # an owner written on its own line under the paragraph it belongs to
            prev = actions[-1] if actions and actions[-1].line == rows[n - 1].no else None
            if prev is not None and prev.owner is None:
                actions[-1] = dataclasses.replace(prev, owner=text)
            elif prev is None and texts:
                actions.append(
                    Action(text=_action_text(texts[-1]), owner=text, line=rows[n - 1].no)
                )
            continue
        texts.append(text)
        labelled = _ACTION.match(text)
        if labelled or owner:
            action_text = _action_text(labelled.group(1) if labelled else text)
            if owner is None and labelled:
                lead = re.match(r"^([A-Z]{2,4}(?:/[A-Z]{2,4})*) to\b", action_text)
                owner = lead.group(1) if lead else None
                if n + 1 < len(rows) and is_owner_text(rows[n + 1].text):
                    owner = None  # the next line names the owner
            actions.append(Action(text=action_text, owner=owner, line=line.no))
    return texts, actions


def _action_text(text: str) -> str:
    return re.sub(r"^action\s*[:\-–]\s*", "", strip_bullet(text), flags=re.I).strip()


def _resolutions(texts: Sequence[str]) -> list[str]:
    out: list[str] = []
    collecting = False
    for text in texts:
        plain = strip_bullet(text)
        m = _RESOLVED.match(plain)
        if not (
            m and (plain[:8].isupper() or plain.lower().startswith(("resolved:", "resolved that")))
        ):
            m = _RESOLVED_INLINE.match(plain)
        if m:
            collecting = True
            if m.group(1):
                lm = _LIST_LABEL.match(m.group(1))
                out.append(lm.group(2) if lm else m.group(1))
            continue
        if collecting:
            lm = _LIST_LABEL.match(plain)
            if lm:
                out.append(lm.group(2))
                continue
            if not out:
                out.append(plain)
            collecting = False
    return out


def parse_minutes(lines: Sequence[Line], sink: Sink) -> Document:
    meeting, at = _header(lines)
    people, end = parse_attendance(lines[at:], sink)
    body = lines[at + end :]
    headings: list[tuple[int, str, str]] = []
    expected = 1
    seen: set[str] = set()
    style: str | None = None  # the numbering style of the first minute; the rest keep to it
    for k, line in enumerate(body):
        found = _item_heading(line, expected)
        if not found or found[0] in seen:
            continue
        this = number_style(found[0])
        if style is not None and this != style:
            continue
        style = this
        headings.append((k, found[0], _complete(found[1], line, sink)))
        seen.add(found[0])
        if found[0].isdigit():
            expected = int(found[0]) + 1
    has_action_column = (
        any(line.filled and line.filled[-1] == "Action:" for line in body[:5])
        or any(line.filled and line.filled[-1] == "Action:" for line in body[: headings[0][0] + 1])
        if headings
        else False
    )
    items: list[MinutesItem] = []
    all_text: list[str] = []
    for n, (k, number, title) in enumerate(headings):
        stop = headings[n + 1][0] if n + 1 < len(headings) else len(body)
        texts, actions = _actions_and_text(body[k + 1 : stop], has_action_column)
        all_text.extend(texts)
        declarations = [
            Declaration(name=m.group(1), interest=m.group(2).strip())
            for t in texts
            for m in _DECLARATION.finditer(t)
        ]
        items.append(
            MinutesItem(
                number=number,
                title=title,
                text=join_text(texts),
                resolutions=tuple(_resolutions(texts)),
                declarations=tuple(declarations),
                actions=tuple(actions),
                line=body[k].no,
            )
        )
    if not headings:
        sink.warn(lines[0], "minutes: no numbered minutes found")
    items = _exclusions(items, sink, body)
    people = _substitutes(people, all_text)
    chair = next((m.group(1) for t in all_text for m in [_CHAIR.search(t)] if m), None)
    chair = chair or next(
        (p.name for p in people if (p.role or "").lower() in ("chair", "in the chair")), None
    )
    meeting = dataclasses.replace(meeting, chair=chair)
    if not people:
        sink.warn(lines[0], "minutes: no attendance list found")
    return Document(
        kind="minutes",
        meeting=meeting,
        title=meeting.body_name,
        attendance=tuple(people),
        minutes_items=tuple(items),
    )


def _exclusions(items: list[MinutesItem], sink: Sink, body: Sequence[Line]) -> list[MinutesItem]:
    """Minutes after an exclusion of the press and public are exempt (with the paragraph
    the exclusion cited) until a minute records the public being readmitted."""
    out: list[MinutesItem] = []
    excluded = False
    paragraph: int | None = None
    for item in items:
        if excluded:
            out.append(dataclasses.replace(item, exempt=True, exempt_paragraph=paragraph))
            if readmits(item.text):
                excluded = False
            continue
        out.append(item)
        if is_exclusion(item.title, " ".join([item.text or "", *item.resolutions])):
            excluded = True
            paragraph = exclusion_paragraph(item.title, item.text, item.resolutions)
            if paragraph is None:
                line = next((ln for ln in body if ln.no == item.line), None)
                sink.warn(
                    line,
                    f"minute {item.number}: the press and public were excluded but no "
                    "paragraph of Schedule 12A is cited",
                )
    return out


def _substitutes(people: list[Person], texts: Sequence[str]) -> list[Person]:
    """Apply "X was in attendance as a nominated substitute for Y" and relatives."""
    out = list(people)
    for text in texts:
        for pattern in _SUBSTITUTE:
            for m in pattern.finditer(text):
                sub, absent = clean_name(m.group(1)), clean_name(m.group(2))
                match = next((k for k, p in enumerate(out) if sub in (p.name, p.initials)), None)
                if match is not None:
                    out[match] = dataclasses.replace(out[match], substitute_for=absent)
                else:
                    out.append(
                        Person(
                            name=sub,
                            status="substitute",
                            honorific=split_honorific(sub)[0],
                            substitute_for=absent,
                        )
                    )
    return out
