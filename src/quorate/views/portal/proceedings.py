"""Public pages for what happened at meetings: minutes, attendance, decisions register,
action tracker. Everything passes through ``quorate.governance.visibility``.

The meeting and person pages ask these helpers only for what exists (the page's own
query carries ``Exists`` flags), so a page with nothing to show costs no extra queries.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from quorate.governance import visibility
from quorate.governance.models import Body, Meeting
from quorate.people.models import Person
from quorate.proceedings import queries
from quorate.proceedings.enums import AttendanceStatus
from quorate.proceedings.models import (
    Action,
    Attendance,
    Decision,
    Declaration,
    Minute,
    MinuteRevision,
    MinutesApproval,
    Resolution,
)


def annotate_meetings(qs: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Flags saying which proceedings a meeting has, in the meeting's own query."""
    meeting = OuterRef("pk")
    return qs.annotate(
        has_attendance=Exists(Attendance.objects.filter(meeting=meeting)),
        has_declarations=Exists(Declaration.objects.filter(meeting=meeting)),
        has_minutes=Exists(Minute.objects.filter(meeting=meeting)),
        has_decisions=Exists(Decision.objects.filter(meeting=meeting)),
        has_prior_actions=Exists(
            Action.objects.filter(body=OuterRef("body"), meeting__date__lt=OuterRef("date"))
        ),
    )


def annotate_people(qs: QuerySet[Person]) -> QuerySet[Person]:
    return qs.annotate(has_attendance=Exists(Attendance.objects.filter(person=OuterRef("pk"))))


def meeting_context(
    viewer: visibility.Viewer, meeting: Meeting, items: list[Any]
) -> dict[str, Any]:
    """Attendance, declarations, minutes, decisions and the live tracker for the meeting page."""
    out: dict[str, Any] = {}
    if getattr(meeting, "has_attendance", False):
        rows = visibility.attendance(viewer, Attendance.objects.filter(meeting=meeting))
        groups: dict[str, list[Attendance]] = {s: [] for s in AttendanceStatus.values}
        for a in rows.select_related("person", "substitute_for").order_by("person__family_name"):
            groups[a.status].append(a)
        labels = dict(AttendanceStatus.choices)
        out["attendance_groups"] = [(labels[s], rows) for s, rows in groups.items() if rows]
    if getattr(meeting, "has_declarations", False):
        out["declarations"] = visibility.declarations(
            viewer, Declaration.objects.filter(meeting=meeting)
        ).select_related("person", "agenda_item")
    if getattr(meeting, "has_minutes", False):
        minutes = list(
            visibility.minutes(viewer, Minute.objects.filter(meeting=meeting))
            .prefetch_related(
                Prefetch("revisions", queryset=MinuteRevision.objects.order_by("number")),
                Prefetch(
                    "resolutions",
                    queryset=visibility.resolutions(viewer, Resolution.objects.all()).order_by(
                        "order"
                    ),
                ),
            )
            .order_by("order")
        )
        out["minutes"] = minutes
        if minutes:
            out["minutes_approval"] = (
                MinutesApproval.objects.filter(meeting=meeting)
                .select_related("approved_at_meeting")
                .first()
            )
    if getattr(meeting, "has_decisions", False):
        out["decisions"] = visibility.decisions(
            viewer, Decision.objects.filter(meeting=meeting)
        ).select_related("report")
    tracker_item = next((v.item for v in items if queries.is_tracker_item(v.item)), None)
    if tracker_item is not None and getattr(meeting, "has_prior_actions", False):
        today = timezone.localdate()
        carried = queries.carried_forward(meeting, viewer=viewer)
        out.update(tracker_item=tracker_item, carried=carried)
        out["overdue"] = queries.overdue(carried, today)
    return out


def person_context(viewer: visibility.Viewer, person: Person) -> dict[str, Any]:
    if not getattr(person, "has_attendance", False):
        return {}
    return {"attended": list(queries.person_attendance(person, viewer=viewer))}


def action_tracker(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = visibility.viewer_for(request.user)
    body = get_object_or_404(Body, slug=slug)
    actions = list(queries.tracker(body, viewer=viewer))
    today = timezone.localdate()
    return render(
        request,
        "portal/proceedings/tracker.html",
        {
            "body": body,
            "open": [a for a in actions if a.is_open],
            "closed": [a for a in actions if not a.is_open],
            "overdue": queries.overdue(actions, today),
        },
    )


def decisions_register(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = visibility.viewer_for(request.user)
    body = get_object_or_404(Body, slug=slug)
    rows = (
        visibility.decisions(viewer, Decision.objects.filter(body=body))
        .select_related("meeting", "report__agenda_item__meeting", "agenda_item")
        .order_by("-decided_on", "id")
    )
    return render(
        request,
        "portal/proceedings/decisions.html",
        {"body": body, "decisions": rows, "today": timezone.localdate()},
    )
