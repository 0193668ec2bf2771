"""Attendance (with the live quorum panel), declarations, minutes, resolutions, approval
and decisions of a meeting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from quorate.audit.services import history_for
from quorate.core.ids import parse_id
from quorate.proceedings import queries
from quorate.proceedings import services as s
from quorate.proceedings.forms import (
    ActionForm,
    ApproveMinutesForm,
    AttendanceForm,
    CallInForm,
    CorrectionForm,
    DecisionForm,
    DeclarationForm,
    MinuteForm,
    ResolutionForm,
)
from quorate.proceedings.models import (
    Attendance,
    Decision,
    Declaration,
    Minute,
    MinuteRevision,
    MinutesApproval,
)
from quorate.views.backoffice.access import staff_required, submit
from quorate.views.backoffice.meetings import get_meeting, meeting_url


def _approval(meeting: Any) -> MinutesApproval | None:
    return (
        MinutesApproval.objects.filter(meeting=meeting)
        .select_related("approved_at_meeting")
        .first()
    )


# --- attendance ------------------------------------------------------------------------------


def _attendance(request: HttpRequest, meeting: Any, form: AttendanceForm | None) -> HttpResponse:
    rows = (
        Attendance.objects.filter(meeting=meeting)
        .select_related(
            "person__organisation", "substitute_for", "arrived_at_item", "left_after_item"
        )
        .order_by("status", "person__family_name")
    )
    approval = _approval(meeting)
    return render(
        request,
        "backoffice/attendance.html",
        {
            "meeting": meeting,
            "tab": "attendance",
            "rows": rows,
            "quorum": queries.quorum_panel(meeting),
            "form": form or AttendanceForm(meeting=meeting),
            "frozen": approval is not None and approval.is_frozen,
        },
    )


@staff_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    if request.method != "POST":
        return _attendance(request, meeting, None)
    form = AttendanceForm(request.POST, meeting=meeting)

    def save(data: dict[str, Any]) -> Attendance:
        person = data.pop("person")
        status = data.pop("status")
        return s.record_attendance(meeting, person=person, status=status, by=request.user, **data)

    done = submit(
        request,
        form,
        save,
        success="Attendance recorded; quorum recalculated",
        next_url=meeting_url(meeting, "attendance"),
    )
    return done or _attendance(request, meeting, form)


@staff_required
@require_POST
def attendance_remove(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    row = get_object_or_404(Attendance, pk=row_pk, meeting=meeting)
    try:
        s.remove_attendance(row, by=request.user)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, f"{row.person} taken off the attendance list")
    return redirect(meeting_url(meeting, "attendance"))


# --- declarations --------------------------------------------------------------------------


@staff_required
def declarations(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    form = DeclarationForm(request.POST or None, meeting=meeting)

    def save(data: dict[str, Any]) -> Declaration:
        return s.record_declaration(
            meeting,
            person=data["person"],
            kind=data["kind"],
            nature=data["nature"],
            agenda_item=data["agenda_item"],
            interest=data["interest"],
            action_taken=data["action_taken"],
            by=request.user,
        )

    done = submit(
        request,
        form,
        save,
        success="Declaration recorded",
        next_url=meeting_url(meeting, "declarations"),
    )
    rows = Declaration.objects.filter(meeting=meeting).select_related(
        "person", "agenda_item", "interest"
    )
    return done or render(
        request,
        "backoffice/declarations.html",
        {"meeting": meeting, "tab": "declarations", "rows": rows, "form": form},
    )


# --- minutes ---------------------------------------------------------------------------------


def _minutes(request: HttpRequest, meeting: Any, **forms: Any) -> HttpResponse:
    minutes = (
        Minute.objects.filter(meeting=meeting)
        .select_related("agenda_item")
        .prefetch_related("revisions", "resolutions")
        .order_by("order")
    )
    approval = _approval(meeting)
    return render(
        request,
        "backoffice/minutes.html",
        {
            "meeting": meeting,
            "tab": "minutes",
            "minutes": minutes,
            "approval": approval,
            "frozen": approval is not None and approval.is_frozen,
            "form": forms.get("form") or MinuteForm(meeting=meeting),
            "approve_form": forms.get("approve_form") or ApproveMinutesForm(meeting=meeting),
        },
    )


@staff_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    if request.method != "POST":
        return _minutes(request, meeting)
    form = MinuteForm(request.POST, meeting=meeting)

    def save(data: dict[str, Any]) -> Minute:
        return s.draft_minute(meeting, by=request.user, **data)

    done = submit(
        request,
        form,
        save,
        success="Minute saved as a draft",
        next_url=lambda m: reverse("office:minute", args=[m.pk]),
    )
    return done or _minutes(request, meeting, form=form)


@staff_required
@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    form = ApproveMinutesForm(request.POST, meeting=meeting)

    def save(data: dict[str, Any]) -> MinutesApproval:
        at = data["at_meeting"]
        return s.approve_minutes(
            meeting,
            at_meeting=at,
            approved_on=data["approved_on"] or at.date,
            text=data["text"],
            by=request.user,
        )

    done = submit(
        request,
        form,
        save,
        success="Minutes approved; they are now frozen",
        next_url=meeting_url(meeting, "minutes"),
    )
    return done or _minutes(request, meeting, approve_form=form)


@staff_required
@require_POST
def minutes_publish_draft(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    s.publish_draft_minutes(meeting, by=request.user)
    messages.success(request, "The draft minutes are now public, marked as draft")
    return redirect(meeting_url(meeting, "minutes"))


def minute_page(request: HttpRequest, minute: Minute, **forms: Any) -> HttpResponse:
    meeting = minute.meeting
    approval = _approval(meeting)
    frozen = approval is not None and approval.is_frozen
    current = minute.current
    resolutions = minute.resolutions.order_by("order")
    return render(
        request,
        "backoffice/minute.html",
        {
            "meeting": meeting,
            "tab": "minutes",
            "minute": minute,
            "current": current,
            "revisions": MinuteRevision.objects.filter(minute=minute)
            .select_related("author")
            .order_by("-number"),
            "resolutions": resolutions,
            "actions": minute.actions.select_related("status").prefetch_related("leads"),
            "approval": approval,
            "frozen": frozen,
            "redraft_form": forms.get("redraft_form")
            or MinuteForm(
                meeting=meeting,
                prefix="redraft",
                initial={
                    "agenda_item": minute.agenda_item_id,
                    "number": minute.number,
                    "title": minute.title,
                    "text": current.text if current else "",
                    "presented_by": current.presented_by if current else "",
                },
            ),
            "correction_form": forms.get("correction_form")
            or CorrectionForm(prefix="correct", initial={"text": current.text if current else ""}),
            "resolution_form": forms.get("resolution_form") or ResolutionForm(prefix="resolution"),
            "action_form": forms.get("action_form")
            or ActionForm(
                meeting=meeting,
                prefix="action",
                initial={"minute": minute.pk, "subject": minute.title},
            ),
            "history": history_for(minute)[:50],
        },
    )


def _get_minute(pk: int) -> Minute:
    return get_object_or_404(Minute.objects.select_related("meeting__body", "agenda_item"), pk=pk)


@staff_required
def minute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return minute_page(request, _get_minute(pk))


@staff_required
@require_POST
def minute_redraft(request: HttpRequest, pk: int) -> HttpResponse:
    minute = _get_minute(pk)
    form = MinuteForm(request.POST, meeting=minute.meeting, prefix="redraft")

    def save(data: dict[str, Any]) -> Minute:
        if data["number"] != minute.number:
            raise ValidationError("To renumber a minute, draft a new one")
        return s.draft_minute(minute.meeting, by=request.user, **data)

    url = reverse("office:minute", args=[minute.pk])
    done = submit(request, form, save, success="Draft minute saved", next_url=url)
    return done or minute_page(request, minute, redraft_form=form)


@staff_required
@require_POST
def minute_correct(request: HttpRequest, pk: int) -> HttpResponse:
    minute = _get_minute(pk)
    form = CorrectionForm(request.POST, prefix="correct")

    def save(data: dict[str, Any]) -> object:
        return s.correct_minute(minute, text=data["text"], reason=data["reason"], by=request.user)

    url = reverse("office:minute", args=[minute.pk])
    done = submit(
        request, form, save, success="Correction recorded as a new revision", next_url=url
    )
    return done or minute_page(request, minute, correction_form=form)


@staff_required
@require_POST
def minute_resolution(request: HttpRequest, pk: int) -> HttpResponse:
    minute = _get_minute(pk)
    form = ResolutionForm(request.POST, prefix="resolution")

    def save(data: dict[str, Any]) -> object:
        with transaction.atomic():
            order = minute.resolutions.count() + 1
            label = data["label"].strip().strip("()") or queries.roman(order)
            return s.add_resolution(
                minute, label=label, text=data["text"], new=True, by=request.user
            )

    url = reverse("office:minute", args=[minute.pk])
    done = submit(request, form, save, success="Resolution added", next_url=url)
    return done or minute_page(request, minute, resolution_form=form)


# --- decisions ------------------------------------------------------------------------------


@staff_required
def decisions(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    if request.method == "POST" and "call_in" in request.POST:
        return _call_in(request, meeting)
    form = DecisionForm(request.POST or None, meeting=meeting)

    def save(data: dict[str, Any]) -> Decision:
        item = data["agenda_item"] or (
            data["resolution"].minute.agenda_item if data["resolution"] else None
        )
        report = getattr(item, "report", None) if item is not None else None
        return s.record_decision(
            meeting,
            title=data["title"],
            text=data["text"],
            by=request.user,
            agenda_item=item,
            resolution=data["resolution"],
            report=report,
            decided_on=data["decided_on"] or meeting.date,
            is_key_decision=data["is_key_decision"],
            call_in_deadline=data["call_in_deadline"],
            call_in_status=data["call_in_status"],
        )

    done = submit(
        request,
        form,
        save,
        success="Decision added to the register",
        next_url=meeting_url(meeting, "decisions"),
    )
    return done or _decisions(request, meeting, form)


def _call_in_form(decision: Decision, data: Any = None) -> CallInForm:
    return CallInForm(
        data,
        prefix=f"callin-{decision.pk}",
        initial={
            "call_in_status": decision.call_in_status,
            "call_in_deadline": decision.call_in_deadline,
        },
    )


def _decisions(
    request: HttpRequest,
    meeting: Any,
    form: DecisionForm,
    call_in: tuple[int, CallInForm] | None = None,
) -> HttpResponse:
    rows = Decision.objects.filter(meeting=meeting).select_related("agenda_item", "report")
    return render(
        request,
        "backoffice/decisions.html",
        {
            "meeting": meeting,
            "tab": "decisions",
            "rows": [
                (d, call_in[1] if call_in and call_in[0] == d.pk else _call_in_form(d))
                for d in rows
            ],
            "form": form,
            "call_in_form": call_in[1] if call_in else None,
        },
    )


def _call_in(request: HttpRequest, meeting: Any) -> HttpResponse:
    """Update a recorded decision's call-in status and deadline (audited)."""
    raw = request.POST.get("call_in", "")
    decision = get_object_or_404(Decision, pk=parse_id(raw) or 0, meeting=meeting)
    form = _call_in_form(decision, request.POST)

    def save(data: dict[str, Any]) -> Decision:
        return s.update_call_in(
            decision,
            call_in_status=data["call_in_status"],
            call_in_deadline=data["call_in_deadline"],
            by=request.user,
        )

    done = submit(
        request,
        form,
        save,
        success=f"Call-in of {decision.title} updated",
        next_url=meeting_url(meeting, "decisions"),
    )
    if done:
        return done
    decision.refresh_from_db()
    return _decisions(request, meeting, DecisionForm(meeting=meeting), (decision.pk, form))
