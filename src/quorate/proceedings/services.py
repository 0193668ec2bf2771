"""Writes for what happens at a meeting. Each is one transaction with an audit row.

Minutes are drafts until approved by a later meeting; after that they are frozen and a
change is a correction: a new revision with a reason and an author.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from quorate.audit.services import diff, record, upsert
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import AgendaItem, Meeting
from quorate.governance.services import (
    MinutesFrozen,
    minutes_approved,
    refuse_if_minutes_approved,
    update_agenda_item,
)
from quorate.people.models import Interest, Person
from quorate.proceedings.enums import CallInStatus, MinutesState
from quorate.proceedings.models import (
    Attendance,
    Decision,
    Declaration,
    Minute,
    MinuteRevision,
    MinutesApproval,
    Resolution,
    StatutoryNotice,
    UrgencyUse,
)


@transaction.atomic
def record_attendance(
    meeting: Meeting, *, person: Person, status: str, by: Any = None, actor: str = "", **fields: Any
) -> Attendance:
    """Record (or update) a person's attendance at a meeting."""
    refuse_if_minutes_approved(meeting)
    return upsert(
        Attendance,
        lookup={"meeting": meeting, "person": person},
        data={"status": status, **fields},
        created="record_attendance",
        updated="update_attendance",
        by=by,
        actor=actor,
    )


def interest_in_force(interest: Interest, on: dt.date) -> bool:
    """Whether a register entry was in force on ``on`` (registered by then, not yet ended)."""
    return interest.registered_on <= on and (interest.ended_on is None or interest.ended_on >= on)


@transaction.atomic
def record_declaration(
    meeting: Meeting,
    *,
    person: Person,
    kind: str,
    nature: str,
    agenda_item: AgendaItem | None = None,
    by: Any = None,
    actor: str = "",
    **fields: Any,
) -> Declaration:
    refuse_if_minutes_approved(meeting)
    interest = fields.get("interest")
    if interest is not None:
        if interest.person_id != person.pk:
            raise ValidationError(
                {"interest": f"That register entry belongs to {interest.person}, not {person}."}
            )
        if not interest_in_force(interest, meeting.date):
            raise ValidationError(
                {
                    "interest": f"That register entry was not in force on {meeting.date:%-d %B %Y}"
                    f" (registered {interest.registered_on:%-d %B %Y}"
                    + (f", ended {interest.ended_on:%-d %B %Y}" if interest.ended_on else "")
                    + ")."
                }
            )
    declaration, created = Declaration.objects.get_or_create(
        meeting=meeting,
        person=person,
        agenda_item=agenda_item,
        kind=kind,
        nature=nature,
        defaults=fields,
    )
    if created:
        record(
            declaration,
            verb="record_declaration",
            by=by,
            actor_label=actor,
            changes={"kind": kind, "nature": nature, "item": agenda_item},
        )
    return declaration


@transaction.atomic
def draft_minute(
    meeting: Meeting,
    *,
    number: str,
    title: str,
    text: str,
    order: int | None = None,
    agenda_item: AgendaItem | None = None,
    presented_by: str = "",
    by: Any = None,
    actor: str = "",
) -> Minute:
    """Write (or redraft) the minute numbered ``number``; a new revision only if text changed."""
    refuse_if_minutes_approved(meeting)
    minute = Minute.objects.filter(meeting=meeting, number=number).first()
    if agenda_item is not None:
        if agenda_item.meeting_id != meeting.pk:
            raise ValidationError(
                {"agenda_item": f"Item {agenda_item.number} is not on the agenda of {meeting}."}
            )
        other = Minute.objects.filter(agenda_item=agenda_item)
        if minute is not None:
            other = other.exclude(pk=minute.pk)
        taken = other.first()
        if taken is not None:
            raise ValidationError(
                {
                    "agenda_item": f"Item {agenda_item.number} is already minuted (minute "
                    f"{taken.number}); redraft that minute instead of adding another."
                }
            )
    if minute is None:
        if order is None:
            last = Minute.objects.filter(meeting=meeting).order_by("-order").first()
            order = (last.order + 1) if last else 1
        minute = Minute.objects.create(
            meeting=meeting, number=number, title=title, order=order, agenda_item=agenda_item
        )
        record(minute, verb="draft_minute", by=by, actor_label=actor, changes={"title": title})
    else:
        changes = diff(
            minute,
            {
                "title": title,
                "agenda_item": agenda_item,
                **({"order": order} if order is not None else {}),
            },
        )
        if changes:
            minute.save()
            record(minute, verb="update_minute", by=by, actor_label=actor, changes=changes)
    current = minute.current
    if current is None or current.text != text or current.presented_by != presented_by:
        _add_revision(minute, text=text, presented_by=presented_by, by=by, actor=actor, reason="")
    MinutesApproval.objects.get_or_create(meeting=meeting)
    return minute


