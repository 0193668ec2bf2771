"""Report cover sheets: Southampton's DECISION-MAKER template, Portsmouth's "Title of
meeting / Report by / for information only" template, and relatives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quorate.core.packtext.common import Sink, find_email, find_phone, join_text, strip_bullet
from quorate.core.packtext.dates import parse_date
from quorate.core.packtext.exempt import read_statement
from quorate.core.packtext.model import Contact, Document, Meeting, Report
from quorate.core.packtext.normalise import Line

_FIELD = re.compile(
    r"^(?:\d{1,2}\.\s*)?(?P<label>decision[- ]maker|subject|date of decision|report of"
    r"|report by|report to"
    r"|title of meeting|date of meeting|written by|wards affected|wards/communities affected"
    r"|key decision\??|statement of confidentiality|brief summary|recommendations?"
    r"|contact details|appendices|purpose(?: of (?:the )?report)?|requested by)\b"
    r"\s*[:?]?\s*(?P<rest>.*)$",
    re.I,
)
_SECTION_END = re.compile(
    r"^(?:reasons for report recommendations|alternative options|detail \(including|detail$"
    r"|resource implications|legal implications|risk management|policy framework"
    r"|key decision|wards|supporting documentation|documents in members|equality impact"
    r"|\d+\.\s+(?:information requested|background|recommendations?|purpose)"
    r"|information requested|background)",
    re.I,
)
_CONTACT_ROLE = re.compile(r"^(?:author|director|executive director|report author|contact)\b", re.I)
_END_OF_COVER = re.compile(
    r"^(?:documents in members|other background documents|background list of documents"
    r"|equality impact assessment)",
    re.I,
)
_INLINE = re.compile(
    r"\s(?=STATEMENT OF CONFIDENTIALITY|BRIEF SUMMARY|RECOMMENDATIONS:|REASONS FOR REPORT"
    r"|ALTERNATIVE OPTIONS|DETAIL \(|RESOURCE IMPLICATIONS|LEGAL IMPLICATIONS|KEY DECISION"
    r"|WARDS/COMMUNITIES AFFECTED)"
)
_NONE = re.compile(r"^(?:none|n/?a|not applicable|nil)\.?$", re.I)
_ITEM_LABEL = re.compile(r"^(?:\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})[.)]|\d{1,2}\.)\s*", re.I)


def _label(text: str) -> tuple[str, str] | None:
    m = _FIELD.match(text)
    if not m:
        return None
    return m.group("label").lower().rstrip("?"), m.group("rest").strip()


def _section(rows: Sequence[Line], n: int, rest: str) -> tuple[list[str], int]:
    """Lines under a heading up to the next heading; returns them and the next index."""
    parts = [rest] if rest else []
    k = n + 1
    while k < len(rows):
        text = rows[k].text
        if _label(text) or _SECTION_END.match(text) or _END_OF_COVER.match(text):
            break
        # a table row starts a new entry: marked with a leading tab for _list_items
        parts.append("\t" + text if rows[k].tabbed else text)
        k += 1
    return parts, k


def _expand(rows: Sequence[Line]) -> list[Line]:
    """Split a line that runs several cover-sheet headings together into one per heading."""
    out: list[Line] = []
    for line in rows:
        if line.tabbed or not _INLINE.search(line.text):
            out.append(line)
            continue
        out.extend(
            Line(no=line.no, page=line.page, cells=(part,)) for part in _INLINE.split(line.text)
        )
    return out


def _list_items(parts: Sequence[str]) -> list[str]:
    items: list[str] = []
    for part in parts:
        new_row = part.startswith("\t")
        plain = strip_bullet(part.strip())
        if new_row:
            plain = re.sub(r"^\d{1,2}\.?\s+(?=\S)", "", plain)
        if _ITEM_LABEL.match(plain) or not items or new_row:
            items.append(_ITEM_LABEL.sub("", plain).strip())
        else:
            items[-1] = f"{items[-1]} {plain}"
    return [i for i in items if i]


_CONTACT_LABEL = re.compile(r"(?i)(?:^|(?<=\s))(name|title|tel|e-?mail)(?:\s*:\s*|\s+(?=\S)|\s*$)")


def _contact(rows: Sequence[str]) -> Contact | None:
    """A contact from the rows of one CONTACT DETAILS group; an unlabelled row continues
    the last name or title ("Donna Chapman" / "Sarah Turner" -> "Donna Chapman; Sarah Turner")."""
    fields: dict[str, list[str]] = {}
    last = "name"
    for row in rows:
        row = re.sub(r"(?i)^(?:author|director|executive director)\s*:?\s*", "", row.strip())
        row = re.sub(r"(?i)\bauthor:\s*", "", row)
        marks = list(_CONTACT_LABEL.finditer(row))
        if not marks:
            if row and not re.fullmatch(r"[\d\s]+", row):
                fields.setdefault(last, []).append(row)
            elif row:
                fields.setdefault("tel", []).append(row)
            continue
        for k, m in enumerate(marks):
            value = row[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(row)]
            key = m.group(1).lower().replace("-", "")
            fields.setdefault(key, []).append(value.strip(" ,:"))
            if key in ("name", "title"):
                last = key
    name = "; ".join(v for v in fields.get("name", []) if v) or None
    phone = find_phone(" ".join(fields.get("tel", [])))
    if name:
        trailing = find_phone(name)
        if trailing and name.endswith(trailing):
            phone = phone or trailing
            name = name[: -len(trailing)].strip(" ,") or None
    email = " ".join(v for v in fields.get("email", []) if v).strip(" :") or None
    if email and find_email(email) is None:
        email = None
    role = "; ".join(v for v in fields.get("title", []) if v) or None
    contact = Contact(name=name, role=role, phone=phone, email=email)
    return contact if any((contact.name, contact.role, contact.phone, contact.email)) else None


def _contacts(rows: Sequence[Line], n: int) -> tuple[Contact | None, Contact | None, int]:
    groups: dict[str, list[str]] = {}
    current: str | None = None
    k = n + 1
    while k < len(rows):
        line = rows[k]
        text = line.text
        if _label(text) and not _CONTACT_ROLE.match(text):
            break
        first = line.cells[0] if line.cells else ""
        if first and _CONTACT_ROLE.match(first):
            current = "director" if "director" in first.lower() else "author"
            groups[current] = []
            rest = [c for c in line.cells[1:] if c]
            if first.lower().rstrip(":") not in ("author", "director", "executive director"):
                rest = [re.sub(r"(?i)^(?:director|author)\s*:?\s*", "", first), *rest]
            groups[current].append(" ".join(rest))
        elif current is not None:
            groups[current].append(" ".join(c for c in line.cells if c))
        k += 1
    author = _contact(groups.get("author", []))
    director = _contact(groups.get("director", []))
    return author, director, k


def parse_report(lines: Sequence[Line], sink: Sink, agenda_item: str | None) -> Document:
    rows = _expand([line for line in lines if not line.blank])
    end = next((k for k, line in enumerate(rows) if _END_OF_COVER.match(line.text)), len(rows))
    end = min(end, 600)
    values: dict[str, object] = {}
    info_only: bool | None = None
    n = 0
    while n < end:
        line = rows[n]
        text = line.text
        if re.match(r"^this item is for information only", text, re.I):
            info_only = True
            n += 1
            continue
        found = _label(text)
        if found is None:
            n += 1
            continue
        label, rest = found
        if label == "contact details":
            values["author"], values["director"], n = _contacts(rows, n)
            continue
        if label in ("statement of confidentiality",) and re.search(r"(?i)\bbrief summary\b", rest):
            rest, _, summary = re.split(r"(?i)\b(brief summary)\b", rest, maxsplit=1)[0:3]
            values.setdefault("confidentiality", rest.strip() or None)
            parts, n = _section(rows, n, summary.strip())
            values.setdefault("brief_summary", join_text(parts))
            continue
        if label in ("brief summary", "purpose", "purpose of report", "purpose of the report"):
            parts, n = _section(rows, n, rest)
            values.setdefault("brief_summary", join_text(parts))
            continue
        if label in ("recommendations", "recommendation"):
            parts, n = _section(rows, n, rest)
            values.setdefault("recommendations", tuple(_list_items(parts)))
            continue
        if label == "appendices":
            parts, n = _section(rows, n, rest)
            items = [i for i in _list_items(parts) if not _NONE.match(i)]
            values.setdefault("appendices", tuple(items))
            continue
        if label == "statement of confidentiality":
            parts, n = _section(rows, n, rest)
            whole = " ".join(p.strip() for p in parts if p.strip())
            values.setdefault("confidentiality", whole or None)
            continue
        if not rest and n + 1 < end and label in ("report of", "subject", "decision-maker"):
            rest = rows[n + 1].text if not _label(rows[n + 1].text) else ""
            n += 1 if rest else 0
        if label == "report of":
            # a second line without a label continues the name ("LEADER OF THE COUNCIL")
            nxt = rows[n + 1] if n + 1 < end else None
            if (
                nxt is not None
                and len(nxt.filled) == 1
                and not nxt.cells[0]
                and not _label(nxt.text)
            ):
                rest = f"{rest} {nxt.text}".strip()
                n += 1
        values.setdefault(label, rest or None)
        n += 1
    title = values.get("subject")
    if not title:
        sink.warn(rows[0] if rows else None, "report cover sheet without a subject")
    statement = read_statement(_str(values.get("confidentiality")))
    if statement.restricted and statement.paragraph is None:
        sink.warn(
            rows[0] if rows else None,
            f"report {title!r}: the statement of confidentiality withholds it but cites no "
            "paragraph of Schedule 12A",
        )
    key_decision = _key_decision(str(values.get("key decision") or ""))
    wards_raw = str(values.get("wards/communities affected") or values.get("wards affected") or "")
    wards = [_ward(w) for w in re.split(r"[;,]", wards_raw) if len(w.strip(" -")) > 1]
    decision_date = values.get("date of decision")
    report = Report(
        title=str(title or ""),
        agenda_item=agenda_item,
        decision_maker=_str(
            values.get("decision-maker") or values.get("decision maker") or values.get("report to")
        ),
        meeting_title=_str(values.get("title of meeting")),
        date_of_decision=parse_date(str(decision_date)) if decision_date else None,
        report_of=_str(values.get("report of") or values.get("report by")),
        author=values.get("author")
        or (  # type: ignore[arg-type]
            Contact(name=_str(values.get("written by"))) if values.get("written by") else None
        ),
        director=values.get("director"),  # type: ignore[arg-type]
        confidentiality=_str(values.get("confidentiality")),
        brief_summary=_str(values.get("brief_summary")),
        recommendations=values.get("recommendations", ()),  # type: ignore[arg-type]
        key_decision=key_decision,
        wards_affected=tuple(wards),
        appendices=values.get("appendices", ()),  # type: ignore[arg-type]
        for_information_only=info_only,
        exempt=statement.restricted,
        exempt_paragraph=statement.paragraph,
    )
    meeting = None
    if report.meeting_title or values.get("date of meeting"):
        meeting = Meeting(
            body_name=report.meeting_title,
            date=parse_date(str(values.get("date of meeting") or "")),
        )
    return Document(
        kind="report",
        title=report.title or None,
        agenda_item=agenda_item,
        meeting=meeting,
        report=report,
    )


# "All" as extraction sometimes gives it: "A Ш" (the "ll" read as a Cyrillic Sha), "A ll"
_ALL_WARDS = re.compile(r"(?i)^a\s*(?:\u0428|\u0448|ll|il|li|ii|1l|l1)(?=\s|$)")


def _ward(text: str) -> str:
    return _ALL_WARDS.sub("All", text.strip())


def _key_decision(raw: str) -> bool | None:
    """'Yes' / 'No.'; a template left unanswered ('Yes/No N/A', 'Yes / No') or 'N/A' is
    unknown."""
    has_yes = re.search(r"(?i)\byes\b", raw) is not None
    has_no = re.search(r"(?i)\bno\b(?!\s*/\s*a\b)", raw) is not None
    if re.search(r"(?i)\bn\s*/\s*a\b|\bnot applicable\b", raw) or (has_yes and has_no):
        return None
    if re.match(r"(?i)\s*yes\b", raw):
        return True
    if re.match(r"(?i)\s*no\b", raw):
        return False
    return None


def _str(value: object) -> str | None:
    return str(value) if value else None
