"""Reads that join the pure core to the database: quorum per item from the recorded
attendance, the statutory deadlines of a meeting, and the action tracker.

Nothing here reads the clock: "today" is an argument, as in the core.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import CharField, Prefetch, Q, QuerySet
from django.db.models.functions import Cast

from quorate.adapters.bankholidays import working_calendar
from quorate.audit.models import AuditEvent
from quorate.core.quorum import (
    Attendee,
    Capacity,
    Member,
    QuorumResult,
    QuorumRule,
    QuorumRuleError,
    describe,
    evaluate,
    evaluate_items,
    items_between,
    items_from_note,
)
from quorate.core.quorum_json import rule_from_dict
from quorate.core.timing import (
    CalendarRangeError,
    DeadlineState,
    DeadlineStatus,
    TimingRules,
    deadline_status,
    publication_status,
    statutory_deadlines,
)
from quorate.core.urgency import UrgencyRecord, UrgencyRoute, check_urgency
from quorate.governance import visibility
from quorate.governance.enums import MeetingStatus, MembershipRole
from quorate.governance.models import AgendaItem, Body, Meeting, Membership, Report
from quorate.people.models import Person
from quorate.proceedings.enums import AttendanceStatus
from quorate.proceedings.models import (
    Action,
    ActionUpdate,
    Attendance,
    Decision,
    Declaration,
    Minute,
    MinutesApproval,
    NoticeKind,
    Resolution,
    StatutoryNotice,
    UrgencyUse,
)

LONDON = ZoneInfo("Europe/London")

# --- quorum -------------------------------------------------------------------------------


def _member(person: Person, membership: Membership | None, fallback_org: Any = None) -> Member:
    org = (membership.organisation if membership else None) or fallback_org or person.organisation
    roles: set[str] = set()
    if membership is not None:
        roles.update({membership.role, str(MembershipRole(membership.role).label)})
        if membership.position:
            roles.add(membership.position)
    if "councillor" in person.honorific.lower():
        roles.add("councillor")
    return Member(
        name=person.display_name or person.name,
        organisation=org.name if org else "",
        organisation_kind=org.kind if org else "",
        roles=frozenset(roles),
        voting=membership.voting if membership is not None else False,
    )


@dataclass(frozen=True)
class NoteAttendance:
    """Someone whose attendance by item is given only by a note ("Items 7 and 8")."""

    name: str
    note: str
    items: tuple[str, ...] = ()  # the agenda numbers the note maps to; () if unmapped


@dataclass
class _Attendance:
    attendees: list[Attendee]
    from_notes: list[NoteAttendance]
    unmapped: list[NoteAttendance]


def _attendance(meeting: Meeting, agenda: Sequence[AgendaItem]) -> _Attendance:
    memberships = {
        m.person_id: m
        for m in Membership.objects.on(meeting.date)
        .filter(body=meeting.body_id)
        .select_related("organisation")
        .order_by("start_date")
    }
    numbers = [i.number for i in agenda]
    by_id = {i.pk: i.number for i in agenda}

    def number_of(item_id: int | None) -> str | None:
        return None if item_id is None else by_id.get(item_id)

    out = _Attendance([], [], [])
    rows = (
        Attendance.objects.filter(meeting=meeting)
        .filter(status__in=[AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE])
        .select_related("person__organisation", "substitute_for__organisation", "organisation")
    )
    for a in rows:
        membership = memberships.get(a.person_id)
        person = _member(a.person, membership, a.organisation)
        items = None
        if a.arrived_at_item_id or a.left_after_item_id:
            items = items_between(
                numbers,
                arrived_before=number_of(a.arrived_at_item_id),
                left_after=number_of(a.left_after_item_id),
            )
        elif a.items_note.strip():
            # Present for part of the meeting, said only in words: count them for the items
            # the note names when those are on the agenda; otherwise for nothing (and say so)
            # rather than for the whole meeting.
            named = items_from_note(a.items_note, numbers)
            if named is None:
                items = frozenset()
                out.unmapped.append(NoteAttendance(person.name, a.items_note.strip()))
            else:
                items = named
                in_order = tuple(n for n in numbers if n in named)
                out.from_notes.append(NoteAttendance(person.name, a.items_note.strip(), in_order))
        if (
            a.status == AttendanceStatus.IN_ATTENDANCE
            or (membership is None and a.substitute_for_id is None)
            or (membership is not None and membership.role == MembershipRole.IN_ATTENDANCE)
        ):
            out.attendees.append(Attendee(person, Capacity.IN_ATTENDANCE, items=items))
        elif a.substitute_for is not None:  # selected with the row: no query
            seat = _member(a.substitute_for, memberships.get(a.substitute_for.pk))
            out.attendees.append(
                Attendee(person, Capacity.SUBSTITUTE, stands_in_for=seat, items=items)
            )
        else:
            out.attendees.append(Attendee(person, items=items))
    return out


def attendees_for(meeting: Meeting, agenda: Sequence[AgendaItem]) -> list[Attendee]:
    """The core's view of who was there: present members (and substitutes in their place),
    officers in attendance, each with the items they were present for (from the item they
    arrived at and left after, or else from an items note naming agenda numbers; someone
    with a note that names no agenda item counts for none)."""
    return _attendance(meeting, agenda).attendees


@dataclass(frozen=True)
class ItemQuorum:
    item: AgendaItem | None
    result: QuorumResult


@dataclass(frozen=True)
class QuorumPanel:
    rule: QuorumRule | None
    rule_text: str
    error: str
    whole_meeting: QuorumResult | None
    items: tuple[ItemQuorum, ...]
    # attendance given by an items note: mapped to agenda items, or not (left out)
    from_notes: tuple[NoteAttendance, ...] = ()
    unmapped: tuple[NoteAttendance, ...] = ()

    @property
    def all_quorate(self) -> bool:
        return all(i.result.quorate for i in self.items)


def quorum_rule_for(meeting: Meeting) -> tuple[QuorumRule | None, str, str]:
    """The rule of the terms of reference in force on the meeting date: (rule, the clause as
    written, an error if the stored rule is invalid)."""
    terms = meeting.body.current_terms(on=meeting.date)
    if terms is None or not terms.quorum_rule:
        return None, terms.quorum_text if terms else "", ""
    try:
        return rule_from_dict(terms.quorum_rule), terms.quorum_text, ""
    except QuorumRuleError as exc:
        return None, terms.quorum_text, f"The stored quorum rule is invalid: {exc}"


def quorum_panel(meeting: Meeting) -> QuorumPanel:
    """Quorum for the meeting as a whole and for each agenda item, from the attendance."""
    rule, text, error = quorum_rule_for(meeting)
    if rule is None:
        return QuorumPanel(None, text, error, None, ())
    agenda = list(AgendaItem.objects.filter(meeting=meeting).order_by("order"))
    seen = _attendance(meeting, agenda)
    people = seen.attendees
    results = evaluate_items(rule, people, [i.number for i in agenda])
    per_item = tuple(ItemQuorum(i, r) for i, r in zip(agenda, results, strict=True))
    return QuorumPanel(
        rule,
        describe(rule),
        "",
        evaluate(rule, people),
        per_item,
        from_notes=tuple(seen.from_notes),
        unmapped=tuple(seen.unmapped),
    )


# --- statutory timing ---------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineRow:
    label: str
    status: DeadlineStatus | None
    applies: bool
    note: str = ""

    @property
    def tag(self) -> str:
        if self.status is None:
            return "grey"
        return {
            "met": "green",
            "missed": "red",
            "warning": "orange",
            "due": "blue",
            "not recorded": "grey",
        }[self.status.state.value]


@dataclass(frozen=True)
class UrgencyCheck:
    use: UrgencyUse
    problems: tuple[str, ...]


def timing_rules(body: Body) -> TimingRules:
    return TimingRules(
        agenda_clear_working_days=body.publish_clear_working_days,
        key_decision_clear_days=body.key_decision_notice_days,
        private_meeting_clear_days=body.private_meeting_notice_days,
    )


def deadlines_for(meeting: Meeting, *, today: dt.date) -> list[DeadlineRow]:
    """Each deadline of the meeting, whether it applies, and met / missed / due / warning."""
    rules = timing_rules(meeting.body)
    notices: dict[str, dt.date] = {}
    for n in StatutoryNotice.objects.filter(meeting=meeting).order_by("published_on"):
        notices.setdefault(n.kind, n.published_on)
    published = meeting.published_at
    years = [meeting.date.year, today.year, meeting.date.year - 1]
    if published is not None:
        years.append(published.year)
    years += [d.year for d in notices.values()]
    calendar = working_calendar(min(years), max(years))
    items = list(AgendaItem.objects.filter(meeting=meeting).select_related("report"))
    key_decision = any(
        getattr(i, "report", None) is not None and i.report.key_decision for i in items
    )
    private = not meeting.is_public or any(i.exempt_paragraph is not None for i in items)
    routes = set(
        UrgencyUse.objects.filter(meeting=meeting).values_list("route", flat=True).distinct()
    )
    try:
        dates = statutory_deadlines(meeting.date, calendar, rules)
        rows = [
            DeadlineRow(
                "Agenda and reports published",
                publication_status(
                    meeting_date=meeting.date,
                    published=published,
                    today=today,
                    calendar=calendar,
                    rules=rules,
                    tz=LONDON,
                ),
                True,
            )
        ]
        if rows[0].status is not None and rows[0].status.state == DeadlineState.NOT_RECORDED:
            printed = meeting.publication_date
            rows[0] = DeadlineRow(
                rows[0].label,
                rows[0].status,
                True,
                f"The agenda is dated {printed.day} {printed:%B %Y}." if printed else "",
            )

        def notice(label: str, kind: str, deadline: dt.date, applies: bool, why: str) -> None:
            status = deadline_status(
                deadline=deadline,
                done_on=notices.get(kind),
                today=today,
                calendar=calendar,
                what="notice published",
                not_done="the notice was not published",
                meeting_on=meeting.date,
                warning_working_days=rules.warning_working_days,
            )
            rows.append(DeadlineRow(label, status, applies, "" if applies else why))

        notice(
            "Notice of key decisions",
            NoticeKind.KEY_DECISION,
            dates.key_decision_notice_by,
            key_decision,
            "No report on this agenda is marked as a key decision.",
        )
        notice(
            "Notice of intention to meet in private",
            NoticeKind.PRIVATE_MEETING,
            dates.private_meeting_notice_by,
            private,
            "The meeting is public and no item is exempt.",
        )
        notice(
            "Further notice of the private meeting",
            NoticeKind.PRIVATE_MEETING_FINAL,
            dates.private_meeting_final_notice_by,
            private,
            "The meeting is public and no item is exempt.",
        )
    except CalendarRangeError as exc:
        return [DeadlineRow("Statutory deadlines", None, True, f"Cannot work out: {exc}")]
    if UrgencyRoute.GENERAL_EXCEPTION in routes or UrgencyRoute.SPECIAL_URGENCY in routes:
        rows[1] = DeadlineRow(
            rows[1].label,
            rows[1].status,
            rows[1].applies,
            "An urgency route (general exception or special urgency) is recorded below.",
        )
    if meeting.status == MeetingStatus.CANCELLED:
        return [DeadlineRow(r.label, r.status, False, "The meeting is cancelled.") for r in rows]
    return rows


def urgency_checks(meeting: Meeting) -> list[UrgencyCheck]:
    out = []
    for use in UrgencyUse.objects.filter(meeting=meeting).select_related("agenda_item"):
        record = UrgencyRecord(
            route=UrgencyRoute(use.route),
            reason=use.reason,
            meeting_date=meeting.date,
            agreed_by=use.agreed_by,
            agreed_on=use.agreed_on,
            notice_published_on=use.notice_published_on,
        )
        out.append(UrgencyCheck(use, check_urgency(record)))
    return out


# --- the action tracker -----------------------------------------------------------------


def _with_details(qs: QuerySet[Action]) -> QuerySet[Action]:
    return qs.select_related("meeting__body", "status", "minute").prefetch_related(
        "leads",
        Prefetch("updates", queryset=ActionUpdate.objects.select_related("status")),
    )


def tracker(
    body: Body, *, viewer: visibility.Viewer, include_closed: bool = True
) -> QuerySet[Action]:
    qs = visibility.actions(viewer, Action.objects.filter(body=body))
    if not include_closed:
        qs = qs.filter(status__is_closed=False)
    return _with_details(qs).order_by("meeting__date", "agenda_number", "id")


def carried_forward(meeting: Meeting, *, viewer: visibility.Viewer) -> list[Action]:
    """The live tracker for a meeting's "action tracker" item: the body's actions raised at
    earlier meetings that are still open, or were closed since the previous meeting."""
    previous = (
        Meeting.objects.filter(body=meeting.body_id, date__lt=meeting.date)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    qs = visibility.actions(
        viewer, Action.objects.filter(body=meeting.body_id, meeting__date__lt=meeting.date)
    )
    recent = Q(updates__on__gte=previous) if previous else Q()
    qs = qs.filter(Q(status__is_closed=False) | (Q(status__is_closed=True) & recent)).distinct()
    return list(_with_details(qs).order_by("meeting__date", "agenda_number", "id"))


def actions_for_person(person: Person, *, viewer: visibility.Viewer) -> QuerySet[Action]:
    """ "My actions": a person's actions across every body, open first."""
    qs = visibility.actions(viewer, Action.objects.filter(leads=person))
    return _with_details(qs).order_by("status__is_closed", "deadline", "meeting__date", "id")