def _add_revision(
    minute: Minute, *, text: str, presented_by: str, by: Any, actor: str, reason: str
) -> MinuteRevision:
    current = minute.current
    revision = MinuteRevision.objects.create(
        minute=minute,
        number=(current.number + 1) if current else 1,
        text=text,
        presented_by=presented_by,
        author=by if getattr(by, "is_authenticated", False) else None,
        author_label=actor,
        reason=reason,
    )
    record(
        minute,
        verb="revise_minute",
        by=by,
        actor_label=actor,
        reason=reason,
        changes={"revision": revision.number},
    )
    return revision


@transaction.atomic
def correct_minute(
    minute: Minute, *, text: str, reason: str, by: Any = None, actor: str = ""
) -> MinuteRevision:
    """Correct a minute (approved or not): a new revision, with a reason, keeping history."""
    if not reason.strip():
        raise ValidationError({"reason": "A correction needs a reason."})
    return _add_revision(
        minute,
        text=text,
        presented_by=minute.current.presented_by if minute.current else "",
        by=by,
        actor=actor,
        reason=reason,
    )


@transaction.atomic
def add_resolution(
    minute: Minute,
    *,
    label: str,
    text: str,
    order: int | None = None,
    new: bool = False,
    by: Any = None,
    actor: str = "",
) -> Resolution:
    """Add resolution ``label`` under a minute, or (an importer, ``new=False``) update its
    text. With ``new=True`` (the back office adding one) an existing label is refused rather
    than overwritten."""
    refuse_if_minutes_approved(minute.meeting)
    existing = Resolution.objects.filter(minute=minute, label=label).first()
    if existing is not None and new:
        raise ValidationError(
            {
                "label": f"Minute {minute.number} already has resolution ({label}); "
                "choose another label."
            }
        )
    if existing is not None:
        changes = diff(existing, {"text": text})
        if changes:
            existing.save()
            record(existing, verb="update_resolution", by=by, actor_label=actor, changes=changes)
        return existing
    if order is None:
        order = Resolution.objects.filter(minute=minute).count() + 1
    resolution = Resolution.objects.create(minute=minute, label=label, text=text, order=order)
    record(resolution, verb="add_resolution", by=by, actor_label=actor, changes={"text": text})
    return resolution


@transaction.atomic
def approve_minutes(
    meeting: Meeting,
    *,
    at_meeting: Meeting | None,
    approved_on: dt.date,
    text: str = "agreed as an accurate reflection",
    by: Any = None,
    actor: str = "",
) -> MinutesApproval:
    """Record that a later meeting approved these minutes; from now on they are frozen."""
    if at_meeting is not None and at_meeting.date <= meeting.date:
        raise ValidationError("Minutes are approved by a later meeting.")
    approval, _ = MinutesApproval.objects.get_or_create(meeting=meeting)
    if approval.is_frozen:
        if (
            approval.approved_at_meeting_id == (at_meeting.pk if at_meeting else None)
            and approval.approved_on == approved_on
        ):
            return approval  # the same approval again: nothing to do
        where = (
            f" at the meeting of {approval.approved_at_meeting}"
            if approval.approved_at_meeting
            else ""
        )
        raise ValidationError(
            f"The minutes of {meeting} were already approved{where} on "
            f"{approval.approved_on:%-d %B %Y}; an approval is not changed."
        )
    approval.state = MinutesState.APPROVED
    approval.approved_at_meeting = at_meeting
    approval.approved_on = approved_on
    approval.approval_text = text
    approval.save()
    if meeting.status in {
        MeetingStatus.HELD,
        MeetingStatus.AGENDA_PUBLISHED,
        MeetingStatus.SCHEDULED,
    }:
        meeting.status = MeetingStatus.MINUTES_APPROVED
        meeting.save(update_fields=["status"])
    record(
        approval,
        verb="approve_minutes",
        by=by,
        actor_label=actor,
        changes={"approved_at": at_meeting, "approved_on": approved_on, "text": text},
    )
    return approval


@transaction.atomic
def record_decision(
    meeting: Meeting, *, title: str, text: str, by: Any = None, actor: str = "", **fields: Any
) -> Decision:
    """Add a decision to the register (idempotent on meeting, title and text). Not once the
    meeting's minutes are approved: the decisions are part of what was approved."""
    if minutes_approved(meeting):
        existing = Decision.objects.filter(
            body=meeting.body, meeting=meeting, title=title, text=text
        ).first()
        if existing is not None:
            return existing
        raise MinutesFrozen(
            f"Cannot add a decision: the minutes of {meeting} are approved and frozen. "
            "Correct a minute with a reasoned revision instead."
        )
    decision, created = Decision.objects.get_or_create(
        body=meeting.body,
        meeting=meeting,
        title=title,
        text=text,
        defaults={"decided_on": meeting.date, **fields},
    )
    if created:
        record(decision, verb="record_decision", by=by, actor_label=actor, changes={"title": title})
    return decision


