"""Attendance in minutes: Present / In attendance / Apologies / Absent, as tables
(name, initials, title, organisation; cells sometimes merged) or as prose lists."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quorate.core.packtext.common import Sink
from quorate.core.packtext.model import Person, PersonStatus
from quorate.core.packtext.normalise import Line
from quorate.core.packtext.people import (
    align_initials,
    clean_name,
    split_honorific,
    split_initials,
    split_list,
    split_names,
    split_titles,
)

_LABELS: tuple[tuple[str, PersonStatus], ...] = (
    ("present", "present"),
    ("members present", "present"),
    ("also present", "in_attendance"),
    ("in attendance", "in_attendance"),
    ("officers in attendance", "in_attendance"),
    ("officers present", "in_attendance"),
    ("apologies", "apologies"),
    ("apologies for absence", "apologies"),
    ("absent", "absent"),
    ("observers", "observer"),
    ("observer", "observer"),
    ("substitutes", "substitute"),
)
_LABEL_RE = re.compile(
    r"^("
    + "|".join(re.escape(k) for k, _ in sorted(_LABELS, key=lambda kv: -len(kv[0])))
    + r")\s*:?(?=\s|$)",
    re.I,
)
_STATUS = dict(_LABELS)
_HEADER_WORDS = re.compile(r"^(?:NAME|INITIALS?|TITLE|ROLE|ORG(?:ANISATION)?|POSITION)\b\s*")
_PAREN = re.compile(r"\(([^)]*)\)")
_REPRESENTED = re.compile(r"^(.*?)\s*\((?:represented|substituted|deputised) by ([^)]+)\)$", re.I)


def label_of(text: str) -> tuple[PersonStatus, str] | None:
    """(status, rest of the text) when ``text`` opens with an attendance label."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    return _STATUS[m.group(1).lower()], text[m.end() :].strip(" :")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADER_CELLS = _words(
    """
    name names initial initials title role job title org organisation organization
    position
    """
)


def _strip_header(cell: str) -> str:
    if cell.lower().strip(" :") in _HEADER_CELLS:
        return ""
    return _HEADER_WORDS.sub("", cell).strip()


def _table_people(cells: list[str], status: PersonStatus, line: Line, sink: Sink) -> list[Person]:
    cells = [c for c in (_strip_header(c) for c in cells) if c]
    if not cells:
        return []
    several = len(cells) > 1 and len(split_initials(cells[1])) > 1
    names = split_names(cells[0]) if several else [clean_name(cells[0])]
    count = len(names)
    initials: list[str | None] = [None] * count
    titles: list[str | None] = [None] * count
    orgs: list[str | None] = [None] * count
    if len(cells) > 1:
        initials = align_initials(names, split_initials(cells[1])) if count > 1 else [cells[1]]
    if len(cells) > 2:
        split = split_titles(cells[2], count)
        if split is None:
            sink.warn(line, f"could not split the titles {cells[2]!r} among {count} people")
        else:
            titles = list(split)
    if len(cells) > 3:
        tokens = cells[3].split() if count > 1 else [cells[3]]
        if len(tokens) == count:
            orgs = list(tokens)
        else:
            sink.warn(line, f"could not split the organisations {cells[3]!r} among {count} people")
    if len(cells) > 4:
        sink.warn(line, f"attendance row has more cells than expected: {' | '.join(cells[4:])}")
    return [
        Person(
            name=name,
            status=status,
            honorific=split_honorific(name)[0],
            initials=initials[k],
            role=titles[k],
            organisation=orgs[k],
        )
        for k, name in enumerate(names)
    ]


def prose_people(text: str, status: PersonStatus) -> list[Person]:
    """ "Councillors Rayment (Items 7 and 8), Stevens, Dr S Ward and Mr H Dymond" """
    people: list[Person] = []
    plural: str | None = None
    for part in split_list(text):
        represented = _REPRESENTED.match(part)
        if represented:
            people.append(
                Person(
                    name=clean_name(represented.group(2)),
                    status="substitute",
                    honorific=split_honorific(represented.group(2))[0],
                    substitute_for=clean_name(represented.group(1)),
                )
            )
            continue
        items = mode = role = substitute_for = None
        for note in _PAREN.findall(part):
            low = note.lower()
            if low.startswith("item"):
                items = note.strip()
            elif re.search(r"remote|virtual|teams|zoom|online", low):
                mode = "remote"
            elif "in person" in low:
                mode = "in person"
            elif m := re.match(r"(?:substitute|sub|deputising|deputy) for (.+)", note, re.I):
                substitute_for = m.group(1).strip()
            else:
                role = note.strip()
        name = clean_name(_PAREN.sub("", part))
        m = re.match(r"^(Councillors|Cllrs)\s+(.*)$", name)
        if m:
            plural = "Councillor" if m.group(1) == "Councillors" else "Cllr"
            name = f"{plural} {m.group(2)}"
        elif plural and not split_honorific(name)[0] and len(name.split()) == 1:
            name = f"{plural} {name}"
        else:
            plural = None
        if not name:
            continue
        people.append(
            Person(
                name=name,
                status="substitute" if substitute_for else status,
                honorific=split_honorific(name)[0],
                role=role,
                items=items,
                mode=mode,
                substitute_for=substitute_for,
            )
        )
    return people


def parse_attendance(lines: Sequence[Line], sink: Sink) -> tuple[list[Person], int]:
    """People in the attendance block that starts at ``lines[0]``, and the index where the
    block ends."""
    people: list[Person] = []
    status: PersonStatus | None = None
    pending_in = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        first = line.filled[0]
        # a minute number cell ("3", "3.", "1.1", "17/21", "GBP/2122/255") ends the list
        if re.match(r"^(?:\d{1,3}(?:[./]\d{1,4})?|[A-Z]{2,5}/\d{2,4}/\d{1,4})\.?$", first) or (
            line.filled == ("Action:",)
        ):
            break
        if pending_in and re.match(r"^attendance\b", first, re.I):
            status, rest = "in_attendance", first[len("attendance") :].strip(" :")
            cells = ([rest] if rest else []) + list(line.filled[1:])
            pending_in = False
            people.extend(_table_people(cells, status, line, sink))
            i += 1
            continue
        if first.lower() == "in" and len(first) == 2:
            pending_in = True
            i += 1
            continue
        label = label_of(first)
        if label is not None:
            status = label[0]
            rest_cells = ([label[1]] if label[1] else []) + list(line.filled[1:])
            if line.tabbed:
                people.extend(_table_people(rest_cells, status, line, sink))
            else:
                prose = label[1]
                while prose.rstrip().endswith((",", " and")) and i + 1 < len(lines):
                    nxt = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
                    if nxt is None or label_of(lines[nxt].text):
                        break
                    prose += " " + lines[nxt].text
                    i = nxt
                people.extend(prose_people(prose, status))
            i += 1
            continue
        if status is not None and line.tabbed and len(line.filled) >= 2:
            people.extend(_table_people(list(line.filled), status, line, sink))
            i += 1
            continue
        break
    return people, i
