"""Printed documents Quorate renders itself: minutes, the action tracker, decision notices."""

from __future__ import annotations

import base64
import datetime as dt
import html
import re

from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from quorate.adapters import pdf
from quorate.governance import visibility
from quorate.governance.models import Body, Meeting
from quorate.proceedings.models import Action, Attendance, Decision, Minute, MinutesApproval


def _minutes_of(
    meeting: Meeting, viewer: visibility.Viewer, *, publishing_drafts: bool = False
) -> QuerySet[Minute]:
    return visibility.minutes(
        viewer, Minute.objects.filter(meeting=meeting), publishing_drafts=publishing_drafts
    )


def has_minutes(
    meeting: Meeting, viewer: visibility.Viewer, *, publishing_drafts: bool = False
) -> bool:
    """Are there minutes of ``meeting`` this viewer may read (through the visibility door)?"""
    return _minutes_of(meeting, viewer, publishing_drafts=publishing_drafts).exists()


def minutes_context(
    meeting: Meeting, viewer: visibility.Viewer, *, publishing_drafts: bool = False
) -> dict[str, object]:
    minutes = (
        _minutes_of(meeting, viewer, publishing_drafts=publishing_drafts)
        .select_related("agenda_item")
        .prefetch_related(
            "revisions",
            "resolutions",
            Prefetch("actions", queryset=Action.objects.prefetch_related("leads")),
        )
        .order_by("order")
    )
    attendance = (
        visibility.attendance(viewer, Attendance.objects.filter(meeting=meeting))
        .select_related("person", "organisation", "substitute_for")
        .order_by("person__family_name")
    )
    groups: dict[str, list[Attendance]] = {}
    for a in attendance:
        groups.setdefault(a.get_status_display(), []).append(a)
    approval = (
        MinutesApproval.objects.filter(meeting=meeting)
        .select_related("approved_at_meeting")
        .first()
    )
    return {
        "meeting": meeting,
        "minutes": minutes,
        "attendance_groups": groups,
        "approval": approval,
    }


def render_minutes(
    meeting: Meeting, viewer: visibility.Viewer, *, publishing_drafts: bool = False
) -> pdf.RenderedPdf:
    """The printed minutes as ``viewer`` may read them (the door decides what is left out)."""
    context = minutes_context(meeting, viewer, publishing_drafts=publishing_drafts)
    return pdf.render_document(render_to_string("packs/minutes.html", context))


def tracker_actions(body: Body, *, as_at: dt.date, viewer: visibility.Viewer) -> list[Action]:
    """Open actions, and those closed since the body's previous meeting before ``as_at``,
    as ``viewer`` may see them."""
    previous = Meeting.objects.filter(body=body, date__lt=as_at).order_by("-date").first()
    since = previous.date if previous else as_at
    qs = (
        visibility.actions(viewer, Action.objects.filter(body=body, meeting__date__lt=as_at))
        .select_related("meeting", "status")
        .prefetch_related("leads", "updates__status")
        .order_by("meeting__date", "id")
    )
    out = []
    for action in qs:
        if action.is_open:
            out.append(action)
            continue
        last = max((u.on for u in action.updates.all()), default=action.meeting.date)
        if last >= since:
            out.append(action)
    return out


def render_action_tracker(
    body: Body, *, as_at: dt.date, viewer: visibility.Viewer
) -> pdf.RenderedPdf | None:
    actions = tracker_actions(body, as_at=as_at, viewer=viewer)
    if not actions:
        return None
    html = render_to_string(
        "packs/action_tracker.html", {"body": body, "actions": actions, "as_at": as_at}
    )
    return pdf.render_document(html)


def render_decision_notice(decision: Decision) -> pdf.RenderedPdf:
    html = render_to_string(
        "packs/decision_notice.html",
        {
            "decision": decision,
            "issued_on": timezone.localdate(),
        },
    )
    return pdf.render_document(html)


def _svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _svg_alt(svg: str) -> str:
    """The SVG's ``<title>``, then its ``<desc>`` (the chart in words) if it has one, as the
    alternative text of the image that carries it (entities decoded: the template escapes)."""
    words = [
        html.unescape(found.group(1).strip())
        for tag in ("title", "desc")
        if (found := re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", svg, re.S))
    ]
    return ". ".join(w.rstrip(".") for w in words if w) + ("." if len(words) > 1 else "")


def render_performance_summary(body: Body, *, as_at: dt.date) -> pdf.RenderedPdf | None:
    """The body's indicators as the portal shows them, as they stood at ``as_at``: a summary
    table with the MDC icons, then one SPC chart per indicator (SVG, with its alt text), for
    a performance item."""
    from quorate.performance import display, queries

    rows = []
    for figs in queries.body_performance(body, as_at=as_at):
        pictures = display.pictures(figs, icon_size=28)
        latest = figs.latest
        ind = figs.indicator
        rows.append(
            {
                "indicator": ind,
                "period": latest.label if latest else "",
                "value": display.observation_text(latest.observation, ind) if latest else "",
                "comparator": display.comparator_text(latest, ind) if latest else "",
                "rag": latest.rag if latest else None,
                "images": [
                    (_svg_data_uri(svg), _svg_alt(svg))
                    for svg in (pictures.variation, pictures.assurance)
                    if svg
                ],
                "chart": (_svg_data_uri(pictures.chart), _svg_alt(pictures.chart))
                if pictures.chart
                else None,
                "caution": pictures.caution,
            }
        )
    if not rows:
        return None
    html = render_to_string(
        "packs/performance_summary.html",
        {
            "body": body,
            "rows": rows,
            "as_at": as_at,
        },
    )
    return pdf.render_document(html)
