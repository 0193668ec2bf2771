"""The one door: what may this viewer see?

Every public-facing view, feed, search and API reaches meetings, agenda items, reports
and documents through these functions, never through the models' managers directly.

Rules:
- Staff (clerks, signed-in ``is_staff`` users) see everything.
- A member of a body (a membership in force today, linked to their user account) sees
  the exempt (Part 2) papers of that body's meetings.
- The public sees every meeting and every agenda item's number and title (an exempt item
  is listed by title with its Schedule 12A paragraph, as the law expects), but not the
  description, report or documents of an exempt item, nor any papers of a private
  meeting, nor an exempt document of a public item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, Func, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Lower, Replace
from django.utils import timezone

from quorate.core.quorum import NUMBER_NOISE, NUMBER_WORDS
from quorate.core.quorum import agenda_number_key as agenda_number_key  # re-exported
from quorate.governance.models import (
    AgendaItem,
    BackgroundPaper,
    Document,
    Meeting,
    Membership,
    Report,
)


@dataclass(frozen=True)
class Viewer:
    """Who is looking. Build one with :func:`viewer_for`."""

    is_staff: bool = False
    person_id: int | None = None
    member_of: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_public(self) -> bool:
        return not self.is_staff and not self.member_of


PUBLIC = Viewer()


def viewer_for(user: Any, *, on: dt.date | None = None) -> Viewer:
    """The viewer for a request's user (anonymous users are the public)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return PUBLIC
    if user.is_staff or user.is_superuser:
        return Viewer(is_staff=True)
    person = getattr(user, "person", None)
    if person is None:
        return PUBLIC
    day = on or timezone.localdate()
    bodies = frozenset(
        Membership.objects.on(day).filter(person=person).values_list("body_id", flat=True)
    )
    return Viewer(person_id=person.pk, member_of=bodies)


# --- the predicates, as Q objects so lists are filtered in the database -----------------


def _restricted_item_q(prefix: str = "") -> Q:
    """Items whose papers are restricted: exempt, or on a private meeting's agenda."""
    return Q(**{f"{prefix}exempt_paragraph__isnull": False}) | Q(
        **{f"{prefix}meeting__is_public": False}
    )


def _entitled_q(viewer: Viewer, prefix: str = "") -> Q:
    """Restricted items this viewer may still see the papers of."""
    if viewer.is_staff:
        return Q()
    return Q(**{f"{prefix}meeting__body_id__in": viewer.member_of})


def item_papers_q(viewer: Viewer, prefix: str = "") -> Q:
    if viewer.is_staff:
        return Q()
    return ~_restricted_item_q(prefix) | _entitled_q(viewer, prefix)


def can_see_item_papers(viewer: Viewer, item: AgendaItem) -> bool:
    """May the viewer see this item's description, report and documents?"""
    if viewer.is_staff:
        return True
    restricted = item.exempt_paragraph is not None or not item.meeting.is_public
    return not restricted or item.meeting.body_id in viewer.member_of


def can_see_document(viewer: Viewer, document: Document) -> bool:
    if viewer.is_staff:
        return True
    meeting = document.meeting or (document.agenda_item.meeting if document.agenda_item else None)
    body_id = meeting.body_id if meeting else None
    entitled = body_id in viewer.member_of
    if document.exempt_paragraph is not None and not entitled:
        return False
    if document.agenda_item is not None and not can_see_item_papers(viewer, document.agenda_item):
        return False
    return not (meeting is not None and not meeting.is_public and not entitled)


# --- the querysets ----------------------------------------------------------------------


def meetings(viewer: Viewer) -> QuerySet[Meeting]:
    """Meetings are listed publicly (their existence and date are public); see items for papers."""
    return Meeting.objects.select_related("body")