@transaction.atomic
def update_call_in(
    decision: Decision,
    *,
    call_in_status: str,
    call_in_deadline: dt.date | None,
    by: Any = None,
    actor: str = "",
) -> Decision:
    """Record where a decision stands on call-in (open, called in, period ended) and its
    deadline. Call-in runs after the meeting, so this is allowed after the minutes are
    approved: it is the register's state, not the minute's text."""
    if call_in_status not in CallInStatus.values:
        raise ValidationError({"call_in_status": f"Unknown call-in status {call_in_status!r}."})
    if call_in_status != CallInStatus.NOT_APPLICABLE and call_in_deadline is None:
        needs = "a decision open to call-in needs its deadline."
        raise ValidationError({"call_in_deadline": f"{decision.title}: {needs}"})
    if call_in_deadline is not None and call_in_deadline < decision.decided_on:
        raise ValidationError(
            {
                "call_in_deadline": f"{decision.title}: the call-in deadline cannot be before "
                f"the decision ({decision.decided_on:%d/%m/%Y})."
            }
        )
    changes = diff(
        decision, {"call_in_status": call_in_status, "call_in_deadline": call_in_deadline}
    )
    if changes:
        decision.save(update_fields=list(changes))
        record(decision, verb="update_call_in", by=by, actor_label=actor, changes=changes)
    return decision


# --- the back office's meeting cycle ----------------------------------------------------


@transaction.atomic
def remove_attendance(attendance: Attendance, *, by: Any = None, actor: str = "") -> None:
    """Take a wrongly recorded person off the attendance list (not once minutes are frozen).

    Audited twice: on the row, and on the meeting, whose history finds events by the ids of
    records that still exist and so would otherwise lose the removal with the row."""
    meeting = attendance.meeting
    refuse_if_minutes_approved(meeting)
    removed: dict[str, Any] = {
        "attendance": attendance.pk,
        "person": str(attendance.person),
        "status": attendance.get_status_display(),
        "mode": attendance.get_mode_display(),
    }
    if attendance.substitute_for_id:
        removed["substitute_for"] = str(attendance.substitute_for)
    if attendance.items_note:
        removed["items_note"] = attendance.items_note
    record(attendance, verb="remove_attendance", by=by, actor_label=actor, changes=removed)
    record(meeting, verb="remove_attendance", by=by, actor_label=actor, changes=removed)
    attendance.delete()


@transaction.atomic
def record_urgency(
    meeting: Meeting,
    *,
    route: str,
    reason: str,
    agenda_item: AgendaItem | None = None,
    agreed_by: str = "",
    agreed_on: dt.date | None = None,
    notice_published_on: dt.date | None = None,
    by: Any = None,
    actor: str = "",
) -> UrgencyUse:
    """Record the use of an urgency route with its reason; an urgent item is marked urgent."""
    refuse_if_minutes_approved(meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for using the urgency route."})
    use = UrgencyUse(
        meeting=meeting,
        agenda_item=agenda_item,
        route=route,
        reason=reason,
        agreed_by=agreed_by,
        agreed_on=agreed_on,
        notice_published_on=notice_published_on,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    use.full_clean()
    use.save()
    record(
        meeting,
        verb="record_urgency",
        by=by,
        actor_label=actor,
        reason=reason,
        changes={"route": route, "item": agenda_item, "agreed_by": agreed_by},
    )
    if agenda_item is not None and route == "urgent_item":
        update_agenda_item(agenda_item, is_urgent=True, urgency_reason=reason, by=by, actor=actor)
    return use


@transaction.atomic
def record_notice(
    meeting: Meeting,
    *,
    kind: str,
    published_on: dt.date,
    reference: str = "",
    by: Any = None,
    actor: str = "",
) -> StatutoryNotice:
    """Record when a statutory notice (key decision, private meeting...) was published."""
    refuse_if_minutes_approved(meeting)
    notice = StatutoryNotice(
        meeting=meeting, kind=kind, published_on=published_on, reference=reference
    )
    notice.full_clean()
    notice.save()
    record(
        meeting,
        verb="record_notice",
        by=by,
        actor_label=actor,
        changes={"kind": kind, "published_on": published_on, "reference": reference},
    )
    return notice


@transaction.atomic
def publish_draft_minutes(
    meeting: Meeting, *, by: Any = None, actor: str = "", at: dt.datetime | None = None
) -> MinutesApproval:
    """Make the draft minutes public before their approval (marked as draft)."""
    approval, _ = MinutesApproval.objects.get_or_create(meeting=meeting)
    if approval.draft_published_at is None:
        approval.draft_published_at = at or timezone.now()
        approval.save(update_fields=["draft_published_at"])
        record(
            approval,
            verb="publish_draft_minutes",
            by=by,
            actor_label=actor,
            changes={"draft_published_at": approval.draft_published_at},
        )
    return approval