def is_tracker_item(item: AgendaItem) -> bool:
    title = item.title.lower()
    return "action tracker" in title or "action log" in title


def overdue(actions: Iterable[Action], today: dt.date) -> set[int]:
    return {a.pk for a in actions if a.is_overdue(today)}


ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def roman(n: int) -> str:
    """(i), (ii)...: resolution labels as the minutes print them."""
    if 1 <= n <= len(ROMAN):
        return ROMAN[n - 1]
    return str(n)


def person_attendance(person: Person, *, viewer: visibility.Viewer) -> QuerySet[Attendance]:
    """Meetings attended (present, in attendance or substituting), newest first."""
    qs = Attendance.objects.filter(
        person=person, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE]
    )
    return (
        visibility.attendance(viewer, qs)
        .select_related("meeting__body")
        .order_by("-meeting__date")[:100]
    )


# --- the meeting's audit trail ----------------------------------------------------------

HISTORY_RECORD_NAMES = {
    "governance.meeting": "Meeting",
    "governance.agendaitem": "Agenda item",
    "governance.report": "Report",
    "proceedings.attendance": "Attendance",
    "proceedings.declaration": "Declaration",
    "proceedings.minute": "Minute",
    "proceedings.resolution": "Resolution",
    "proceedings.decision": "Decision",
    "proceedings.minutesapproval": "Minutes approval",
    "proceedings.urgencyuse": "Urgency route",
    "proceedings.statutorynotice": "Notice",
}