def agenda_items(viewer: Viewer, meeting: Meeting) -> list[VisibleItem]:
    """The agenda in order, each item wrapped with what this viewer may see of it."""
    qs = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("lead_person", "meeting")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=documents(viewer).prefetch_related("versions"),
                to_attr="visible_documents",
            ),
        )
        .order_by("order")
    )
    reports = {r.agenda_item_id: r for r in reports_qs(viewer).filter(agenda_item__meeting=meeting)}
    out = []
    for item in qs:
        visible = can_see_item_papers(viewer, item)
        out.append(
            VisibleItem(
                item=item,
                papers_visible=visible,
                report=reports.get(item.pk) if visible else None,
                documents=list(item.visible_documents) if visible else [],
            )
        )
    return out


@dataclass(frozen=True)
class VisibleItem:
    item: AgendaItem
    papers_visible: bool
    report: Report | None
    documents: list[Document]

    @property
    def description(self) -> str:
        return self.item.description if self.papers_visible else ""

    @property
    def restricted_reason(self) -> str:
        if self.papers_visible:
            return ""
        if self.item.exempt_paragraph is not None:
            return (
                f"Exempt under paragraph {self.item.exempt_paragraph} of Part 1 of "
                "Schedule 12A to the Local Government Act 1972"
            )
        return "This meeting is held in private; its papers are not published"


def reports_qs(viewer: Viewer) -> QuerySet[Report]:
    return (
        Report.objects.filter(item_papers_q(viewer, "agenda_item__"))
        .select_related("agenda_item__meeting__body")
        .prefetch_related(
            Prefetch(
                "background_papers",
                queryset=BackgroundPaper.objects.all()
                if viewer.is_staff
                else BackgroundPaper.objects.filter(
                    Q(exempt_paragraph__isnull=True)
                    | Q(report__agenda_item__meeting__body_id__in=viewer.member_of)
                ),
            )
        )
    )


def documents(viewer: Viewer) -> QuerySet[Document]:
    qs = Document.objects.all()
    if viewer.is_staff:
        return qs
    member = Q(meeting__body_id__in=viewer.member_of) | Q(
        agenda_item__meeting__body_id__in=viewer.member_of
    )
    not_exempt_doc = Q(exempt_paragraph__isnull=True)
    item_ok = Q(agenda_item__isnull=True) | item_papers_q(viewer, "agenda_item__")
    private_meeting = Q(meeting__is_public=False) | Q(agenda_item__meeting__is_public=False)
    return qs.filter((not_exempt_doc & item_ok & ~private_meeting) | member)


def has_visible_report_q(viewer: Viewer) -> Exists:
    return Exists(reports_qs(viewer).filter(agenda_item=OuterRef("pk")))


# --- what happened at meetings: attendance, minutes, resolutions, decisions, actions ------
# These take the caller's queryset (``Minute.objects.all()`` and so on) so that governance
# need not import the apps above it; the rules are expressed on field paths.
#
# - Staff see everything; a member of the body sees what its members may see of papers.
# - The public never sees anything of a private meeting's proceedings (attendance,
#   declarations, minutes, resolutions, decisions, actions), nor the minutes, resolutions,
#   decisions or actions of an exempt item: those are left out altogether, not just blanked.
# - The public sees a meeting's minutes only once they are approved or the draft has been
#   published (``MinutesApproval.draft_published_at``).


def _private_q(meeting_path: str) -> Q:
    return Q(**{f"{meeting_path}is_public": False})


def _exempt_q(item_path: str) -> Q:
    return Q(**{f"{item_path}exempt_paragraph__isnull": False})


def _member_q(viewer: Viewer, meeting_path: str) -> Q:
    return Q(**{f"{meeting_path}body_id__in": viewer.member_of})


def _minutes_released_q(meeting_path: str) -> Q:
    return Q(**{f"{meeting_path}minutes_approval__state": "approved"}) | Q(
        **{f"{meeting_path}minutes_approval__draft_published_at__isnull": False}
    )


