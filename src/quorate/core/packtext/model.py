"""The parse result: frozen dataclasses mirroring ``schemas/pack.schema.json`` (quorate-pack/1).

``None`` always means "the text does not state it"; lists are empty when nothing was found.
Dates are ``datetime.date``; times are ``"HH:MM"`` strings. Text values are as written,
cleaned of markup and of line-wrapping. See ``docs/parsing.md`` for every field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DocumentKind = Literal[
    "agenda", "minutes", "action_tracker", "report", "appendix", "decision_record", "other"
]
PersonStatus = Literal[
    "member", "present", "in_attendance", "apologies", "absent", "substitute", "observer"
]


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser could not read cleanly; ``line`` is 1-based in the whole input."""

    line: int | None
    message: str
    page: int | None = None


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Meeting:
    body_name: str | None = None
    date: dt.date | None = None
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    public: bool | None = None
    chair: str | None = None
    document_status: str | None = None
    notes: tuple[str, ...] = ()
    contact: Contact | None = None


@dataclass(frozen=True)
class Person:
    """One person in a members list or an attendance record.

    ``name`` is as written with the honorific kept ("Councillor Lorna Fielker");
    ``honorific`` repeats the honorific on its own ("Councillor", "Dr") when there is one.
    ``role`` is the job title, ``organisation`` the body represented.
    """

    name: str
    status: PersonStatus
    honorific: str | None = None
    initials: str | None = None
    role: str | None = None
    organisation: str | None = None
    substitute_for: str | None = None
    items: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class Action:
    text: str
    owner: str | None = None
    deadline: str | None = None
    deadline_date: dt.date | None = None
    status: str | None = None
    agenda_number: str | None = None
    meeting_date: dt.date | None = None
    subject: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Pages:
    first: int
    last: int


@dataclass(frozen=True)
class AgendaItem:
    number: str | None
    title: str
    description: str | None = None
    lead: str | None = None
    purpose: tuple[str, ...] = ()
    pages: Pages | None = None
    to_follow: bool = False
    attachment: str | None = None
    exempt_paragraph: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Declaration:
    name: str
    interest: str | None = None


@dataclass(frozen=True)
class MinutesItem:
    """One minute. ``exempt`` is true for a minute recorded after the press and public were
    excluded (and before they were readmitted); ``exempt_paragraph`` is the Schedule 12A
    paragraph the exclusion cited."""

    number: str | None
    title: str
    text: str | None = None
    resolutions: tuple[str, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    actions: tuple[Action, ...] = ()
    line: int | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class Report:
    """A report cover sheet (Southampton's DECISION-MAKER template, Portsmouth's
    "Title of meeting" template and their relatives).

    ``exempt`` is true when the statement of confidentiality says the report is not for
    publication; ``exempt_paragraph`` is the Schedule 12A paragraph it cites."""

    title: str
    agenda_item: str | None = None
    decision_maker: str | None = None
    meeting_title: str | None = None
    date_of_decision: dt.date | None = None
    report_of: str | None = None
    author: Contact | None = None
    director: Contact | None = None
    confidentiality: str | None = None
    brief_summary: str | None = None
    recommendations: tuple[str, ...] = ()
    key_decision: bool | None = None
    wards_affected: tuple[str, ...] = ()
    appendices: tuple[str, ...] = ()
    for_information_only: bool | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class Document:
    """One document of the pack; ``line_start``/``line_end`` are 1-based and inclusive."""

    kind: DocumentKind
    line_start: int | None = None
    line_end: int | None = None
    title: str | None = None
    agenda_item: str | None = None
    meeting: Meeting | None = None
    publication_date: dt.date | None = None
    signatory: str | None = None
    members: tuple[Person, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()
    attendance: tuple[Person, ...] = ()
    minutes_items: tuple[MinutesItem, ...] = ()
    actions: tuple[Action, ...] = ()
    report: Report | None = None


@dataclass(frozen=True)
class Pack:
    """Everything found in one file, documents in the order they appear."""

    file: str
    documents: tuple[Document, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    pages: int | None = None