def _ids(qs: QuerySet[Any]) -> QuerySet[Any]:
    """The primary keys of ``qs`` as text, as ``AuditEvent.object_id`` holds them."""
    return qs.annotate(audit_id=Cast("pk", CharField())).values("audit_id")


def meeting_history_q(meeting: Meeting) -> Q:
    """Audit events of the meeting and of its records (agenda items, reports, attendance,
    declarations, minutes, resolutions, decisions, minutes approval, urgency uses,
    notices), as one condition whose subqueries run in the same query."""
    children: dict[type[Any], QuerySet[Any]] = {
        AgendaItem: AgendaItem.objects.filter(meeting=meeting),
        Report: Report.objects.filter(agenda_item__meeting=meeting),
        Attendance: Attendance.objects.filter(meeting=meeting),
        Declaration: Declaration.objects.filter(meeting=meeting),
        Minute: Minute.objects.filter(meeting=meeting),
        Resolution: Resolution.objects.filter(minute__meeting=meeting),
        Decision: Decision.objects.filter(meeting=meeting),
        MinutesApproval: MinutesApproval.objects.filter(meeting=meeting),
        UrgencyUse: UrgencyUse.objects.filter(meeting=meeting),
        StatutoryNotice: StatutoryNotice.objects.filter(meeting=meeting),
    }
    q = Q(object_type=Meeting._meta.label_lower, object_id=str(meeting.pk))
    for model, qs in children.items():
        q |= Q(object_type=model._meta.label_lower, object_id__in=_ids(qs))
    return q


@dataclass(frozen=True)
class MeetingHistory:
    events: list[AuditEvent]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.events)


def meeting_history(meeting: Meeting, *, limit: int = 200) -> MeetingHistory:
    """The meeting's audit trail with its records', newest first, at most ``limit`` events
    (one query; a second counts them only when there are more than ``limit``). Each event
    carries ``record_name`` ("Attendance", "Minute"...) for the page."""
    events = list(
        AuditEvent.objects.filter(meeting_history_q(meeting))
        .select_related("actor")
        .order_by("-at", "-id")[: limit + 1]
    )
    total = len(events)
    if total > limit:
        events = events[:limit]
        total = AuditEvent.objects.filter(meeting_history_q(meeting)).count()
    for e in events:
        e.record_name = HISTORY_RECORD_NAMES.get(e.object_type, e.object_type)  # type: ignore[attr-defined]
    return MeetingHistory(events, total)