def attendance(viewer: Viewer, qs: QuerySet[Any]) -> QuerySet[Any]:
    """Attendance rows (or declarations: anything with a ``meeting``) this viewer may see."""
    if viewer.is_staff:
        return qs
    return qs.filter(~_private_q("meeting__") | _member_q(viewer, "meeting__"))


def declarations(viewer: Viewer, qs: QuerySet[Any]) -> QuerySet[Any]:
    if viewer.is_staff:
        return qs
    restricted = _private_q("meeting__") | _exempt_q("agenda_item__")
    return qs.filter(~restricted | _member_q(viewer, "meeting__"))


def minutes_q(viewer: Viewer, prefix: str = "", *, publishing_drafts: bool = False) -> Q:
    """Minutes (``prefix`` leads from the queried model to the Minute) this viewer may read.

    ``publishing_drafts`` is for the one place that releases drafts: a public pack carrying
    the previous meeting's draft minutes (its publication records them as released)."""
    if viewer.is_staff:
        return Q()
    meeting = f"{prefix}meeting__"
    restricted = _private_q(meeting) | _exempt_q(f"{prefix}agenda_item__")
    public = ~restricted if publishing_drafts else ~restricted & _minutes_released_q(meeting)
    return public | _member_q(viewer, meeting)


def minutes(viewer: Viewer, qs: QuerySet[Any], *, publishing_drafts: bool = False) -> QuerySet[Any]:
    return qs.filter(minutes_q(viewer, publishing_drafts=publishing_drafts))


def resolutions(viewer: Viewer, qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(minutes_q(viewer, "minute__"))


def decisions(viewer: Viewer, qs: QuerySet[Any]) -> QuerySet[Any]:
    """Register entries; those of an exempt item or a private meeting are left out."""
    if viewer.is_staff:
        return qs
    restricted = (
        _private_q("meeting__")
        | _exempt_q("agenda_item__")
        | _exempt_q("report__agenda_item__")
        | _exempt_q("resolution__minute__agenda_item__")
        | _private_q("resolution__minute__meeting__")
    )
    return qs.filter(~restricted | Q(body_id__in=viewer.member_of))


# --- agenda numbers as the tracker writes them ------------------------------------------
# A tracker row's agenda number is free text ("Item 5", "05", "5.", " 5 ", "Agenda item 5a").
# Both sides are reduced to a key before comparing (see ``core.quorum.agenda_number_key``:
# lower case, "agenda"/"item(s)", whitespace, punctuation and leading zeros dropped;
# sub-numbers stay distinct). The database expression below is the same reduction.


class _LTrimChars(Func):
    """``LTRIM(text, chars)``: the same in SQLite and PostgreSQL."""

    function = "LTRIM"
    arity = 2


def agenda_number_key_expr(field: str | Combinable) -> Func:
    """:func:`agenda_number_key` as a database expression over ``field``."""
    expr: Any = Lower(F(field) if isinstance(field, str) else field)
    for text in (*NUMBER_WORDS, *NUMBER_NOISE):
        expr = Replace(expr, Value(text), Value(""))
    return _LTrimChars(expr, Value("0"))


def actions(viewer: Viewer, qs: QuerySet[Any]) -> QuerySet[Any]:
    """Tracker entries; an action raised on an exempt item (by its minute, or by the agenda
    number the tracker gives, however it is spelt) or at a private meeting is left out."""
    if viewer.is_staff:
        return qs
    exempt_by_number = Exists(
        AgendaItem.objects.filter(meeting=OuterRef("meeting"), exempt_paragraph__isnull=False)
        .annotate(number_key=agenda_number_key_expr("number"))
        .filter(number_key=agenda_number_key_expr(OuterRef("agenda_number")))
    )
    restricted = (
        _private_q("meeting__")
        | _exempt_q("minute__agenda_item__")
        | _private_q("minute__meeting__")
        | (~Q(agenda_number="") & Q(exempt_by_number))
    )
    return qs.filter(~restricted | Q(body_id__in=viewer.member_of))
